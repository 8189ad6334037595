import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { verifyToken } from '../auth/tokens.js';
import type { RtcServer } from '../create-server.js';
import { SECRET, TestClient, startServer, tokenFor } from './helpers.js';

const post = (server: RtcServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A raw GET, for paths fetch() would normalise (`/../`). */
function rawGet(server: RtcServer, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${server.url}/`, { path: rawPath }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

describe('dev mode (no secret)', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ secret: undefined });
  });
  after(() => server.close());

  test('GET /api/token hands out a working token; user defaults to a guest id and name to the user', async () => {
    const res = await fetch(`${server.url}/api/token?room=lobby&user=ann&name=Ann&role=host`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const body = await res.json() as { token: string; expiresAt: number; room: string; user: string };
    assert.equal(body.room, 'lobby');
    assert.equal(body.user, 'ann');
    assert.ok(body.expiresAt > Date.now());
    const client = await TestClient.open(server);
    const joined = await client.join({ room: 'lobby', token: body.token });
    assert.deepEqual([joined.self.userId, joined.self.name, joined.self.role], ['ann', 'Ann', 'host']);
    client.close();

    const guest = await (await fetch(`${server.url}/api/token?room=lobby`)).json() as { token: string; user: string };
    assert.match(guest.user, /^guest-[\w-]{4}$/);
    const guestClient = await TestClient.open(server);
    const guestJoined = await guestClient.join({ room: 'lobby', token: guest.token });
    assert.equal(guestJoined.self.name, guest.user);
    assert.equal(guestJoined.self.role, 'participant');
    guestClient.close();

    const bad = await fetch(`${server.url}/api/token?room=no%20spaces`);
    assert.equal(bad.status, 400);
    assert.equal((await bad.json() as { error: { code: string } }).error.code, 'bad-message');
    assert.equal((await fetch(`${server.url}/api/token?room=x&role=admin`)).status, 400);
  });

  test('POST /api/rooms creates a room and a host token for it', async () => {
    const res = await post(server, { roomId: 'standup', maxParticipants: 2, user: 'lead', name: 'Lead' });
    assert.equal(res.status, 201);
    const { roomId, token, expiresAt } = await res.json() as { roomId: string; token: string; expiresAt: number };
    assert.equal(roomId, 'standup');
    assert.ok(expiresAt > Date.now());
    const host = await TestClient.open(server);
    const hostJoined = await host.join({ room: 'standup', token });
    assert.deepEqual([hostJoined.self.userId, hostJoined.self.name, hostJoined.self.role], ['lead', 'Lead', 'host']);
    assert.equal(hostJoined.limits.maxParticipants, 2);

    assert.equal((await post(server, { roomId: 'standup' })).status, 409);
    const random = await (await post(server, {})).json() as { roomId: string };
    assert.match(random.roomId, /^[\w-]{1,64}$/);
    assert.equal((await post(server, { maxParticipants: 7 })).status, 400, 'above the server cap');
    assert.equal((await post(server, '{oops')).status, 400);
    assert.equal((await post(server, { roomId: 'x', name: 'y'.repeat(5000) })).status, 413);
    assert.equal((await fetch(`${server.url}/api/rooms`, { method: 'PUT' })).status, 405, 'GET is the admin API\'s list, POST creates');
    host.close();
  });
});

describe('signed mode', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('the dev token endpoint does not exist', async () => {
    const res = await fetch(`${server.url}/api/token?room=lobby&user=ann`);
    assert.equal(res.status, 404);
    assert.equal((await res.json() as { error: { code: string } }).error.code, 'not-found');
  });

  test('POST /api/rooms needs a "*" bearer token and keeps its user and name', async () => {
    assert.equal((await post(server, {})).status, 401);
    assert.equal((await post(server, {}, { authorization: 'Bearer nonsense' })).status, 401);
    assert.equal((await post(server, {}, { authorization: `Bearer ${await tokenFor('some-room', 'ann')}` })).status, 403);
    const expired = await post(server, {}, { authorization: `Bearer ${await tokenFor('*', 'ann', { ttlSeconds: -10 })}` });
    assert.equal(expired.status, 401);
    assert.equal((await expired.json() as { error: { code: string } }).error.code, 'token-expired');

    const res = await post(server, { user: 'ignored' }, { authorization: `Bearer ${await tokenFor('*', 'ceo', { name: 'The CEO' })}` });
    assert.equal(res.status, 201);
    const { roomId, token } = await res.json() as { roomId: string; token: string };
    const claims = await verifyToken(token, SECRET);
    assert.deepEqual([claims.room, claims.sub, claims.name, claims.role], [roomId, 'ceo', 'The CEO', 'host']);
  });

  test('/healthz answers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, devMode: false });
  });

  test('the WebSocket lives at /rtc only', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    assert.equal(status, 404);
  });
});

describe('ALLOWED_ORIGINS', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ allowedOrigins: ['https://app.example'] });
  });
  after(() => server.close());

  const openWs = (origin: string) => new Promise<number>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/rtc`, { origin });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  });

  test('the WebSocket and the API accept listed origins (and the server\'s own) only', async () => {
    assert.equal(await openWs('https://app.example'), 101);
    assert.equal(await openWs(server.url), 101);
    assert.equal(await openWs('https://evil.example'), 403);

    const allowed = await fetch(`${server.url}/api/rooms`, { method: 'OPTIONS', headers: { origin: 'https://app.example' } });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const denied = await post(server, {}, { origin: 'https://evil.example', authorization: `Bearer ${await tokenFor('*', 'x')}` });
    assert.equal(denied.status, 403);
  });
});

describe('static files', () => {
  let server: RtcServer;
  let base: string;
  let dir: string;
  before(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'rtc-static-'));
    dir = path.join(base, 'dist');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, '.env'), 'SECRET=1');
    await writeFile(path.join(base, 'outside.txt'), 'outside');
    server = await startServer({ staticDir: dir });
  });
  after(async () => {
    await server.close();
    await rm(base, { recursive: true });
  });

  test('serves the build with content types, and nothing outside it', async () => {
    const index = await fetch(`${server.url}/`);
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await index.text(), /<title>demo/);
    const script = await fetch(`${server.url}/assets/app.js`);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const etag = script.headers.get('etag')!;
    assert.equal((await fetch(`${server.url}/assets/app.js`, { headers: { 'if-none-match': etag } })).status, 304);
    assert.equal((await fetch(`${server.url}/assets/`)).status, 404);
    assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
    assert.equal((await fetch(`${server.url}/.env`)).status, 404);
    for (const sneaky of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..\\outside.txt', '/%00']) {
      const { status, body } = await rawGet(server, sneaky);
      assert.ok(status === 404 || status === 400, `${sneaky} -> ${status}`);
      assert.doesNotMatch(body, /outside/);
    }
  });

  test('without a build, / explains what to do', async () => {
    const bare = await startServer({ staticDir: path.join(dir, 'no-such-dir') });
    try {
      const res = await fetch(`${bare.url}/`);
      assert.match(await res.text(), /npm run build/);
    } finally {
      await bare.close();
    }
  });
});
