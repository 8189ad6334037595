import type { Role } from './ids.js';

/**
 * Claims of a join token: a JWT signed with HS256 and the server's secret (`RTC_JWT_SECRET`).
 * Any backend can mint one; docs/tokens.md shows how.
 */
export interface TokenClaims {
  /** Room id the token admits to, or `*` for a token that may only create rooms (POST /api/rooms). */
  room: string;
  /** User id, unique within a room. */
  sub: string;
  /** Display name; defaults to the user id. */
  name?: string;
  /** Defaults to `participant`. */
  role?: Role;
  /**
   * The room instance the token was minted for (tokens from POST /api/rooms). It admits only to that
   * instance: once the room has expired and its id is used again, the token is refused (`room-not-found`).
   * Tokens from your backend normally leave it out and admit to whatever instance is current.
   */
  instance?: string;
  /** Expiry, seconds since epoch. Required. */
  exp: number;
  iat?: number;
}
