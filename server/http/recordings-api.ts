/**
 * Server recordings over HTTP (docs/server.md#recordings): `GET /api/recordings[?room=ID]` lists them
 * (admin token; open in dev mode, as the token endpoint is), and each one's `url` downloads its file
 * with range requests, so players seek. The url carries a signature of the recording's id: it can be
 * handed to a player or a browser as is, and nobody can make one for another id.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidId } from '../../protocol/ids.js';
import type { RecordingInfo, RecordingStore } from '../recordings/recording-store.js';
import { adminCors, authenticateAdmin } from './admin-auth.js';
import { sendError, sendJson } from './respond.js';

const FILE_PATH = /^\/api\/recordings\/([^/]+)\/file$/;

/** What the listing and the webhook say of a recording. */
export interface RecordingListing extends RecordingInfo {
  /** Path of its file on this server, signed (`/api/recordings/<id>/file?sig=…`). */
  url: string;
}

function signature(id: string, secret: string): string {
  return createHmac('sha256', secret).update(`recording:${id}`).digest('base64url').slice(0, 32);
}

export function recordingUrl(id: string, secret: string): string {
  return `/api/recordings/${encodeURIComponent(id)}/file?sig=${signature(id, secret)}`;
}

export function listingOf(info: RecordingInfo, secret: string): RecordingListing {
  const { id, room, startedAt, durationMs, size } = info;
  return { id, room, startedAt, durationMs, size, url: recordingUrl(id, secret) };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` within `size`; null when unsatisfiable, undefined when absent or not one range. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | null | undefined {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from, to] = match;
  if (from === '' && to === '') return undefined;
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  return start > end || start >= size ? null : { start, end };
}

export interface RecordingsApiDeps {
  store: RecordingStore;
  secret: string;
  devMode: boolean;
  allowedOrigins: string[] | null;
}

/** Handles `/api/recordings` and its files; false for any other path. */
export function createRecordingsApi({ store, secret, devMode, allowedOrigins }: RecordingsApiDeps) {
  /** As the admin API: for the app's backend (and browsers on origins ALLOWED_ORIGINS lists). */
  async function list(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = adminCors(req, allowedOrigins);
    if (!headers) return sendError(res, 403, 'not-allowed', 'Recordings are listed for your backend, not for browsers on other origins (unless ALLOWED_ORIGINS lists the origin).');
    if (req.method === 'OPTIONS') return preflight(res, headers);
    if (!(await authenticateAdmin(req, res, headers, { secret, devMode }))) return;
    const room = url.searchParams.get('room') ?? undefined;
    if (room !== undefined && !isValidId(room)) return sendError(res, 400, 'bad-message', 'room: 1-64 letters, digits, _ or -.', headers);
    const recordings = await store.list(room);
    sendJson(res, 200, { recordings: recordings.map((info) => listingOf(info, secret)) }, headers);
  }

  function preflight(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(204, { ...headers, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': 'authorization, range', 'access-control-max-age': '600' });
    res.end();
  }

  async function download(req: IncomingMessage, res: ServerResponse, url: URL, id: string): Promise<void> {
    const given = Buffer.from(url.searchParams.get('sig') ?? '');
    const expected = Buffer.from(signature(id, secret));
    // The same answer for a bad signature and an unknown id: the url is the only key.
    const info = given.length === expected.length && timingSafeEqual(given, expected) ? await store.get(id) : null;
    if (!info) return sendError(res, 404, 'not-found', 'No such recording (or the link is not valid).');
    const { size } = info;
    const range = byteRange(req.headers.range, size);
    const headers = {
      // The signed url is the key, whoever holds it: any page may play or fetch it.
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'content-range, content-length, accept-ranges',
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'content-disposition': `inline; filename="${id}.mp4"`,
      'cache-control': 'private, max-age=3600',
    };
    if (range === null) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': String(end - start + 1),
      ...(range && { 'content-range': `bytes ${start}-${end}/${size}` }),
    });
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    const stream = createReadStream(store.filePath(id), { start, end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  return async function handleRecordingsApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const { pathname } = url;
    if (pathname !== '/api/recordings' && !pathname.startsWith('/api/recordings/')) return false;
    const file = FILE_PATH.exec(pathname);
    if (file && req.method === 'OPTIONS') {
      preflight(res, { 'access-control-allow-origin': '*' });
    } else if (req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'OPTIONS' && pathname === '/api/recordings')) {
      sendError(res, 405, 'method-not-allowed', `${req.method} is not supported on ${pathname}.`, { allow: 'GET, HEAD' });
    } else if (pathname === '/api/recordings') {
      await list(req, res, url);
    } else if (file) {
      await download(req, res, url, decodeURIComponent(file[1]));
    } else {
      sendError(res, 404, 'not-found', `No API at ${pathname}.`);
    }
    return true;
  };
}
