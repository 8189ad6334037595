/**
 * User-token claims (a line's token: docs/calls.md): a user id and name, no room. Free of Node APIs,
 * shared by the signed tokens (auth/tokens.ts) and the hub.
 */
import * as v from 'valibot';
import { ID_PATTERN } from '../../protocol/ids.js';
import type { UserTokenClaims } from '../../protocol/line.js';
import { NameSchema, TokenError } from './claims.js';

const Id = v.pipe(v.string(), v.regex(ID_PATTERN));

const UserClaimsSchema = v.object({
  // A join token is no user token (and a user token joins no room: the join schema requires `room`).
  room: v.optional(v.never('a user token names no room')),
  admin: v.optional(v.never('an admin token is no user token')),
  sub: Id,
  name: v.optional(NameSchema),
  callable: v.optional(v.pipe(v.array(Id), v.maxLength(1000))),
  group: v.optional(Id),
  exp: v.pipe(v.number(), v.finite()),
  iat: v.optional(v.pipe(v.number(), v.finite())),
});

/** Checks a decoded payload's shape; throws `token-invalid` with the first problem. Does not look at `exp`. */
export function parseUserClaims(payload: unknown): UserTokenClaims {
  const result = v.safeParse(UserClaimsSchema, payload);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.');
    throw new TokenError('token-invalid', `User token claims are invalid: ${path ? `${path}: ` : ''}${issue.message}.`);
  }
  const { sub, name, callable, group, exp, iat } = result.output;
  return { sub, exp, ...(name !== undefined && { name }), ...(callable && { callable }), ...(group !== undefined && { group }), ...(iat !== undefined && { iat }) };
}

/** Claims for a user token that expires `ttlSeconds` from now. */
export function userClaimsFor({ user, name, callable, group, ttlSeconds }: { user: string; name?: string; callable?: string[]; group?: string; ttlSeconds: number }): UserTokenClaims {
  const iat = Math.floor(Date.now() / 1000);
  return parseUserClaims({ sub: user, name, callable, group, iat, exp: iat + ttlSeconds });
}
