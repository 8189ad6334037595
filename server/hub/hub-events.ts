/**
 * What the hub tells the outside about rooms and people (the server turns these into webhooks:
 * server/webhooks/). Emitted synchronously through `HubDeps.onEvent`, which must only enqueue:
 * nothing a receiver does may slow a join.
 */
import type { Role } from '../../protocol/ids.js';
import type { LeaveReason } from '../../protocol/model.js';

/** Why a room emptied: everyone left, a host or the admin API ended it, or the server shut down. */
export type RoomEndReason = 'empty' | 'ended' | 'shutdown';

/** The protocol's leave reasons, plus `shutdown` (the server stopped). */
export type ParticipantLeftReason = LeaveReason | 'shutdown';

export interface RoomStartedEvent {
  type: 'room.started';
  roomId: string;
  /** The room instance (see TokenClaims.instance); the same across runs until the room's record expires. */
  data: { instance: string };
}

export interface RoomEndedEvent {
  type: 'room.ended';
  roomId: string;
  data: { instance: string; reason: RoomEndReason };
}

export interface ParticipantJoinedEvent {
  type: 'participant.joined';
  roomId: string;
  data: { userId: string; sessionId: string; name: string; role: Role };
}

export interface ParticipantLeftEvent {
  type: 'participant.left';
  roomId: string;
  data: { userId: string; sessionId: string; reason: ParticipantLeftReason };
}

/** A recording of the room can be fetched. Defined for receivers; not emitted yet (no recording yet). */
export interface RecordingReadyEvent {
  type: 'recording.ready';
  roomId: string;
  data: { recordingId: string; url: string; durationMs: number; sizeBytes: number };
}

export type HubEvent = RoomStartedEvent | RoomEndedEvent | ParticipantJoinedEvent | ParticipantLeftEvent | RecordingReadyEvent;
export type HubEventType = HubEvent['type'];
