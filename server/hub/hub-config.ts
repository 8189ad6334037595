import type { CallConfig } from './calls/call-config.js';

/** What the room logic needs to know; the Node server's config is a superset (server/config.ts holds the defaults). */

/** A token bucket: up to `capacity` at once, refilled at `perSecond`. */
export interface RateLimit {
  capacity: number;
  perSecond: number;
}

export interface RateLimits {
  /** Every frame on one connection. */
  frames: RateLimit;
  /** Frames refused in a row for `frames` before the socket is closed with CLOSE_CODES.abuse. */
  abuseAfter: number;
  /** Chat messages per session. */
  chat: RateLimit;
  /** Reactions per session. */
  reactions: RateLimit;
  /** Bytes of `data` a session may have relayed, counted once per recipient (payload JSON). */
  dataBytes: RateLimit;
  /**
   * Wrong passwords per client (remote address and user id together); once spent, that client's
   * attempts are all refused until it refills. Other clients are not affected.
   */
  passwordFailures: RateLimit;
  /** Wrong passwords per user id from any address: a backstop against one identity guessing from many addresses. */
  passwordFailuresPerUser: RateLimit;
}

/** Bytes waiting to be written to one socket (see backpressure.ts). */
export interface SendBufferLimits {
  /** Above this, relayed `data` and reactions for that socket are dropped. */
  dropAboveBytes: number;
  /** Above this (waiting plus dropped), the socket is cut with CLOSE_CODES.tooSlow. */
  closeAboveBytes: number;
}

import type { MediaPolicy } from '../../protocol/model.js';

export interface HubConfig {
  /** How rooms' media travels by default (docs/media-server.md): `sfu` needs a media server, else the room is a mesh. */
  media: MediaPolicy;
  /** sfu2: an `auto` room stays a mesh up to this many people who send, and moves to the media server past it. */
  autoMeshMaxSenders: number;
  /** sfu2: a room on the media server (or that may move there) holds this many people who send… */
  sfuMaxSenders: number;
  /** …and this many viewers, instead of `maxParticipants` (a mesh's cap). */
  sfuMaxViewers: number;
  /** How long a session whose socket dropped keeps its place (ms). */
  graceMs: number;
  /** Cap on people per room; a room created through the API may set a lower one. */
  maxParticipants: number;
  /** Chat messages a room remembers for late joiners. */
  historySize: number;
  /** Bytes of chat (JSON) one `joined` or `history` frame carries at most; older messages are paged. */
  historyBytes: number;
  /** Largest text frame handled (UTF-8 bytes); larger ones get `too-large`. */
  maxFrameBytes: number;
  /** Largest chat text (UTF-8 bytes). */
  maxChatBytes: number;
  /** A connection that has not joined after this long is closed (ms). */
  joinTimeoutMs: number;
  /** Bytes (UTF-8) a connection may send in all before it has joined; past that it is closed (CLOSE_CODES.abuse). */
  preJoinBytes: number;
  /** A named room's settings, bans and chat history are kept this long after it empties, or after its creation if nobody joins (ms). */
  emptyRoomTtlMs: number;
  /** Replay buffer per session, for resume: at most this many frames … */
  outboxFrames: number;
  /** … and this many characters of JSON. */
  outboxChars: number;
  rateLimits: RateLimits;
  sendBuffer: SendBufferLimits;
  /** Ringing, missed calls, the call rate (issue 12); unset fields take CALL_DEFAULTS. */
  calls?: Partial<CallConfig>;
}
