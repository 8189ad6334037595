import type { Role } from './ids.js';

/** What a participant is sending right now. `false` means muted, camera off, or nothing to send. */
export interface MediaState {
  audio: boolean;
  video: boolean;
  /** Sharing a screen. At most one participant of a room at a time. */
  screen: boolean;
}

/** One person in a room, as every member sees them. */
export interface ParticipantInfo {
  userId: string;
  /** Changes when the same user joins again from elsewhere; signaling is addressed to user ids but stamped with this. */
  sessionId: string;
  name: string;
  role: Role;
  media: MediaState;
  /** Server time (ms since epoch) of the first join of this session. */
  joinedAt: number;
}

export const LEAVE_REASONS = ['left', 'kicked', 'timeout', 'replaced', 'ended'] as const;
/** Why someone left: hung up, removed by a host, lost for longer than the grace period, signed in elsewhere, or a host ended the room for everyone. */
export type LeaveReason = (typeof LEAVE_REASONS)[number];

/** A chat message after the server stamped it. */
export interface ChatMessage {
  /** Server-assigned, unique in the room. */
  id: string;
  from: string;
  fromName: string;
  /** Addressees of a private message; `null` for a message to the whole room. */
  to: string[] | null;
  text: string;
  /** Server time, ms since epoch. */
  ts: number;
}

/** Limits a client should respect; the server enforces them whatever the client does. */
export interface RoomLimits {
  maxParticipants: number;
  maxFrameBytes: number;
  maxChatBytes: number;
}

/** Perfect-negotiation payload relayed between two peers. */
export interface SignalPayload {
  description?: { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string };
  /** `null` is the end-of-candidates marker. */
  candidate?: {
    candidate: string;
    sdpMid?: string | null;
    sdpMLineIndex?: number | null;
    usernameFragment?: string | null;
  } | null;
  // mesh: per-receiver scaling (issue 11)
  /**
   * What the receiver shows of the sender's video, in device pixels, so the sender encodes no more
   * than that for it; `0 × 0` means not shown at all (hidden, off the page): the sender may pause.
   */
  view?: ViewSizeSignal;
}

/** A `signal`'s `view`: the size at which the receiver shows one video source of the sender. */
export interface ViewSizeSignal {
  source: 'camera' | 'screen';
  width: number;
  height: number;
}

/** A source a host can turn off for someone else: their microphone or their camera. */
export type MediaKind = 'audio' | 'video';

/**
 * The room's own state, the same for everyone in it: sent whole in `joined` and in every `room-state`
 * frame (whenever any of it changes). A new room flag is one more field here and in Room.state().
 */
export interface RoomState {
  /** Set by a host; null for none (show the room id). */
  title: string | null;
  /** Nobody new gets in (hosts still do). */
  locked: boolean;
  /** Newcomers wait until a host admits them (hosts go straight in). */
  lobby: boolean;
  /** Raised hands, oldest first. */
  hands: string[];
  screenSharer: string | null;
  /** User ids of the hosts in the room, in join order. */
  hosts: string[];
  /** Someone is recording the call on their device (`recorders` is not empty). */
  recording: boolean;
  /** User ids of those recording the call locally, oldest first (the server stamps who; see docs/protocol.md#recording). */
  recorders: string[];
  /** A host muted everyone with `hold`: nobody but hosts (and whoever a host asked) may turn that source on. */
  held: Record<MediaKind, boolean>;
  // Choices (issue 13)
  /** A host made the call audio only (`audio-only`): every camera is off and stays off, the hosts' too; screens may still be shared. */
  audioOnly: boolean;
  // server recording (issue 11)
  /** The media server records the room (docs/server.md#recordings): who started it and when; null when not. */
  serverRecording: ServerRecordingState | null;
}

/** `RoomState.serverRecording`: a recording on the server, started by a host (`record`). */
export interface ServerRecordingState {
  /** User id of who started it. */
  by: string;
  /** Server time, ms since the epoch. */
  startedAt: number;
}

/** Someone knocking in the lobby, as hosts see them. */
export interface WaitingPerson {
  userId: string;
  name: string;
  /** Server time (ms since epoch) they started waiting. */
  since: number;
}

// ——— Media server (issue 11: Janus as the SFU) ———

/** How a room's media travels, announced in `joined`: peer to peer, or through the media server (Janus). */
export type MediaTransportKind = 'mesh' | 'sfu';

/** A room's media policy: `auto` keeps small calls in the mesh (switching to the SFU as it grows comes later). */
export type MediaPolicy = 'mesh' | 'sfu' | 'auto';

export const MEDIA_SOURCES = ['microphone', 'camera', 'screen'] as const;
/** What one sent stream carries. */
export type MediaSource = (typeof MEDIA_SOURCES)[number];

/** One m-line of the receiving connection in an SFU room: whose stream it carries and which source. */
export interface SfuStream {
  mid: string;
  userId: string;
  source: MediaSource;
}
