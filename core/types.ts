/**
 * The engine's public data model and event map. Participants are immutable snapshots: the engine
 * replaces the object on every change, so a UI can compare by identity.
 */
import type { ChatMessage, LeaveReason, MediaKind, MediaState, RoomState, WaitingPerson } from '../protocol/model.js';
import type { Role } from '../protocol/ids.js';
import type { RtcError } from './errors.js';
import type { CallState } from '../protocol/line.js';
import type { HealthEvents } from './stats/health-monitor.js';

export type { ChatMessage, LeaveReason, MediaKind, MediaState, Role, RoomState, WaitingPerson };
export type { NetworkQuality } from './stats/network-quality.js';
export type { HealthOptions } from './stats/health-monitor.js';

/** Signaling connection: `reconnecting` keeps the session (nobody sees a leave) until the grace period runs out. */
export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** Why the local user left the room. */
export type LeftReason = 'hangup' | 'kicked' | 'replaced' | 'ended' | 'network' | 'error';

export type TrackSource = 'microphone' | 'camera' | 'screen';

export type DeviceKind = 'camera' | 'microphone' | 'speaker';

/** Media link to one remote participant (the peer connection's state), or the local signaling link. */
export type LinkState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';
// mesh: transport connection state (issue 11)
/**
 * Whether media gets through at all (`RtcClient.transportState`), beside each person's `link`: in a mesh
 * the worst of the links (`connected` when alone), with a media server its own connections' state.
 */
export type TransportState = 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

export interface Participant {
  readonly userId: string;
  readonly sessionId: string;
  readonly name: string;
  readonly role: Role;
  readonly local: boolean;
  /** What they say they send (mute and camera state travel through the server). */
  readonly media: MediaState;
  /** Camera video and microphone audio; the local preview for the local participant. */
  readonly stream: MediaStream | null;
  /** The screen being shared, when `media.screen`. */
  readonly screenStream: MediaStream | null;
  readonly handRaised: boolean;
  readonly joinedAt: number;
  readonly link: LinkState;
}

/** Normalised statistics for one participant (the local one: what we send). */
export interface ParticipantStats {
  userId: string;
  /** Bits per second, over the last interval. */
  sendBitrate: number;
  receiveBitrate: number;
  /** Fraction of packets lost in the last interval, 0..1. */
  packetLoss: number;
  /** Seconds; null until measured. */
  roundTripTime: number | null;
  framesPerSecond: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
  /** Audio level 0..1 (speaking above ~0.1). */
  audioLevel: number;
  timestamp: number;
  // ---- health (issue 13): what the quality bars, the weak-network check and the stats overlay read ----
  /** Seconds: theirs as we receive them; for the local participant, ours as the others report it. Null until measured. */
  jitter: number | null;
  /** The camera's video codec (`VP8`, `H264`…); null until video flows. */
  codec: string | null;
  /** True through a TURN relay, false on a direct path, null before a path is chosen. */
  relayed: boolean | null;
  /** Camera frames decoded (theirs) or encoded (ours) so far: a count that stops while the camera is on is frozen video. */
  videoFrames: number;
  /** The local participant only: what our encoders may send on the weakest link now (bits per second); null for others. */
  targetBitrate: number | null;
  // mesh: publisher-aware stats (issue 11)
  /**
   * Local participant only: every stream we send, one per receiver in a mesh (one per simulcast layer
   * with a media server). `frameWidth`/`frameHeight`/`framesPerSecond` above are the best camera one.
   */
  outbound?: readonly OutboundStats[];
}

/** One stream we send: to whom (null: a media server), which source and layer, and how it goes. */
export interface OutboundStats {
  to: string | null;
  source: TrackSource;
  /** The simulcast layer (`h`, `m`, `l`); null for a lone encoding. */
  rid: string | null;
  /** False while paused (the receiver shows it nowhere). */
  active: boolean;
  /** Bits per second over the last interval. */
  bitrate: number;
  frameWidth: number | null;
  frameHeight: number | null;
  framesPerSecond: number | null;
  /** Why the browser sends less than asked (`bandwidth`, `cpu`), `none`, or null when it does not say. */
  qualityLimitationReason: string | null;
}

