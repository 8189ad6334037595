/**
 * The health monitor of a running session: what it reads from RtcClient, how it steps the camera,
 * and its sampling timer. RtcClient imports this module once joined (a chunk of its own).
 */
import { DEFAULTS } from '../defaults.js';
import type { LocalMedia } from '../media/local-media.js';
import { higherProfile, lowerProfile } from '../media/profile-ladder.js';
import type { VideoProfile } from '../media/profiles.js';
import type { Participant, ParticipantStats } from '../types.js';
import { HealthMonitor, type HealthEvents, type HealthHost, type HealthOptions } from './health-monitor.js';

export interface SessionHealthDeps {
  collect(): Promise<ReadonlyMap<string, ParticipantStats>>;
  self(): Participant;
  participant(userId: string): Participant | undefined;
  /** Whether the page shows their camera (never said: yes). Not shown, the sender pauses it on purpose. */
  cameraShown(userId: string): boolean;
  media: LocalMedia;
  /** The profile the app chose (`videoProfile`, `setVideoProfile`): the engine never steps above it. */
  chosenProfile(): VideoProfile;
  /** Apply the camera's encoding limits again after a profile change. */
  applyEncoding(): Promise<void>;
}

export interface StartHealthDeps extends SessionHealthDeps {
  /** Where the monitor's events go (the client emits them as its own). */
  emit<K extends keyof HealthEvents>(type: K, detail: HealthEvents[K]): void;
  /** The session's timers, cleared when it ends: the sampling timer joins them. */
  timers: ReturnType<typeof setInterval>[];
}

const EVENTS = ['network-quality', 'network-weak', 'video-frozen', 'video-adapt'] as const;

export function startHealth(deps: StartHealthDeps, options: HealthOptions | undefined): HealthMonitor {
  const monitor = new HealthMonitor(sessionHealth(deps), options);
  for (const type of EVENTS) monitor.on(type, (detail) => deps.emit(type, detail as never));
  deps.timers.push(setInterval(() => void monitor.sample(Date.now()).catch(() => undefined), monitor.intervalMs));
  return monitor;
}

const liveVideo = (stream: MediaStream | null) => stream?.getVideoTracks().some((t) => t.readyState === 'live') ?? false;

export function sessionHealth(deps: SessionHealthDeps): HealthHost {
  const { media } = deps;
  const step = async (next: VideoProfile | null) => {
    if (!next) return null;
    await media.setProfile(next);
    await deps.applyEncoding();
    return next.name;
  };
  return {
    collect: () => deps.collect(),
    get selfId() { return deps.self().userId; },
    linkUp: (userId) => (userId === deps.self().userId ? deps.self().link === 'connected' : deps.participant(userId)?.link === 'connected'),
    videoExpected: (userId) => {
      if (userId === deps.self().userId) return media.cameraOn && media.track('camera')?.readyState === 'live';
      const p = deps.participant(userId);
      return !!p && p.media.video && liveVideo(p.stream) && deps.cameraShown(userId);
    },
    aimBitrate: () => (media.cameraOn ? media.profile.maxBitrate + (media.microphoneOn ? DEFAULTS.microphoneAimBps : 0) : null),
    profileName: () => media.profile.name,
    lowerVideo: () => step(lowerProfile(media.profile)),
    raiseVideo: () => step(higherProfile(media.profile, deps.chosenProfile())),
  };
}
