import { createHmac } from 'node:crypto';
import type { RTCIceServerInit } from '../protocol/server-messages.js';
import type { ServerConfig } from './config.js';

/** Credentials shorter than this would expire while ICE is still gathering (s). */
const MIN_TURN_TTL_SECONDS = 60;

/**
 * ICE servers for one session: the configured ones, plus TURN with coturn REST-API ephemeral
 * credentials (username `expiry:userId`, credential base64 HMAC-SHA1 of the username with the shared secret).
 * They expire after `turn.ttlSeconds`, or with the session's token (`tokenExpiresAt`, unix seconds) if sooner:
 * a relay handed out for one call is no standing pass.
 */
export function createIceServersFor(
  { iceServers, turn }: Pick<ServerConfig, 'iceServers' | 'turn'>,
  now: () => number = Date.now,
): (userId: string, roomId?: string, tokenExpiresAt?: number) => RTCIceServerInit[] {
  if (!turn) return () => iceServers;
  return (userId, _roomId, tokenExpiresAt) => {
    const nowSeconds = Math.floor(now() / 1000);
    const untilToken = tokenExpiresAt === undefined ? Infinity : tokenExpiresAt - nowSeconds;
    const ttl = Math.max(MIN_TURN_TTL_SECONDS, Math.min(turn.ttlSeconds, untilToken));
    const username = `${nowSeconds + ttl}:${userId}`;
    const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
    return [...iceServers, { urls: turn.urls, username, credential }];
  };
}
