/** Join tokens: JWT, HS256 only, `exp` required. docs/tokens.md shows how other backends mint them. */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { TokenClaims } from '../../protocol/token.js';
import { TokenError, assertNotExpired, parseClaims } from './claims.js';

const encoder = new TextEncoder();

/** Each secret's HMAC key, imported once: jose given the raw bytes imports them again on every call. */
const signingKeys = new Map<string, Promise<CryptoKey>>();

function signingKey(secret: string): Promise<CryptoKey> {
  let key = signingKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    signingKeys.set(secret, key);
  }
  return key;
}

/** The same for node:crypto: a prepared key hashes in half the time of a string one. */
const verifyingKeys = new Map<string, KeyObject>();

function verifyingKey(secret: string): KeyObject {
  let key = verifyingKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    verifyingKeys.set(secret, key);
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
    .sign(await signingKey(secret));
}

const forged = () => new TokenError('token-invalid', 'The token is not a valid HS256 JWT signed with this server\'s secret.');

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The token's claims; throws TokenError `token-expired` or, for anything else wrong, `token-invalid`.
 * Checked with node:crypto rather than jose: every join waits on this, and jose's WebCrypto job took
 * about 190 µs a join under load, three times this (bench/README.md). HS256 only: no algorithm to pick.
 */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims> {
  const parts = token.split('.');
  if (parts.length !== 3) throw forged();
  const [header, body, signature] = parts;
  // Compared as the canonical encoding, so no other spelling of the same signature passes.
  const expected = Buffer.from(createHmac('sha256', verifyingKey(secret)).update(`${header}.${body}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged();
  const protectedHeader = decodeJson(header);
  // `crit` names extensions we do not implement (RFC 7515 §4.1.11): refuse rather than ignore them.
  if (!isObject(protectedHeader) || protectedHeader.alg !== 'HS256' || 'crit' in protectedHeader) throw forged();
  const payload = decodeJson(body);
  if (!isObject(payload)) throw forged();
  if (payload.exp === undefined) throw new TokenError('token-invalid', 'Token claims are invalid: "exp" claim missing.');
  if (payload.nbf !== undefined && !(typeof payload.nbf === 'number' && payload.nbf * 1000 <= Date.now())) {
    throw new TokenError('token-invalid', 'Token claims are invalid: "nbf" is in the future or not a number.');
  }
  const claims = parseClaims(payload);
  assertNotExpired(claims);
  return claims;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
