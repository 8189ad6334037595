/**
 * The HTTP API: `GET /healthz`, `GET /api/token` (dev mode only), `POST /api/rooms`, `GET /api/ice`. CORS-enabled:
 * the elements are embedded on other origins. The admin routes (room management) are admin-api.ts's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { ID_PATTERN, ROLES, type Role } from '../../protocol/ids.js';
import { NameSchema, TokenError, claimsFor } from '../auth/claims.js';
import { signToken, signUserToken, verifyToken } from '../auth/tokens.js';
import { userClaimsFor } from '../auth/user-claims.js';
import type { ServerConfig } from '../config.js';
import { randomId } from '../hub/encoding.js';
import type { Hub } from '../hub/hub.js';
import type { Logger } from '../hub/logger.js';
import { KeyedRateLimit } from '../hub/keyed-rate-limit.js';
import { clientAddress } from './client-address.js';
import { corsHeaders, isOriginAllowed } from './origins.js';
import { createAdminApi } from './admin-api.js';
import { createIceApi, type IceApiDeps } from './ice-api.js';
import { createRecordingsApi } from './recordings-api.js';
import type { RecordingStore } from '../recordings/recording-store.js';
import { BodyTooLarge, describeIssues, readBody, sendError, sendJson } from './respond.js';

const MAX_BODY_BYTES = 4096;

const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be 1-64 letters, digits, _ or -'));

const CreateRoomBody = v.object({
  /** Dev mode, or the room of a host bearer token; a "*" token gets an id chosen by the server. */
  roomId: v.optional(Id),
  password: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(256))),
  maxParticipants: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Newcomers wait until a host admits them. */
  lobby: v.optional(v.boolean()),
  /** How its media travels (docs/media-server.md); default: the server's RTC_MEDIA. */
  media: v.optional(v.picklist(['mesh', 'sfu', 'auto'])),
  /** The creator's display name (dev mode; with a secret the bearer token's name is kept). */
  name: v.optional(NameSchema),
  /** The creator's user id (dev mode only). */
  user: v.optional(Id),
});

const TokenQuery = v.object({
  /** Absent: a user token, for a line (docs/calls.md). */
  room: v.optional(Id),
  user: v.optional(Id),
  name: v.optional(NameSchema),
  role: v.optional(v.picklist(ROLES, `must be one of ${ROLES.join(', ')}`)),
});

export interface ApiDeps {
  config: ServerConfig;
  hub: Hub;
  /** The signing secret: the configured one, or the per-process dev secret. */
  secret: string;
  devMode: boolean;
  log?: Logger;
  /** The ICE servers a session gets (`GET /api/ice`, for the lobby's connectivity check); none when unset. */
  iceServersFor?: IceApiDeps['iceServersFor'];
  /** Server recordings (docs/server.md#recordings): `GET /api/recordings` and their files. */
  recordings?: RecordingStore;
}

