/** Who the room says the local user is before the server does: from `user-id`, `role`, the token's claims, or this tab's guest id. */
import type { Role } from '../../core/types.js';
import { readTokenClaims } from '../../core/signaling/token-claims.js';
import type { TokenClaims } from '../../protocol/token.js';
import { receivesOnly } from '../../protocol/permissions.js';
import { guestId } from '../internal/guest-id.js';

/** The token's claims, or none for no token or one the room cannot read (the server judges it). */
export function tokenClaims(token: string): TokenClaims | undefined {
  try {
    return token ? readTokenClaims(token) : undefined;
  } catch {
    return undefined;
  }
}

/** A viewer receives only: no preview, no device toggles. */
export function isViewer(role: Role | '', token: string): boolean {
  return [role, tokenClaims(token)?.role].some((r) => !!r && receivesOnly(r));
}

/**
 * Who the lobby shows: `user-id`, the token's user, or this tab's guest id (kept across reloads,
 * so a removal holds for the person) asked for with the dev token; the avatar colour comes from it.
 */
export function lobbyUserId(userId: string, token: string): string {
  return userId || tokenClaims(token)?.sub || guestId();
}