export interface DeviceList {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

/** Engine events: listen with `client.on(name, listener)`. `<rtc-room>` re-dispatches each as `rtc-<name>`. */
export interface RtcClientEvents {
  'connection-state': { state: ConnectionState; previous: ConnectionState };
  // mesh: transport connection state (issue 11)
  /** The media transport as a whole connected, lost or got back its media (`client.transportState`; see `TransportState`). */
  'transport-state': { state: TransportState; previous: TransportState };
  joined: { roomId: string; userId: string };
  left: { reason: LeftReason; error?: RtcError };
  'participant-joined': { participant: Participant };
  'participant-left': { participant: Participant; reason: LeaveReason };
  /** Any change to a participant snapshot, local or remote (media, streams, link, hand). */
  'participant-updated': { participant: Participant; previous: Participant };
  'mute-change': { userId: string; local: boolean; kind: 'audio' | 'video'; muted: boolean };
  'track-added': { userId: string; source: TrackSource; track: MediaStreamTrack; stream: MediaStream };
  'track-removed': { userId: string; source: TrackSource; track: MediaStreamTrack; stream: MediaStream };
  'screen-share': { userId: string; local: boolean; active: boolean };
  'active-speaker': { userId: string | null; previous: string | null };
  /** Audio levels 0..1 by user id, a few times a second while joined. */
  'audio-levels': { levels: ReadonlyMap<string, number> };
  'device-change': {
    devices: DeviceList;
    /** Set when the active device disappeared and the engine moved to another one. */
    fallback?: { kind: DeviceKind; from: string; to: string | null };
  };
  /** A device was chosen (`selectDevice`, `switchCamera`). For the speaker, the UI applies it with `HTMLMediaElement.setSinkId`. */
  'device-selected': { kind: DeviceKind; deviceId: string };
  stats: { stats: ReadonlyMap<string, ParticipantStats> };
  error: { error: RtcError };
  /** A chat message, received or sent (after the server acknowledged it). */
  message: { message: ChatMessage; local: boolean };
  /** Older chat arrived (`loadEarlierMessages`): `messages` now starts with them; `more` when still older ones exist. */
  history: { messages: readonly ChatMessage[]; more: boolean };
  /** An application's own payload from `sendData`. */
  data: { from: string; payload: unknown; private: boolean };
  /** Raised hands changed; oldest first. */
  hands: { queue: readonly string[] };
  reaction: { from: string; emoji: string; ts: number };
  /** The room's state changed (title, lock, lobby, hands, screen sharer, hosts, held mutes): `client.roomState`. */
  'room-state': { state: RoomState; previous: RoomState | null };
  /** Someone's role changed; `by` is the host who did it, null when the room passed the host role on. For the local user, `can()` answers anew: a promoted viewer is asked here before anything opens. */
  'role-change': { userId: string; local: boolean; role: Role; previous: Role; by: string | null };
  /** A host turned our microphone or camera off; the engine already turned it off at the source. */
  muted: { kind: MediaKind; by: string; byName: string };
  /** A host asks us to turn the microphone or camera on; nothing opens unless we do (`setMicrophone(true)`). */
  'unmute-request': { kind: MediaKind; by: string; byName: string };
  /** A host stopped our screen share; the engine already stopped the capture. */
  'screen-stopped': { by: string; byName: string };
  /** Hosts: who waits in the lobby, oldest first (`client.waitingList`). */
  lobby: { waiting: readonly WaitingPerson[] };
  /** Our join waits in the room's lobby until a host admits us (then `joined`) or denies us (`join()` rejects with `denied`). */
  waiting: { roomId: string };
  /** Our token expires in `inMs` (at `expiresAt`, ms since epoch): hand in a fresh one with `renewToken()`, or the session ends then. */
  'token-expiring': { expiresAt: number; inMs: number };
  // ——— Calls (issue 12, docs/calls.md) ———
  /** An invitation of ours (`invite()`) changed state: `ringing`, then the invitee's `accepted`, `declined`, `busy`, `missed`, or `cancelled`. */
  'call-state': { callId: string; state: CallState; by?: string };
  // ——— Choices (issue 13) ———
  /** We went audio only (`setAudioOnly`), or back: our camera is off and nobody sends us theirs. */
  'audio-only': { on: boolean };
  // ---- health (issue 13): core/stats/health-monitor.ts, every `health.intervalMs` while joined ----
  /** Someone's network quality changed, 0–5 (ours: our uplink; 0: unknown or lost). */
  'network-quality': HealthEvents['network-quality'];
  /** A link crossed the weak-network thresholds (`health.minBitrate`, `health.maxLoss`) or recovered. */
  'network-weak': HealthEvents['network-weak'];
  /** Someone's video stopped moving while their camera is on, or moves again. */
  'video-frozen': HealthEvents['video-frozen'];
  /** The engine stepped our camera down for a weak uplink or back up after, or suggests audio only. */
  'video-adapt': HealthEvents['video-adapt'];
}

export type RtcClientEventName = keyof RtcClientEvents;
