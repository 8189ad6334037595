import { createHmac } from 'node:crypto';
import type { RTCIceServerInit } from '../protocol/server-messages.js';
import type { ServerConfig } from './config.js';

/**
 * ICE servers for one session: the configured ones, plus TURN with coturn REST-API ephemeral
 * credentials (username `expiry:userId`, credential base64 HMAC-SHA1 of the username with the shared secret).
 */
export function createIceServersFor({ iceServers, turn }: Pick<ServerConfig, 'iceServers' | 'turn'>): (userId: string) => RTCIceServerInit[] {
  if (!turn) return () => iceServers;
  return (userId) => {
    const username = `${Math.floor(Date.now() / 1000) + turn.ttlSeconds}:${userId}`;
    const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
    return [...iceServers, { urls: turn.urls, username, credential }];
  };
}
