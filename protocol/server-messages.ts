/** Frames the server sends. Types only: the engine trusts its own server's shapes but checks `type`. */
import type { ErrorCode } from './error-codes.js';
import type { Role } from './ids.js';
import type { CallParty, CallState, MissedCall } from './line.js';
import type { ChatMessage, LeaveReason, MediaKind, MediaTransportKind, ParticipantInfo, RoomLimits, RoomState, SfuStream, SignalPayload, WaitingPerson } from './model.js';

/**
 * Every frame after `joined` carries `seq`, increasing by one per session, so a resumed session
 * can ask for what it missed. `pong`, `resumed` and frames before admission carry no `seq`.
 */
interface Sequenced {
  seq: number;
}

export interface JoinedMessage extends Sequenced {
  type: 'joined';
  roomId: string;
  self: ParticipantInfo;
  /** Everyone else, in join order. */
  participants: ParticipantInfo[];
  /** Keep both to resume this session after a dropped socket. */
  session: { id: string; secret: string };
  /** True when this replaces a resumed session's state wholesale (the replay buffer had run out). */
  resumed: boolean;
  /** Milliseconds a dropped socket keeps its place. */
  graceMs: number;
  iceServers: RTCIceServerInit[];
  /** Title, lock, lobby, hands, screen sharer, hosts, held mutes: see `room-state`. */
  room: RoomState;
  limits: RoomLimits;
  /** The room's last messages the newcomer may see (room-wide plus private ones to or from them), oldest first, within `historyBytes`. */
  history: ChatMessage[];
  /** Older messages than `history` exist: ask for them with `history {before}`. */
  moreHistory: boolean;
  /** How this room's media travels; absent means the mesh (servers before the media server). */
  media?: { transport: MediaTransportKind };
}

/**
 * Resume accepted: the frames missed since `lastSeq` follow, in order, with their original `seq`.
 * Not sequenced itself (like `pong`): it answers this socket and is not part of the session's stream.
 */
export interface ResumedMessage {
  type: 'resumed';
}

export interface ParticipantJoinedMessage extends Sequenced {
  type: 'participant-joined';
  participant: ParticipantInfo;
}

export interface ParticipantLeftMessage extends Sequenced {
  type: 'participant-left';
  userId: string;
  sessionId: string;
  reason: LeaveReason;
}

/** Media state (mute, camera, screen) or name changed. */
export interface ParticipantUpdatedMessage extends Sequenced {
  type: 'participant-updated';
  participant: ParticipantInfo;
}

export interface SignalMessage extends Sequenced {
  type: 'signal';
  /** Stamped by the server from the authenticated session: never taken from the client. */
  from: string;
  fromSession: string;
  payload: SignalPayload;
}

export interface AckMessage extends Sequenced {
  type: 'ack';
  rid: string;
  /** For chat: the stored message (its server id and time). */
  message?: ChatMessage;
  /** For `call` and `invite`: the call placed. */
  callId?: string;
  /** For `sfu-publish`: the media server's answer to the offer. */
  sdp?: string;
}

/** The answer to `history`: a page of older chat, oldest first. */
export interface HistoryMessage extends Sequenced {
  type: 'history';
  rid: string;
  messages: ChatMessage[];
  /** Still older messages exist. */
  more: boolean;
}

export interface ErrorMessage {
  type: 'error';
  seq?: number;
  code: ErrorCode;
  message: string;
  /** The request this answers, when it answers one. */
  rid?: string;
  /** The server closes the socket right after a fatal error; do not reconnect. */
  fatal?: boolean;
}

export interface PongMessage {
  type: 'pong';
  t?: number;
}

export interface ChatBroadcastMessage extends Sequenced {
  type: 'chat';
  message: ChatMessage;
}

export interface DataBroadcastMessage extends Sequenced {
  type: 'data';
  from: string;
  payload: unknown;
  /** True when addressed to a list of users rather than the room. */
  private: boolean;
}

/** The room's state changed (any field): the whole of it, to everyone. */
export interface RoomStateMessage extends Sequenced {
  type: 'room-state';
  state: RoomState;
}

/** Someone's role changed (a host's `set-role`, or the host role passed on when the last host left): to everyone. */
export interface RoleChangedMessage extends Sequenced {
  type: 'role-changed';
  participant: ParticipantInfo;
  previous: Role;
  /** The host who changed it; null when the room passed the host role on by itself. */
  by: string | null;
}

