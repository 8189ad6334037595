/** Who the room says the local user is before the server does: from `user-id`, `role`, the token's claims, or this tab's guest id. */
import { fetchDevToken } from '../../core/dev-token.js';
import { RtcError } from '../../core/errors.js';
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

export interface DevTokenAsk {
  server: string;
  room: string;
  userId: string;
  token: string;
  /** The name to show ("Guest" for someone who typed none, as in the lobby: the server would show the raw id). */
  name: string;
  role: Role | '';
}

/** A dev-mode server's token for the lobby's user (`lobbyUserId`), so the avatar colour stays the same in the call. */
export async function askDevToken(ask: DevTokenAsk): Promise<string> {
  if (!ask.room) {
    throw new RtcError('misconfigured', 'The `room` attribute is missing: set `room="…"` (the room to join), or a `token` minted by your backend (docs/elements.md).');
  }
  return fetchDevToken(ask.server, {
    room: ask.room,
    user: lobbyUserId(ask.userId, ask.token),
    name: ask.name,
    ...(ask.role ? { role: ask.role } : {}),
  });
}
