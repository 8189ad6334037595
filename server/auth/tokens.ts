/** Join tokens and admin tokens: JWT, HS256 only, `exp` required. docs/tokens.md shows how other backends mint them. */
import { SignJWT, errors, jwtVerify } from 'jose';
import * as v from 'valibot';
import { ID_PATTERN } from '../../protocol/ids.js';
import type { TokenClaims } from '../../protocol/token.js';
import type { UserTokenClaims } from '../../protocol/line.js';
import { TokenError, assertNotExpired, parseClaims } from './claims.js';
import { parseUserClaims } from './user-claims.js';

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
  const claims = parseClaims(await verifiedPayload(token, secret));
  assertNotExpired(claims);
  return claims;
}

/** A user token (a line's, docs/calls.md): `sub`, `name`, the call policy claims, no room. */
export async function signUserToken(claims: UserTokenClaims, secret: string): Promise<string> {
  const { sub, name, callable, group, exp, iat } = parseUserClaims(claims);
  return new SignJWT({ name, callable, group })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(iat ?? Math.floor(Date.now() / 1000))
    .setExpirationTime(exp)
    .sign(await hmacKey(secret));
}

/** A user token's claims; TokenError `token-expired` or `token-invalid` (a join or admin token is no user token). */
export async function verifyUserToken(token: string, secret: string): Promise<UserTokenClaims> {
  const claims = parseUserClaims(await verifiedPayload(token, secret));
  if (claims.exp * 1000 <= Date.now()) throw new TokenError('token-expired', 'The token has expired.');
  return claims;
}

/**
 * Claims of an admin token: the room-management API (docs/server.md#admin-api). It names no room,
 * so it can never join one, and a join token, whatever role it grants, is no admin token.
 */
export interface AdminClaims {
  admin: true;
  /** Who acts (logged): your backend's name for the caller. */
  sub: string;
  exp: number;
  iat?: number;
}

const AdminClaimsSchema = v.object({
  admin: v.literal(true),
  sub: v.pipe(v.string(), v.regex(ID_PATTERN)),
  exp: v.pipe(v.number(), v.finite()),
  iat: v.optional(v.pipe(v.number(), v.finite())),
  room: v.optional(v.never('an admin token has no room')),
});

export async function signAdminToken({ sub, ttlSeconds }: { sub: string; ttlSeconds: number }, secret: string): Promise<string> {
  if (!ID_PATTERN.test(sub)) throw new TokenError('token-invalid', `The admin token's subject "${sub}" must be 1-64 letters, digits, _ or -.`);
  return new SignJWT({ admin: true })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(await hmacKey(secret));
}

/** An admin token's claims; TokenError `token-expired`, `token-invalid`, or `not-admin` for a valid token that is no admin token. */
export async function verifyAdminToken(token: string, secret: string): Promise<AdminClaims> {
  const payload = await verifiedPayload(token, secret);
  const result = v.safeParse(AdminClaimsSchema, payload);
  if (!result.success) throw new NotAdminError();
  const { admin, sub, exp, iat } = result.output;
  if (exp * 1000 <= Date.now()) throw new TokenError('token-expired', 'The token has expired.');
  return { admin, sub, exp, ...(iat !== undefined && { iat }) };
}

/** A token signed with this server's secret, but not an admin token (a join token, say). */
export class NotAdminError extends Error {
  override readonly name = 'NotAdminError';

  constructor() {
    super('This token is not an admin token: mint one with `npm run token -- --admin` (docs/tokens.md#admin-tokens).');
  }
}

/** The payload of a JWT this secret signed with HS256 (exp required and in the future). */
async function verifiedPayload(token: string, secret: string): Promise<unknown> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), { algorithms: ['HS256'], requiredClaims: ['exp'] });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new TokenError('token-expired', 'The token has expired.');
    if (error instanceof errors.JWTClaimValidationFailed) throw new TokenError('token-invalid', `Token claims are invalid: ${error.message}.`);
    throw new TokenError('token-invalid', 'The token is not a valid HS256 JWT signed with this server\'s secret.');
  }
}
