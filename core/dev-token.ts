/**
 * Dev-mode helpers for the server's own endpoints: a join token for anyone (GET /api/token, only
 * when the server runs in dev mode) and room creation (POST /api/rooms). Production apps mint
 * tokens on their own backend (docs/tokens.md).
 */
import { ERROR_CODES, type ErrorCode } from '../protocol/error-codes.js';
import type { Role } from '../protocol/ids.js';
import { RtcError } from './errors.js';
import { readTokenClaims } from './signaling/token-claims.js';

export interface DevTokenRequest {
  /** Absent: a user token, which opens a line (RtcLine, docs/calls.md) and joins no room. */
  room?: string;
  user?: string;
  name?: string;
  role?: Role;
}

export interface CreateRoomRequest {
  password?: string;
  maxParticipants?: number;
  /** Dev mode, or with a host token for that room as `bearer`; a `*` bearer gets an id the server chooses. */
  roomId?: string;
}

export interface CreatedRoom {
  roomId: string;
  /** A token that joins the new room (as its host). */
  token: string;
}

/** A token from a dev-mode server. Rejects `misconfigured` when the server is not in dev mode or `server` is not an rtc-kit server. */
export async function fetchDevToken(server: string, request: DevTokenRequest): Promise<string> {
  const url = apiUrl(server, '/api/token');
  for (const [key, value] of Object.entries(request)) if (value !== undefined) url.searchParams.set(key, String(value));
  const body = await call(url, { method: 'GET' });
  const token = typeof body === 'string' ? body.trim() : (body as { token?: unknown }).token;
  // A page of HTML (a `server` pointing at a web site rather than at rtc-kit) is no token.
  if (typeof token !== 'string' || !JWT.test(token)) {
    throw new RtcError('misconfigured', `GET ${url.origin}${url.pathname} answered no token: is \`server\` the rtc-kit server's URL?`);
  }
  return token;
}

/**
 * A new dev token for the same room, user, name and role as `refused` (one the server no longer takes:
 * expired, or signed with a secret the server has lost). For `RtcClient.join`'s `renewToken`.
 */
export function renewDevToken(server: string, refused: string): Promise<string> {
  const { room, sub, name, role } = readTokenClaims(refused);
  return fetchDevToken(server, { room, user: sub, name, role });
}

/** Create a room; `bearer` is a token allowed to create rooms (claims `room: '*'`) when the server asks for one. */
export async function createRoom(server: string, request: CreateRoomRequest = {}, bearer?: string): Promise<CreatedRoom> {
  const body = await call(apiUrl(server, '/api/rooms'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(request),
  });
  const { roomId, token } = (body ?? {}) as Partial<CreatedRoom>;
  if (typeof roomId !== 'string' || typeof token !== 'string') throw new RtcError('server-error', 'The server did not return the new room.');
  return { roomId, token };
}

/** An endpoint of the server's HTTP API: `server` (http, https, ws or wss) plus `path`. */
export function apiUrl(server: string, path: string): URL {
  const url = new URL(server);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  url.pathname = url.pathname.replace(/\/$/, '') + path;
  return url;
}

async function call(url: URL, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new RtcError('network', `Cannot reach ${url.origin}.`, { cause: error });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Plain text is fine (a bare token).
  }
  if (!response.ok) {
    // The server answers `{ error: { code, message } }`.
    const { code, message } = ((body as { error?: unknown } | null)?.error ?? {}) as { code?: string; message?: string };
    if (response.status === 404) throw new RtcError('misconfigured', endpointMissing(url, init.method ?? 'GET', message));
    const known = ERROR_CODES.includes(code as ErrorCode) ? (code as ErrorCode) : statusCode(response.status);
    throw new RtcError(known, message || undefined);
  }
  return body;
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** For the page's developer: the endpoint is off (a production server) or `server` names another site. */
function endpointMissing(url: URL, method: string, serverMessage: string | undefined): string {
  const what = `${method} ${url.origin}${url.pathname} answered 404`;
  if (serverMessage) return `${what}: ${serverMessage} Or set \`server\` to the rtc-kit server's URL.`;
  return `${what}: \`server\` does not point at an rtc-kit server (set it to the server's URL), or the server is not in dev mode (mint tokens on your backend and set \`token\`; docs/tokens.md).`;
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'token-invalid';
  if (status === 403) return 'not-allowed';
  if (status === 409) return 'not-allowed'; // a room with that id exists
  if (status === 413) return 'too-large';
  if (status === 429) return 'rate-limited';
  return 'server-error';
}
