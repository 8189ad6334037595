/**
 * The line: a signaling connection of one user outside any room, for calls (docs/calls.md).
 * Shared by the server's invitation registry and the engine's RtcLine.
 */

/** Claims of a user token: a JWT like a join token but naming no room (it opens a line, never joins). */
export interface UserTokenClaims {
  /** User id: every line of this user rings for a call to them. */
  sub: string;
  /** Display name the callee sees; defaults to the user id. */
  name?: string;
  /** When present, this user may call only these user ids (and the members of `group`, if set). */
  callable?: string[];
  /** When present, this user may call only users whose token names the same group (and `callable`). */
  group?: string;
  exp: number;
  iat?: number;
}

/**
 * Where a call stands, as each side sees it: `ringing` until someone answers; then `accepted`, or it
 * ends `declined`, `busy` (the callee is in a call), `missed` (nobody answered in time), `cancelled`
 * (the caller gave up), `answered-elsewhere` (another line of the callee took it), or, after it was
 * accepted, `ended` (its room emptied).
 */
export const CALL_STATES = ['ringing', 'accepted', 'declined', 'busy', 'missed', 'cancelled', 'answered-elsewhere', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** Who is calling, as the callee sees them. */
export interface CallParty {
  userId: string;
  name: string;
}

/** A call nobody answered (or a busy callee could not), kept a while and delivered when a line connects. */
export interface MissedCall {
  callId: string;
  /** `incoming`: someone called this user. `outgoing`: this user's call went unanswered. */
  direction: 'incoming' | 'outgoing';
  from: CallParty;
  /** The callee(s). */
  to: string[];
  video: boolean;
  /** `missed`: nobody answered; `busy`: the callee was in another call. */
  reason: 'missed' | 'busy';
  /** Server time (ms since epoch) of the call. */
  at: number;
}

/** Ring timeout bounds and default (ms): a call rings this long before it is `missed`. */
export const RING_TIMEOUT_MS = { min: 5_000, max: 180_000, default: 45_000 } as const;
