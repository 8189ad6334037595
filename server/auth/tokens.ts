/** Join tokens: JWT, HS256 only, `exp` required. docs/tokens.md shows how other backends mint them. */
import { SignJWT, errors, jwtVerify } from 'jose';
import type { TokenClaims } from '../../protocol/token.js';
import { TokenError, assertNotExpired, parseClaims } from './claims.js';

const encoder = new TextEncoder();

/**
 * Each secret's HMAC key, imported once: jose given the raw bytes imports them again on every call.
 * That halves a join's token check (76 -> 30 µs, bench/README.md) while jose still does the checking.
 */
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    hmacKeys.set(secret, key);
  }
  return key;
}

export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const { room, sub, name, role, instance, exp, iat } = parseClaims(claims);
  return new SignJWT({ room, name, role, instance })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(iat ?? Math.floor(Date.now() / 1000))
    .setExpirationTime(exp)
    .sign(await hmacKey(secret));
}

/** The token's claims; throws TokenError `token-expired` or, for anything else wrong, `token-invalid`. */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, await hmacKey(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new TokenError('token-expired', 'The token has expired.');
    if (error instanceof errors.JWTClaimValidationFailed) throw new TokenError('token-invalid', `Token claims are invalid: ${error.message}.`);
    throw new TokenError('token-invalid', 'The token is not a valid HS256 JWT signed with this server\'s secret.');
  }
  const claims = parseClaims(payload);
  assertNotExpired(claims);
  return claims;
}