/** Handles `/healthz` and `/api/*`; false for anything else. */
export function createApi({ config, hub, secret, devMode, log, iceServersFor = () => [], recordings }: ApiDeps) {
  const handleAdminApi = createAdminApi({ config, hub, secret, devMode, log });
  const handleIce = createIceApi({ secret, devMode, iceServersFor });
  const handleRecordingsApi = recordings && createRecordingsApi({ store: recordings, secret, devMode, allowedOrigins: config.allowedOrigins });
  const guest = () => `guest-${randomId(3)}`;
  const creations = new KeyedRateLimit(config.roomCreationLimit);

  async function mint(room: string, user: string, name: string | undefined, role: Role, instance?: string) {
    const claims = claimsFor({ room, user, name, role, instance, ttlSeconds: config.tokenTtlSeconds });
    return { token: await signToken(claims, secret), expiresAt: claims.exp * 1000 };
  }

  async function issueDevToken(url: URL, res: ServerResponse, cors: Record<string, string>) {
    if (!devMode) {
      sendError(res, 404, 'not-found', 'The token endpoint exists only in dev mode; mint tokens on your backend.', cors);
      return;
    }
    const query = v.safeParse(TokenQuery, Object.fromEntries(url.searchParams));
    if (!query.success) {
      sendError(res, 400, 'bad-message', describeIssues(query.issues), cors);
      return;
    }
    const { room, user = guest(), name, role = 'participant' } = query.output;
    if (room === undefined) {
      const claims = userClaimsFor({ user, name, ttlSeconds: config.tokenTtlSeconds });
      sendJson(res, 200, { token: await signUserToken(claims, secret), expiresAt: claims.exp * 1000, user }, cors);
      return;
    }
    sendJson(res, 200, { ...(await mint(room, user, name, role)), room, user }, cors);
  }

  /**
   * Who may create which room. A "*" token: rooms with server-chosen ids only, so it can neither
   * take over an id someone else uses nor find out which ids are in use. A host token for one room
   * (from your backend, not bound to an instance): that room. Dev mode: anyone, any id.
   */
  async function creatorOf(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<Creator | null> {
    if (devMode) return { key: `address ${clientAddress(req, config.trustProxy) ?? ''}`, user: undefined, name: undefined, room: undefined };
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) {
      sendError(res, 401, 'token-invalid', 'Creating a room needs "Authorization: Bearer <token>" with room "*".', cors);
      return null;
    }
    let claims;
    try {
      claims = await verifyToken(bearer, secret);
    } catch (error) {
      const code = error instanceof TokenError ? error.code : 'token-invalid';
      sendError(res, 401, code, error instanceof Error ? error.message : 'Invalid token.', cors);
      return null;
    }
    const ownsRoom = claims.room !== '*' && claims.role === 'host' && claims.instance === undefined;
    if (claims.room !== '*' && !ownsRoom) {
      sendError(res, 403, 'not-allowed', 'Only a token for room "*", or a host token for the room itself, may create rooms.', cors);
      return null;
    }
    return { key: `user ${claims.sub}`, user: claims.sub, name: claims.name, room: ownsRoom ? claims.room : undefined };
  }

  async function createRoom(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) {
    const creator = await creatorOf(req, res, cors);
    if (!creator) return;
    if (!creations.take(creator.key)) {
      const retryAfter = Math.ceil(1 / config.roomCreationLimit.perSecond);
      sendError(res, 429, 'rate-limited', `Too many rooms created; try again in ${retryAfter} s.`, { ...cors, 'retry-after': String(retryAfter) });
      return;
    }

    let json: unknown;
    try {
      const text = await readBody(req, MAX_BODY_BYTES);
      json = text.trim() ? JSON.parse(text) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge) sendError(res, 413, 'too-large', `The body is limited to ${MAX_BODY_BYTES} bytes.`, cors);
      else sendError(res, 400, 'bad-message', 'The body is not JSON.', cors);
      return;
    }
    const body = v.safeParse(CreateRoomBody, json);
    if (!body.success) {
      sendError(res, 400, 'bad-message', describeIssues(body.issues), cors);
      return;
    }
    const { password, maxParticipants, lobby, media, name, user } = body.output;
    if (maxParticipants !== undefined && maxParticipants > config.maxParticipants) {
      sendError(res, 400, 'bad-message', `maxParticipants: at most ${config.maxParticipants} on this server.`, cors);
      return;
    }
    let roomId = body.output.roomId;
    if (!devMode) {
      if (roomId !== undefined && roomId !== creator.room) {
        const why = creator.room ? `this token is for room "${creator.room}"` : 'a "*" token gets an id chosen by the server';
        sendError(res, 403, 'not-allowed', `roomId "${roomId}": ${why}.`, cors);
        return;
      }
      roomId = creator.room;
    }
    const created = await hub.createRoom({ roomId, password, maxParticipants, lobby, media });
    if (!created) {
      sendError(res, 409, 'room-exists', `Room "${roomId}" already exists (or its settings are still kept after it emptied).`, cors);
      return;
    }
    const host = { user: creator.user ?? user ?? guest(), name: creator.user ? creator.name : name };
    sendJson(res, 201, { roomId: created.roomId, ...(await mint(created.roomId, host.user, host.name, 'host', created.instance)) }, cors);
  }

  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const { pathname } = url;
    if (pathname === '/healthz') {
      sendJson(res, 200, { ok: true, devMode });
      return true;
    }
    if (pathname !== '/api' && !pathname.startsWith('/api/')) return false;
    if (await handleAdminApi(req, res, url)) return true;
    if (handleRecordingsApi && (await handleRecordingsApi(req, res, url))) return true;

    if (!isOriginAllowed(req, config.allowedOrigins)) {
      sendError(res, 403, 'not-allowed', 'This origin may not use the API (ALLOWED_ORIGINS).');
      return true;
    }
    const cors = corsHeaders(req, config.allowedOrigins);
    const route = `${req.method} ${pathname}`;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      res.end();
    } else if (route === 'GET /api/token') {
      await issueDevToken(url, res, cors);
    } else if (route === 'POST /api/rooms') {
      await createRoom(req, res, cors);
    } else if (route === 'GET /api/ice') {
      await handleIce(req, res, cors);
    } else if (pathname === '/api/token') {
      sendError(res, 405, 'method-not-allowed', `${req.method} is not supported on ${pathname}.`, { ...cors, allow: 'GET' });
    } else {
      sendError(res, 404, 'not-found', `No API at ${pathname}.`, cors);
    }
    return true;
  };
}

interface Creator {
  /** What creation is rate-limited by: the bearer's user id, or the client's address in dev mode. */
  key: string;
  user: string | undefined;
  name: string | undefined;
  /** The one room a host bearer token may create. */
  room: string | undefined;
}

