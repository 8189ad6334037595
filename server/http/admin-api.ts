/**
 * The admin API, for the app's backend: `GET /api/rooms`, `GET|PATCH /api/rooms/:id`,
 * `POST /api/rooms/:id/end`, `DELETE /api/rooms/:id/participants/:userId[?ban=1]`,
 * `POST /api/rooms/:id/participants/:userId/mute` (docs/server.md#admin-api). Authenticated with an
 * admin token (open in dev mode); not for browsers on other origins: no CORS unless ALLOWED_ORIGINS
 * lists the origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { isValidId } from '../../protocol/ids.js';
import type { ServerConfig } from '../config.js';
import type { Hub } from '../hub/hub.js';
import type { Logger } from '../hub/logger.js';
import { silentLogger } from '../hub/logger.js';
import { adminCors, authenticateAdmin } from './admin-auth.js';
import { BodyTooLarge, describeIssues, readBody, sendError, sendJson } from './respond.js';

const MAX_BODY_BYTES = 4096;
/** As a host's `room-settings` allows. */
const TITLE_MAX_LENGTH = 80;
const METHODS = 'GET, PATCH, POST, DELETE, OPTIONS';

const RoomUpdateBody = v.strictObject({
  /** Trimmed; empty or null removes it. */
  title: v.optional(v.nullable(v.pipe(
    v.string(),
    v.transform((title) => title.trim() || null),
    v.check((title) => title === null || title.length <= TITLE_MAX_LENGTH, `at most ${TITLE_MAX_LENGTH} characters`),
  ))),
  password: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(256)))),
  locked: v.optional(v.boolean()),
  lobby: v.optional(v.boolean()),
  maxParticipants: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
});

const MuteBody = v.object({ kind: v.picklist(['audio', 'video'], 'must be "audio" or "video"') });

/** `/api/rooms/:id`, `…/end`, `…/participants/:userId`, `…/participants/:userId/mute`. */
const ROOM_PATH = /^\/api\/rooms\/([^/]+)(?:\/(end)|\/participants\/([^/]+)(\/mute)?)?$/;

type Route =
  | { kind: 'rooms' }
  | { kind: 'room'; roomId: string }
  | { kind: 'end'; roomId: string }
  | { kind: 'participant'; roomId: string; userId: string }
  | { kind: 'mute'; roomId: string; userId: string };

const ALLOWED: Record<Route['kind'], string> = { rooms: 'GET, POST', room: 'GET, PATCH', end: 'POST', participant: 'DELETE', mute: 'POST' };

export interface AdminApiDeps {
  config: ServerConfig;
  hub: Hub;
  secret: string;
  devMode: boolean;
  log?: Logger;
}