/** To the person only: a host turned their microphone or camera off (the engine turns it off at the source). */
export interface MutedMessage extends Sequenced {
  type: 'muted';
  kind: MediaKind;
  by: string;
  byName: string;
}

/** To the person only: a host asks them to turn their microphone or camera on; they choose. */
export interface UnmuteRequestMessage extends Sequenced {
  type: 'unmute-request';
  kind: MediaKind;
  by: string;
  byName: string;
}

/** To the sharer only: a host stopped their screen share (the engine stops the capture). */
export interface ScreenStoppedMessage extends Sequenced {
  type: 'screen-stopped';
  by: string;
  byName: string;
}

/** To hosts only: who is waiting in the lobby, oldest first (the whole list, on every change). */
export interface LobbyMessage extends Sequenced {
  type: 'lobby';
  waiting: WaitingPerson[];
}

/** Before admission, unsequenced: the room has a lobby and this join waits for a host (`joined` or a fatal `denied` follows). */
export interface WaitingMessage {
  type: 'waiting';
  roomId: string;
}

export interface ReactionMessage extends Sequenced {
  type: 'reaction';
  from: string;
  emoji: string;
  ts: number;
}

// ——— Calls (issue 12, docs/calls.md): frames to a line. Unsequenced: a line that reconnects is sent what still rings. ———

/** The line is open (the answer to `line`). Calls ringing for this user follow as `ring`, missed ones as `missed-calls`. */
export interface LineReadyMessage {
  type: 'line-ready';
  userId: string;
  name: string;
}

/** A call for this user: rings on every line of theirs until it is answered, declined, cancelled or missed. */
export interface RingMessage {
  type: 'ring';
  callId: string;
  from: CallParty;
  video: boolean;
  data?: unknown;
  /** An invitation into a room in progress (`invite`): accepting joins it. */
  roomId?: string;
  /** Server time (ms since epoch) at which it stops ringing (`missed`). */
  expiresAt: number;
}

/** A call changed state; `by` is the user whose action (or line) caused it. To the lines of both sides, and to an inviter's session. */
export interface CallStateMessage {
  type: 'call-state';
  callId: string;
  state: CallState;
  by?: string;
}

/** The call was accepted: join `roomId` with `token` (minted for this user). To the caller's lines and the accepting line. */
export interface CallAcceptedMessage {
  type: 'call-accepted';
  callId: string;
  /** The callee who accepted. */
  by: string;
  roomId: string;
  token: string;
}

/** Calls missed while no line of this user was there (or while they were busy), oldest first; each delivered once. */
export interface MissedCallsMessage {
  type: 'missed-calls';
  calls: MissedCall[];
}

/**
 * SFU rooms, to one person: the media server's offer for their receiving connection (the first, and a
 * new one whenever people start or stop sending). Answer it with `sfu-answer`.
 */
export interface SfuOfferMessage extends Sequenced {
  type: 'sfu-offer';
  sdp: string;
  /** Every m-line that carries someone's media, by mid; others are unused. */
  streams: SfuStream[];
}

// sfu2: active speaker in SFU rooms
/** SFU rooms, to everyone: the media server found that `userId` started (or stopped) talking. */
export interface SpeakingMessage extends Sequenced {
  type: 'speaking';
  userId: string;
  speaking: boolean;
}

/** SFU rooms, to everyone: the room's media moved (Janus went away: to the mesh). The engine rebuilds its transport. */
export interface MediaChangedMessage extends Sequenced {
  type: 'media-changed';
  media: { transport: MediaTransportKind };
}

/** Plain-object ICE server config (what RTCPeerConnection takes). */
export interface RTCIceServerInit {
  urls: string | string[];
  username?: string;
  credential?: string;
}

export type ServerMessage =
  | JoinedMessage
  | ResumedMessage
  | ParticipantJoinedMessage
  | ParticipantLeftMessage
  | ParticipantUpdatedMessage
  | SignalMessage
  | AckMessage
  | HistoryMessage
  | ErrorMessage
  | PongMessage
  | ChatBroadcastMessage
  | DataBroadcastMessage
  | RoomStateMessage
  | RoleChangedMessage
  | MutedMessage
  | UnmuteRequestMessage
  | ScreenStoppedMessage
  | LobbyMessage
  | WaitingMessage
  | ReactionMessage
  | LineReadyMessage
  | RingMessage
  | CallStateMessage
  | CallAcceptedMessage
  | MissedCallsMessage
  | SfuOfferMessage
  | MediaChangedMessage
  | SpeakingMessage; // sfu2

export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
