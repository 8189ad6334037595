/**
 * Serves the built front end (staticDir): `/` is index.html; nothing outside the folder, no dotfiles.
 * Precompressed siblings (`.br`, `.gz`) go to clients that accept them; content-hashed names are cached
 * for a year, everything else is revalidated by ETag.
 */
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { DEFAULTS } from '../config.js';
import { COMPRESSIBLE_EXTENSIONS, ENCODINGS, acceptedEncodings, type Encoding } from './precompressed.js';
import { sendError } from './respond.js';
import { pageCsp } from './security-headers.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

const send404 = (res: ServerResponse) => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Whether a file name carries a content hash, as Vite/Rolldown write chunks (`[name]-[hash].js`,
 * 8 characters of base64url: `rtc-chat-CUj7Rb1g.js`, `repeat-D7y5I3-u.js`). The hash must hold an
 * uppercase letter, a digit or `_`, which kebab-case entry names never do (`rtc-controls.js`,
 * `rtc-kit-core.js`); a hash without one is merely revalidated, never wrongly frozen. Pages and
 * manifests are entries whatever their name.
 */
export function isContentHashed(fileName: string): boolean {
  const hash = /^.+-([A-Za-z0-9_-]{8})\.[a-z0-9]+(?:\.map)?$/.exec(fileName)?.[1];
  return hash !== undefined && /[A-Z0-9_]/.test(hash) && !/\.(?:html|json)$/.test(fileName);
}

const etagOf = (info: Stats, encoding: Encoding | null) =>
  `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;

/** `If-None-Match` against our (weak) ETag: a list, `*`, weak or strong forms alike. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

export interface StaticOptions {
  /** CSP `frame-ancestors` of the pages served. */
  frameAncestors: string;
}

export function createStaticHandler(staticDir: string, { frameAncestors }: StaticOptions = { frameAncestors: DEFAULTS.frameAncestors }) {
  const root = path.resolve(staticDir);
  /** CSP per page, recomputed when the file changes (its inline scripts are hashed). */
  const cspCache = new Map<string, { mtimeMs: number; size: number; csp: string }>();

  async function cspFor(file: string, info: Stats): Promise<string> {
    const cached = cspCache.get(file);
    if (cached?.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.csp;
    const csp = pageCsp(await readFile(file, 'utf8'), frameAncestors);
    cspCache.set(file, { mtimeMs: info.mtimeMs, size: info.size, csp });
    return csp;
  }

  /** The best precompressed sibling the client accepts, if it exists and is not older than the file. */
  async function variantFor(req: IncomingMessage, file: string, info: Stats): Promise<{ file: string; info: Stats; encoding: Encoding } | null> {
    if (!COMPRESSIBLE_EXTENSIONS.has(path.extname(file).toLowerCase())) return null;
    for (const encoding of acceptedEncodings(req.headers['accept-encoding'] as string | undefined)) {
      const sibling = file + ENCODINGS.find((e) => e.encoding === encoding)!.suffix;
      const siblingInfo = await stat(sibling).catch(() => null);
      // A stale sibling (the file was rebuilt or edited after it) would serve old code: try the next, else identity.
      if (siblingInfo?.isFile() && siblingInfo.mtimeMs >= info.mtimeMs) return { file: sibling, info: siblingInfo, encoding };
    }
    return null;
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'method-not-allowed', 'Only GET and HEAD are served here.', { allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    const segments = pathname.split(/[/\\]/).filter(Boolean);
    if (pathname.includes('\0') || segments.some((s) => s.startsWith('.'))) {
      send404(res);
      return;
    }
    let file = path.join(root, ...segments);
    if (file !== root && !file.startsWith(root + path.sep)) {
      send404(res);
      return;
    }

    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      if (segments.length === 0 && !(await stat(root).catch(() => null))) sendNoBuild(res, root);
      else send404(res);
      return;
    }

    const extension = path.extname(file).toLowerCase();
    const variant = await variantFor(req, file, info);
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'cache-control': isContentHashed(path.basename(file)) ? IMMUTABLE : 'no-cache',
      // Public code, embedded by other sites: module scripts are fetched with CORS.
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      etag: etagOf(info, variant?.encoding ?? null),
      ...(COMPRESSIBLE_EXTENSIONS.has(extension) && { vary: 'Accept-Encoding' }),
      ...(variant && { 'content-encoding': variant.encoding }),
    };
    if (extension === '.html') res.setHeader('content-security-policy', await cspFor(file, info));
    else res.removeHeader('content-security-policy');

    if (matchesEtag(req.headers['if-none-match'], headers.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = variant ?? { file, info };
    res.writeHead(200, { ...headers, 'content-length': String(body.info.size) });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(body.file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/** What `/` shows before the front end is built. */
function sendNoBuild(res: ServerResponse, root: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<meta charset="utf-8">
<title>rtc-kit server</title>
<h1>The rtc-kit server is running</h1>
<p>There is no built front end in <code>${escapeHtml(root)}</code> yet.
Run <code>npm run build</code> and reload, or <code>npm start</code> to build and serve in one go.</p>
<p>The signaling WebSocket is at <code>/rtc</code>; see docs/server.md for the HTTP API.</p>
`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
