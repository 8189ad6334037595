/**
 * Join-token claims: validation shared by the signed tokens (auth/tokens.ts) and the in-page
 * loopback's unsigned ones. Free of Node APIs.
 */
import * as v from 'valibot';
import { ID_PATTERN, ROLES, type Role } from '../../protocol/ids.js';
import type { TokenClaims } from '../../protocol/token.js';

/** Why a token was refused; the hub sends `code` to the client as a fatal error. */
export class TokenError extends Error {
  override readonly name = 'TokenError';

  constructor(readonly code: 'token-invalid' | 'token-expired', message: string) {
    super(message);
  }
}

const MAX_NAME_LENGTH = 64;

// C0 and C1 controls, zero-width and bidirectional overrides: nothing a display name needs.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A display name with invisible characters removed and spaces trimmed; undefined when nothing is left. */
function cleanName(name: string): string | undefined {
  return name.replace(INVISIBLE, '').trim() || undefined;
}

/** A display name: cleaned, at most MAX_NAME_LENGTH characters; undefined when empty. */
export const NameSchema = v.pipe(
  v.string(),
  v.transform(cleanName),
  v.check((name) => name === undefined || [...name].length <= MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`),
);

const ClaimsSchema = v.object({
  room: v.union([v.literal('*'), v.pipe(v.string(), v.regex(ID_PATTERN))]),
  sub: v.pipe(v.string(), v.regex(ID_PATTERN)),
  name: v.optional(NameSchema),
  role: v.optional(v.picklist(ROLES)),
  instance: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN))),
  exp: v.pipe(v.number(), v.finite()),
  iat: v.optional(v.pipe(v.number(), v.finite())),
});

/** Checks a decoded payload's shape; throws `token-invalid` with the first problem. Does not look at `exp`. */
export function parseClaims(payload: unknown): TokenClaims {
  const result = v.safeParse(ClaimsSchema, payload);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.');
    throw new TokenError('token-invalid', `Token claims are invalid: ${path ? `${path}: ` : ''}${issue.message}.`);
  }
  const { room, sub, name, role, instance, exp, iat } = result.output;
  if (instance !== undefined && room === '*') throw new TokenError('token-invalid', 'Token claims are invalid: a "*" token has no instance.');
  return {
    room, sub, exp,
    ...(name !== undefined && { name }), ...(role && { role }), ...(instance !== undefined && { instance }), ...(iat !== undefined && { iat }),
  };
}

export function assertNotExpired(claims: TokenClaims, nowMs = Date.now()): void {
  if (claims.exp * 1000 <= nowMs) throw new TokenError('token-expired', 'The token has expired.');
}

export interface TokenRequest {
  room: string;
  user: string;
  name?: string;
  role?: Role;
  /** Binds the token to one instance of the room (see TokenClaims.instance). */
  instance?: string;
  ttlSeconds: number;
}

/** Claims for a token that expires `ttlSeconds` from now. */
export function claimsFor({ room, user, name, role, instance, ttlSeconds }: TokenRequest): TokenClaims {
  const iat = Math.floor(Date.now() / 1000);
  return parseClaims({ room, sub: user, name, role, instance, iat, exp: iat + ttlSeconds });
}
