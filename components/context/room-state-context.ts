import { createContext } from '@lit/context';
import type { ChatMessage, ConnectionState, DeviceKind, DeviceList, Participant, RoomState, WaitingPerson } from '../../core/types.js';
import type { RoomLimits } from '../../protocol/model.js';

export type Layout = 'grid' | 'speaker';

/** A side panel of the room's default UI. */
export type Panel = 'chat' | 'people';

/** A display name and avatar the page supplies for a user (the plugin Config's `users`). */
export interface UserProfile {
  readonly name?: string;
  readonly avatar?: string;
}

/** How one remote person plays for the local user alone (the tile menu; `<rtc-room>.setUserVolume`). */
export interface PersonSound {
  /** 0–1 (the `<audio>` element's volume). */
  readonly volume: number;
  /** Muted for the local user only ("Mute for me"); they still send, and everyone else hears them. */
  readonly muted: boolean;
}

/**
 * Everything the elements render, as one immutable value: `<rtc-room>` builds a new one on every
 * engine event or UI change (context notifies by identity), so nothing is ever mutated in place.
 */
export interface RoomSnapshot {
  readonly state: ConnectionState;
  readonly roomId: string | null;
  /** The local participant (before joining: the preview). */
  readonly self: Participant | null;
  /** The local participant first, then the remote ones in join order. */
  readonly participants: readonly Participant[];
  readonly activeSpeakerId: string | null;
  readonly screenSharerId: string | null;
  /** Raised hands, oldest first. */
  readonly hands: readonly string[];
  readonly messages: readonly ChatMessage[];
  /** What the server allows (chat size …); null until joined. */
  readonly limits: RoomLimits | null;
  readonly devices: DeviceList;
  readonly selectedDevices: Partial<Record<DeviceKind, string>>;
  /** Arrangement the user chose. */
  readonly layout: Layout;
  /** Who the user (or the page, through `current-user-id`) put on the main view; null = automatic. */
  readonly pinnedUserId: string | null;
  /** Who is on the main view now: the pin, else a screen sharer, else the active speaker… (see layout.ts `stage`). */
  readonly mainUserId: string | null;
  readonly fullscreen: boolean;
  /** Remote audio is playing (false while the user has turned the speaker off). */
  readonly speakerOn: boolean;
  /** Per-person volume and local mute, by user id; only those changed from full sound are in it. */
  readonly sound: Readonly<Record<string, PersonSound>>;
  readonly profiles: Readonly<Record<string, UserProfile>>;
  /** The side panel that is open, if any. */
  readonly panel: Panel | null;
  /** Messages from others that arrived while the chat was closed or the page hidden. */
  readonly unreadMessages: number;
  // Moderation (issue 10).
  /** The room's own state (title, lock, lobby, hosts, held mutes); null until joined. */
  readonly roomState: RoomState | null;
  /** Who waits in the lobby, oldest first (only those who may admit are told). */
  readonly waiting: readonly WaitingPerson[];
  // ---- local recording, picture-in-picture (issue 13) ----
  /** The local recording (`inactive` when unset). */
  readonly localRecording?: 'inactive' | 'recording' | 'paused';
  /** The picture-in-picture window is open. */
  readonly pictureInPicture?: boolean;
}

export const roomStateContext = createContext<RoomSnapshot | undefined>(Symbol('rtc-room-state'));
