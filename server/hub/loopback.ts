/**
 * The real hub inside a web page, for Storybook stories and tests: `connect(url)` returns an object
 * that behaves like a WebSocket to the hub. Tokens are unsigned base64url JSON claims, checked by
 * decoding only; that is fine for a page talking to itself and nothing else.
 */
import type { WebSocketLike } from '../../core/rtc-client.js';
import type { Role } from '../../protocol/ids.js';
import type { TokenClaims } from '../../protocol/token.js';
import type { UserTokenClaims } from '../../protocol/line.js';
import { TokenError, assertNotExpired, claimsFor, parseClaims } from '../auth/claims.js';
import { parseUserClaims, userClaimsFor } from '../auth/user-claims.js';
import { DEFAULTS } from '../config.js';
import { base64urlDecode, base64urlEncode } from './encoding.js';
import type { HubConfig } from './hub-config.js';
import { Hub } from './hub.js';
import { LoopbackSocket } from './loopback-socket.js';

export interface LoopbackTokenRequest {
  room: string;
  user: string;
  name?: string;
  role?: Role;
  /** Default: the server's token lifetime. */
  ttlSeconds?: number;
}

export interface Loopback {
  hub: Hub;
  /** Opens a socket to the in-page hub; the URL is ignored. */
  connect(url: string): WebSocketLike;
  token(claims: LoopbackTokenRequest): string;
  /** A user token, which opens a line for calls (docs/calls.md). */
  userToken(claims: { user: string; name?: string; callable?: string[]; group?: string; ttlSeconds?: number }): string;
  /** Cuts the user's sockets as a network loss would (they get a 1006 close); sessions stay for the grace period. */
  dropConnections(userId: string): number;
}

export function createLoopback(config: Partial<HubConfig> = {}): Loopback {
  const encode = (claims: object) => base64urlEncode(new TextEncoder().encode(JSON.stringify(claims)));
  const hub = new Hub({
    config: { ...DEFAULTS, ...config },
    verifyToken: verifyLoopbackToken,
    verifyUserToken: verifyLoopbackUserToken,
    mintJoinToken: async (claims) => encode(claimsFor({ ...claims, user: claims.sub, ttlSeconds: DEFAULTS.tokenTtlSeconds })),
  });
  return {
    hub,
    connect: (url) => new LoopbackSocket(hub, url),
    token: ({ ttlSeconds = DEFAULTS.tokenTtlSeconds, ...request }) => encode(claimsFor({ ...request, ttlSeconds })),
    userToken: ({ ttlSeconds = DEFAULTS.tokenTtlSeconds, ...request }) => encode(userClaimsFor({ ...request, ttlSeconds })),
    dropConnections: (userId) => hub.dropConnections(userId),
  };
}

async function verifyLoopbackToken(token: string): Promise<TokenClaims> {
  const claims = parseClaims(decoded(token));
  assertNotExpired(claims);
  return claims;
}

async function verifyLoopbackUserToken(token: string): Promise<UserTokenClaims> {
  const claims = parseUserClaims(decoded(token));
  if (claims.exp * 1000 <= Date.now()) throw new TokenError('token-expired', 'The token has expired.');
  return claims;
}

function decoded(token: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(base64urlDecode(token)));
  } catch {
    throw new TokenError('token-invalid', 'Not a loopback token (base64url JSON claims).');
  }
}
