/**
 * The `config` property of `<rtc-room>`: the display part of the mini-program plugin's Config
 * (seed-002 §3.4), same shape, so a page moving off the plugin keeps its object.
 */
import type { UserProfile } from '../context/room-state-context.js';

export type AnswerAction = 'hangup' | 'mute' | 'speaker' | 'screenshot' | 'enableCamera' | 'switchCamera' | 'switchScreenCapture';

interface Visible {
  visible?: boolean;
}

export interface RoomConfig {
  displayInfo?: {
    /** `visible: true` shows whole pictures (screens from a PC); false (default) fills the views, cropping. */
    showFullScreen?: Visible;
    /** Answer mode: show the incoming-call page (accept / decline) before joining. Default true. */
    callPage?: Visible;
    /** Text on the incoming-call page. */
    calling?: { information?: string };
    /** Text on the page shown after hanging up. */
    end?: { information?: string };
  };
  answer?: {
    /** The local view: hidden with `visible: false`; `isMini` floats it small. */
    pusher?: Visible & { isMini?: boolean };
    /** The remote (main) view. */
    player?: Visible & { isMini?: boolean };
    /** Each button shows unless `visible: false`. */
    actions?: Partial<Record<AnswerAction, Visible>>;
    /** The user list strip; `config` names and avatars win over the outer `users`. */
    users?: Visible & { config?: Record<string, UserProfile> };
  };
  /** Names and avatars by user id. */
  users?: Record<string, UserProfile>;
  /** `enableCamera: false` joins with the camera off. */
  controlInfo?: { enableCamera?: boolean };
}

/** Names and avatars from both places of the config, the answer-mode ones winning. */
export function profilesOf(config: RoomConfig | undefined): Readonly<Record<string, UserProfile>> {
  const outer = config?.users ?? {};
  const inner = config?.answer?.users?.config ?? {};
  const profiles: Record<string, UserProfile> = {};
  for (const id of new Set([...Object.keys(outer), ...Object.keys(inner)])) profiles[id] = { ...outer[id], ...inner[id] };
  return profiles;
}

/** A plugin flag: shown unless set to `false`. */
export function visible(flag: Visible | undefined, fallback = true): boolean {
  return flag?.visible ?? fallback;
}