/** Handles the admin routes; false for any other request (`POST /api/rooms` and its preflight stay with api.ts). */
export function createAdminApi({ config, hub, secret, devMode, log = silentLogger }: AdminApiDeps) {
  const authenticate = (req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) => authenticateAdmin(req, res, headers, { secret, devMode });

  /** The JSON body, or undefined once answered (too large, not JSON). */
  async function readJson(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<unknown> {
    try {
      const text = await readBody(req, MAX_BODY_BYTES);
      return text.trim() ? JSON.parse(text) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge) sendError(res, 413, 'too-large', `The body is limited to ${MAX_BODY_BYTES} bytes.`, headers);
      else sendError(res, 400, 'bad-message', 'The body is not JSON.', headers);
      return undefined;
    }
  }

  async function readUpdate(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    const json = await readJson(req, res, headers);
    if (json === undefined) return null;
    const body = v.safeParse(RoomUpdateBody, json);
    if (!body.success) {
      sendError(res, 400, 'bad-message', describeIssues(body.issues), headers);
      return null;
    }
    const { maxParticipants } = body.output;
    if (maxParticipants != null && maxParticipants > config.maxParticipants) {
      sendError(res, 400, 'bad-message', `maxParticipants: at most ${config.maxParticipants} on this server.`, headers);
      return null;
    }
    return body.output;
  }

  async function serve(route: Route, req: IncomingMessage, res: ServerResponse, url: URL, actor: string, headers: Record<string, string>): Promise<void> {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (!ALLOWED[route.kind].split(', ').includes(method ?? '') || (route.kind === 'rooms' && method !== 'GET')) {
      sendError(res, 405, 'method-not-allowed', `${req.method} is not supported on ${url.pathname}.`, { ...headers, allow: ALLOWED[route.kind] });
      return;
    }
    const noRoom = (roomId: string, what = 'no room') => sendError(res, 404, 'room-not-found', `There is ${what} "${roomId}".`, headers);

    switch (route.kind) {
      case 'rooms':
        return sendJson(res, 200, { rooms: hub.listRooms() }, headers);
      case 'room': {
        if (method === 'GET') {
          const info = await hub.roomDetails(route.roomId);
          return info ? sendJson(res, 200, info, headers) : noRoom(route.roomId);
        }
        const update = await readUpdate(req, res, headers);
        if (!update) return;
        const info = await hub.updateRoom(route.roomId, update);
        if (!info) return noRoom(route.roomId);
        log.info(`admin ${actor} changed room ${route.roomId}: ${Object.keys(update).join(', ') || 'nothing'}`);
        return sendJson(res, 200, info, headers);
      }
      case 'end': {
        const removed = hub.endRoom(route.roomId);
        if (!removed) return noRoom(route.roomId, 'nobody in room');
        log.info(`admin ${actor} ended room ${route.roomId} (${removed.length} removed)`);
        return sendJson(res, 200, { roomId: route.roomId, removed }, headers);
      }
      case 'participant': {
        const ban = url.searchParams.get('ban') ?? '0';
        if (!['0', '1', 'true', 'false'].includes(ban)) return sendError(res, 400, 'bad-message', 'ban: must be 1 or 0.', headers);
        const banned = ban === '1' || ban === 'true';
        const result = hub.removeParticipant(route.roomId, route.userId, { ban: banned });
        if (result === 'no-room') return noRoom(route.roomId, 'nobody in room');
        if (result === 'no-user') return sendError(res, 404, 'unknown-user', `"${route.userId}" is not in room "${route.roomId}".`, headers);
        log.info(`admin ${actor} removed ${route.userId} from room ${route.roomId}${banned ? ' (banned)' : ''}`);
        return sendJson(res, 200, { roomId: route.roomId, userId: route.userId, banned }, headers);
      }
      case 'mute': {
        const json = await readJson(req, res, headers);
        if (json === undefined) return;
        const body = v.safeParse(MuteBody, json);
        if (!body.success) return sendError(res, 400, 'bad-message', describeIssues(body.issues), headers);
        const { kind } = body.output;
        const result = hub.muteParticipant(route.roomId, route.userId, kind, { userId: actor, name: 'Admin' });
        if (result === 'no-room') return noRoom(route.roomId, 'nobody in room');
        if (result === 'no-user') return sendError(res, 404, 'unknown-user', `"${route.userId}" is not in room "${route.roomId}".`, headers);
        log.info(`admin ${actor} muted ${kind} of ${route.userId} in room ${route.roomId}`);
        return sendJson(res, 200, { roomId: route.roomId, userId: route.userId, kind }, headers);
      }
    }
  }

  return async function handleAdminApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const route = routeOf(url.pathname, req.method);
    if (!route) return false;
    const headers = adminCors(req, config.allowedOrigins);
    if (!headers) {
      sendError(res, 403, 'not-allowed', 'The admin API is for your backend, not for browsers on other origins (unless ALLOWED_ORIGINS lists the origin).');
      return true;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'access-control-allow-methods': METHODS, 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
      res.end();
      return true;
    }
    const actor = await authenticate(req, res, headers);
    if (actor === null) return true;
    if (route === 'unknown') {
      sendError(res, 404, 'not-found', `No API at ${url.pathname}.`, headers);
      return true;
    }
    if (!route.valid) {
      sendError(res, 400, 'bad-message', 'Room and user ids are 1-64 letters, digits, _ or -.', headers);
      return true;
    }
    await serve(route.route, req, res, url, actor, headers);
    return true;
  };
}

/** The admin route of a path, 'unknown' for other paths under /api/rooms/, or null for other paths (and for `POST`/`OPTIONS /api/rooms`, room creation's). */
function routeOf(pathname: string, method: string | undefined): { route: Route; valid: boolean } | 'unknown' | null {
  if (pathname === '/api/rooms') {
    return method === 'POST' || method === 'OPTIONS' ? null : { route: { kind: 'rooms' }, valid: true };
  }
  const match = ROOM_PATH.exec(pathname);
  if (!match) return pathname.startsWith('/api/rooms/') ? 'unknown' : null;
  const [, roomId, end, userId, mute] = match;
  const ids = [roomId, userId].filter((id) => id !== undefined);
  const valid = ids.every(isValidId);
  if (end) return { route: { kind: 'end', roomId }, valid };
  if (userId !== undefined) return { route: mute ? { kind: 'mute', roomId, userId } : { kind: 'participant', roomId, userId }, valid };
  return { route: { kind: 'room', roomId }, valid };
}
