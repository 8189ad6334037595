/** Security headers and connection caps (item 10 of the hardening issue), as a browser and an attacker see them. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer } from './helpers.js';
import { httpRequest, rawExchange, upgradeHeaders } from './raw-http.js';

const INLINE = "\n      document.title = 'hello';\n    ";
const PAGE = `<!doctype html><title>x</title><script type="module" src="/rtc-kit.js"></script><script type="module">${INLINE}</script>`;

describe('security headers', () => {
  let server: RtcServer;
  let framed: RtcServer;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rtc-headers-'));
    await writeFile(path.join(dir, 'index.html'), PAGE);
    await writeFile(path.join(dir, 'rtc-kit.js'), 'export {};');
    server = await startServer({ staticDir: dir });
    framed = await startServer({ staticDir: dir, frameAncestors: "'self' https://cms.example" });
  });
  after(async () => {
    await Promise.all([server.close(), framed.close()]);
    await rm(dir, { recursive: true });
  });

  test('every response says nosniff and no-referrer, pages or not', async () => {
    const responses = await Promise.all([
      httpRequest(server, '/'), httpRequest(server, '/rtc-kit.js'), httpRequest(server, '/healthz'),
      httpRequest(server, '/missing'), httpRequest(server, '/api/token?room=x'), httpRequest(server, '/', { method: 'DELETE' }),
      httpRequest(server, '//['),
    ]);
    for (const res of responses) {
      assert.equal(res.headers['x-content-type-options'], 'nosniff', String(res.status));
      assert.equal(res.headers['referrer-policy'], 'no-referrer', String(res.status));
    }
    const refused = await rawExchange(server, `GET /elsewhere HTTP/1.1\r\nHost: localhost\r\n${upgradeHeaders()}\r\n`);
    assert.equal(refused.status, 404);
    assert.match(refused.text, /x-content-type-options: nosniff/);
  });

  test('the demo page gets a CSP that allows its own and its inline scripts, and nothing else', async () => {
    const csp = String((await httpRequest(server, '/')).headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    assert.deepEqual(directives['script-src'], ["'self'", hash]);
    assert.deepEqual(directives['connect-src'], ["'self'"]);
    assert.deepEqual(directives['object-src'], ["'none'"]);
    assert.deepEqual(directives['base-uri'], ["'none'"]);
    assert.deepEqual(directives['frame-ancestors'], ['*'], 'embedding sites may frame the demo by default');
    assert.doesNotMatch(directives['script-src'].join(' '), /unsafe/);
    const framedCsp = String((await httpRequest(framed, '/')).headers['content-security-policy']);
    assert.match(framedCsp, /frame-ancestors 'self' https:\/\/cms\.example$/);
  });

  test('API answers and errors may not be framed or run anything', async () => {
    for (const target of ['/healthz', '/api/token?room=x', '/missing']) {
      assert.equal((await httpRequest(server, target)).headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'", target);
    }
    assert.equal((await httpRequest(server, '/rtc-kit.js')).headers['content-security-policy'], undefined, 'scripts carry none: a CSP on a script would bind a worker made of it');
  });
});

describe('connection caps', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ maxConnections: 4, maxConnectionsPerIp: 2, trustProxy: true });
  });
  after(() => server.close());

  /** Opens a socket as `ip` (through the trusted proxy's X-Forwarded-For); resolves with 101 or the refusal. */
  const open = (ip?: string) => new Promise<{ status: number; ws: WebSocket; body: string }>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/rtc`, { headers: ip ? { 'x-forwarded-for': `10.0.0.1, ${ip}` } : {} });
    ws.on('open', () => resolve({ status: 101, ws, body: '' }));
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, ws, body }));
    });
  });
  const closeAndWait = async (ws: WebSocket) => {
    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.close();
    await closed;
  };

  test('one address gets its share, then 429; the server as a whole its cap, then 503; closing frees a place', async () => {
    const a1 = await open('203.0.113.7');
    const a2 = await open('203.0.113.7');
    assert.deepEqual([a1.status, a2.status], [101, 101]);
    const a3 = await open('203.0.113.7');
    assert.equal(a3.status, 429);
    assert.match(a3.body, /Too many connections from your address/);

    const b1 = await open('198.51.100.9');
    const local = await open();
    assert.deepEqual([b1.status, local.status], [101, 101], 'another address, and a loopback peer counted globally only');
    const full = await open('192.0.2.1');
    assert.equal(full.status, 503);
    assert.match(full.body, /connection limit/);

    await closeAndWait(a1.ws);
    // The server counts the socket free once its side has closed too: retry until it has.
    let again = await open('203.0.113.7');
    for (let i = 0; again.status !== 101 && i < 50; i++) again = await open('203.0.113.7');
    assert.equal(again.status, 101);
    assert.equal((await open('203.0.113.7')).status, 429, 'still two at most');

    for (const ws of [a2.ws, b1.ws, local.ws, again.ws]) await closeAndWait(ws);
    let joined = false;
    for (let i = 0; !joined && i < 50; i++) joined = await TestClient.join(server, 'room', 'ann').then(([ann]) => (ann.close(), true), () => false);
    assert.ok(joined, 'once the sockets are gone, people join as usual');
  });
});
