import type { TokenClaims } from '../../protocol/token.js';
import type { UserTokenClaims } from '../../protocol/line.js';
import type { Clock, InvitationRegistry } from './calls/invitation-registry.js';
import type { RTCIceServerInit } from '../../protocol/server-messages.js';
import type { HubConfig } from './hub-config.js';
import type { HubEvent } from './hub-events.js';
import type { KeyedLock } from './keyed-lock.js';
import type { Logger } from './logger.js';
import type { PasswordThrottle } from './password-throttle.js';
import type { Room } from './room.js';
import type { RoomStore } from './room-store.js';
import type { Session } from './session.js';

/** What the hub is given from outside: config and the parts that differ between Node and the in-page loopback. */
export interface HubDeps {
  config: HubConfig;
  /** Resolves the claims or throws (a TokenError's code is sent to the client; anything else counts as `token-invalid`). */
  verifyToken(token: string): Promise<TokenClaims>;
  /** ICE servers for one session, e.g. with freshly minted TURN credentials lasting no longer than its token (unix seconds). Default: none. */
  iceServersFor?(userId: string, roomId: string, tokenExpiresAt?: number): RTCIceServerInit[];
  log?: Logger;
  /** Where named rooms' settings, bans and history outlive their members. Default: in memory. */
  roomStore?: RoomStore;
  /** The clock for room records (creation, expiry). Default: Date.now. */
  now?: () => number;
  /** Rooms started and ended, people joined and left (webhooks). Called synchronously: enqueue, never wait. */
  onEvent?(event: HubEvent): void;
  // ——— Calls (issue 12, docs/calls.md) ———
  /** A line's user token: resolves its claims or throws as `verifyToken`. Default: lines are refused. */
  verifyUserToken?(token: string): Promise<UserTokenClaims>;
  /** Signs a join token for an answered call (`exp` is the server's to set). Default: calls cannot be answered. */
  mintJoinToken?(claims: Omit<TokenClaims, 'exp' | 'iat'>): Promise<string>;
  /** Time for ringing calls (timeouts, missed-call expiry). Default: the real one. */
  clock?: Clock;
}

/** The hub's shared state, handed to rooms and handlers. */
export interface HubContext extends Required<HubDeps> {
  readonly rooms: Map<string, Room>;
  /** Every session by id, live or in its grace period: what `resume` looks up. */
  readonly sessions: Map<string, Session>;
  /** Store reads and writes for one room id, one at a time and in order. */
  readonly roomLock: KeyedLock;
  readonly passwordThrottle: PasswordThrottle;
  /** Lines, calls and missed-call notices (issue 12). */
  readonly calls: InvitationRegistry;
}
