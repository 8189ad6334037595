/**
 * `GET /api/ice`: the STUN and TURN servers a session would get at joining, for the lobby's
 * connectivity check before anyone joins. It needs a join token (the same trust as joining, which
 * hands these out anyway); a dev-mode server, where anyone may mint one, answers without.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RTCIceServerInit } from '../../protocol/server-messages.js';
import { TokenError } from '../auth/claims.js';
import { verifyToken } from '../auth/tokens.js';
import { randomId } from '../hub/encoding.js';
import { sendError, sendJson } from './respond.js';

export interface IceApiDeps {
  secret: string;
  devMode: boolean;
  iceServersFor: (userId: string, roomId?: string, tokenExpiresAt?: number) => RTCIceServerInit[];
}

export function createIceApi({ secret, devMode, iceServersFor }: IceApiDeps) {
  return async function handleIce(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) {
      if (devMode) sendJson(res, 200, { iceServers: iceServersFor(`guest-${randomId(3)}`) }, cors);
      else sendError(res, 401, 'token-invalid', 'The ICE servers need "Authorization: Bearer <join token>".', cors);
      return;
    }
    try {
      const claims = await verifyToken(bearer, secret);
      sendJson(res, 200, { iceServers: iceServersFor(claims.sub, claims.room, claims.exp) }, cors);
    } catch (error) {
      const code = error instanceof TokenError ? error.code : 'token-invalid';
      sendError(res, 401, code, error instanceof Error ? error.message : 'Invalid token.', cors);
    }
  };
}
