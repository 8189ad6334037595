import type { TokenClaims } from '../../protocol/token.js';
import { isValidId, ROLES } from '../../protocol/ids.js';
import { RtcError } from '../errors.js';

/**
 * Read a join token's claims without verifying it (only the server can): the engine needs the
 * room for the `join` frame and the role to know whether it will publish. A JWT's middle part is
 * the claims; the in-page loopback's tokens are the bare base64url claims.
 */
export function readTokenClaims(token: string): TokenClaims {
  const parts = typeof token === 'string' ? token.split('.') : [];
  const payload = parts.length === 3 ? parts[1] : parts.length === 1 ? parts[0] : undefined;
  let claims: Partial<TokenClaims> | null = null;
  try {
    const base64 = payload!.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    claims = null;
  }
  if (!claims || !isValidId(claims.room) || !isValidId(claims.sub) || (claims.role && !ROLES.includes(claims.role))) {
    throw new RtcError('token-invalid', 'The join token cannot be read: pass the JWT your server issued.');
  }
  return claims as TokenClaims;
}
