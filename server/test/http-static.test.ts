/** The built front end as another site and a browser's cache see it: CORS, compression, caching. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../scripts/precompress.js';
import type { RtcServer } from '../create-server.js';
import { isContentHashed } from '../http/static.js';
import { startServer } from './helpers.js';
import { httpRequest } from './raw-http.js';

/** Something the size and texture of a bundle, so brotli and gzip differ. */
const BUNDLE = Array.from({ length: 2000 }, (_, i) => `export const value${i} = ${JSON.stringify(`item-${i * 7919 % 1000}`)};`).join('\n');

describe('static files for another origin', () => {
  let server: RtcServer;
  let base: string;
  let dir: string;
  before(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'rtc-static-'));
    dir = path.join(base, 'dist');
    for (const folder of ['elements/chunks', 'themes', 'chunks']) await mkdir(path.join(dir, folder), { recursive: true });
    const files: Record<string, string> = {
      'rtc-kit.js': BUNDLE,
      'rtc-kit-core.js': BUNDLE,
      'index.html': `<!doctype html><title>demo</title><script type="module" src="/rtc-kit.js"></script>\n${'<p>text</p>\n'.repeat(200)}`,
      'custom-elements.json': JSON.stringify({ modules: Array.from({ length: 200 }, (_, i) => ({ path: `x${i}` })) }),
      'elements/rtc-controls.js': BUNDLE,
      'elements/chunks/rtc-chat-CUj7Rb1g.js': BUNDLE,
      'elements/chunks/repeat-D7y5I3-u.js': BUNDLE,
      'chunks/chat-panel-B_gtpOv0.js': BUNDLE,
      'themes/dark.css': `:root { ${'--rtc-x: 1px; '.repeat(300)} }`,
      'tiny.js': 'export {};',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    await precompress(dir);
    server = await startServer({ staticDir: dir, allowedOrigins: ['https://app.example'] });
  });
  after(async () => {
    await server.close();
    await rm(base, { recursive: true });
  });

  const get = (file: string, headers: Record<string, string> = {}, method = 'GET') => httpRequest(server, `/${file}`, { method, headers });

  test('a page on another origin may load the bundle as a module script, whatever ALLOWED_ORIGINS says', async () => {
    const res = await get('rtc-kit.js', { origin: 'https://cms.example', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'script' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    for (const file of ['elements/chunks/rtc-chat-CUj7Rb1g.js', 'themes/dark.css', 'custom-elements.json']) {
      assert.equal((await get(file, { origin: 'https://cms.example' })).headers['access-control-allow-origin'], '*', file);
    }
    const api = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { origin: 'https://cms.example' } });
    assert.equal(api.status, 403, 'the API stays behind ALLOWED_ORIGINS');
  });

  test('brotli first, then gzip, else identity; Vary and the length of what is sent', async () => {
    const br = await get('rtc-kit.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.equal(brotliDecompressSync(br.body).toString(), BUNDLE);

    const gzip = await get('rtc-kit.js', { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(Number(gzip.headers['content-length']), gzip.body.length);
    assert.equal(gunzipSync(gzip.body).toString(), BUNDLE);
    assert.ok(br.body.length < gzip.body.length && gzip.body.length < BUNDLE.length / 3, `${br.body.length} < ${gzip.body.length} < ${BUNDLE.length}`);

    assert.equal((await get('rtc-kit.js', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding'], 'gzip', 'q=0 refuses brotli');
    assert.equal((await get('rtc-kit.js', { 'accept-encoding': 'gzip;q=1, br;q=0.5' })).headers['content-encoding'], 'gzip', 'q-values rank');
    assert.equal((await get('rtc-kit.js', { 'accept-encoding': '*' })).headers['content-encoding'], 'br');
    for (const accept of [undefined, 'identity', 'deflate', '*;q=0']) {
      const plain = await get('rtc-kit.js', accept ? { 'accept-encoding': accept } : {});
      assert.equal(plain.headers['content-encoding'], undefined, String(accept));
      assert.equal(plain.headers.vary, 'Accept-Encoding');
      assert.equal(plain.body.toString(), BUNDLE);
      assert.equal(Number(plain.headers['content-length']), Buffer.byteLength(BUNDLE));
    }
    const tiny = await get('tiny.js', { 'accept-encoding': 'br' });
    assert.equal(tiny.headers['content-encoding'], undefined, 'not worth compressing');
    assert.equal(tiny.body.toString(), 'export {};');
  });

  test('HEAD and 304 per encoding', async () => {
    const head = await get('rtc-kit.js', { 'accept-encoding': 'br' }, 'HEAD');
    const full = await get('rtc-kit.js', { 'accept-encoding': 'br' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-length'], full.headers['content-length']);
    assert.equal(head.headers.etag, full.headers.etag);

    const etags = new Set<string>();
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await get('rtc-kit.js', { 'accept-encoding': accept });
      const etag = String(first.headers.etag);
      etags.add(etag);
      const again = await get('rtc-kit.js', { 'accept-encoding': accept, 'if-none-match': etag });
      assert.equal(again.status, 304, accept);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers.vary, 'Accept-Encoding');
    }
    assert.equal(etags.size, 3, 'each encoding has its own ETag');
    const gzipTag = String((await get('rtc-kit.js', { 'accept-encoding': 'gzip' })).headers.etag);
    const mismatch = await get('rtc-kit.js', { 'accept-encoding': 'br', 'if-none-match': gzipTag });
    assert.equal(mismatch.status, 200, 'a cached gzip copy does not validate a brotli one');
    assert.equal(mismatch.headers['content-encoding'], 'br');
    assert.equal((await get('rtc-kit.js', { 'accept-encoding': 'br', 'if-none-match': `"other", ${String(full.headers.etag)}` })).status, 304, 'a list of tags');
  });

  test('hashed chunks are immutable; entries are revalidated', async () => {
    for (const file of ['elements/chunks/rtc-chat-CUj7Rb1g.js', 'elements/chunks/repeat-D7y5I3-u.js', 'chunks/chat-panel-B_gtpOv0.js']) {
      assert.equal((await get(file, { 'accept-encoding': 'br' })).headers['cache-control'], 'public, max-age=31536000, immutable', file);
    }
    for (const file of ['rtc-kit.js', 'rtc-kit-core.js', '', 'index.html', 'elements/rtc-controls.js', 'themes/dark.css', 'custom-elements.json']) {
      const res = await get(file, { 'accept-encoding': 'br' });
      assert.equal(res.status, 200, file);
      assert.equal(res.headers['cache-control'], 'no-cache', file);
      assert.ok(res.headers.etag, file);
    }
  });

  test('a compressed copy older than its file is never served', async () => {
    const file = path.join(dir, 'rtc-kit-core.js');
    const changed = `${BUNDLE}\nexport const rebuilt = true;`;
    await writeFile(file, changed);
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    for (const accept of ['br', 'gzip', 'br, gzip']) {
      const res = await get('rtc-kit-core.js', { 'accept-encoding': accept });
      assert.equal(res.headers['content-encoding'], undefined, accept);
      assert.equal(res.body.toString(), changed);
    }
    await rm(`${file}.br`);
    const earlier = new Date(Date.now() - 60_000);
    await utimes(file, earlier, earlier);
    await precompress(dir);
    assert.equal(brotliDecompressSync((await get('rtc-kit-core.js', { 'accept-encoding': 'br' })).body).toString(), changed, 'fresh again after precompressing');
  });

  test('the compressed copies do not open a way around the dotfile and traversal rules', async () => {
    await writeFile(path.join(dir, '.env'), 'SECRET=1');
    await writeFile(path.join(dir, '.env.br'), 'SECRET=1');
    for (const sneaky of ['/.env', '/.env.br', '/../dist/.env', '/%2e%2e/dist/.env', '/%2e%2e/outside.txt']) {
      const res = await httpRequest(server, sneaky, { headers: { 'accept-encoding': 'br, gzip' } });
      assert.ok(res.status === 404 || res.status === 400, `${sneaky} -> ${res.status}`);
      assert.doesNotMatch(res.body.toString(), /SECRET/);
    }
  });
});

test('what counts as a content-hashed name (the names `npm run build` writes)', () => {
  for (const hashed of ['rtc-chat-CUj7Rb1g.js', 'participant-display-DS_LKL1x.js', 'repeat-D7y5I3-u.js', 'shared.styles-B_gtpOv0.js', 'rtc-controls-Bqiwikaw.js', 'rtc-video-tile-zGIq_I7L.js', 'rtc-chat-CUj7Rb1g.js.map', 'logo-a1b2c3d4.svg']) {
    assert.equal(isContentHashed(hashed), true, hashed);
  }
  for (const entry of ['rtc-kit.js', 'rtc-kit-core.js', 'rtc-controls.js', 'rtc-participants.js', 'rtc-video-grid.js', 'index.html', 'custom-elements.json', 'dark.css', 'rtc-reactions.js', 'page-A1b2C3d4.html', 'manifest-A1b2C3d4.json']) {
    assert.equal(isContentHashed(entry), false, entry);
  }
});
