import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { signAdminToken } from '../auth/tokens.js';
import type { RtcServer } from '../create-server.js';
import type { RoomDetails, RoomSummary } from '../hub/hub.js';
import { SECRET, TestClient, startServer, tokenFor } from './helpers.js';

type ErrorBody = { error: { code: string; message: string } };

const adminToken = (ttlSeconds = 60, secret = SECRET) => signAdminToken({ sub: 'ops', ttlSeconds }, secret);

async function call(server: RtcServer, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as unknown };
}

const ENDPOINTS: [string, string][] = [
  ['GET', '/api/rooms'],
  ['GET', '/api/rooms/admin-room'],
  ['PATCH', '/api/rooms/admin-room'],
  ['POST', '/api/rooms/admin-room/end'],
  ['DELETE', '/api/rooms/admin-room/participants/ann'],
  ['POST', '/api/rooms/admin-room/participants/ann/mute'],
];

describe('admin API refusals', () => {
  let server: RtcServer;
  let host: TestClient;
  let ann: TestClient;
  before(async () => {
    server = await startServer();
    [host] = await TestClient.join(server, 'admin-room', 'host', { role: 'host' });
    [ann] = await TestClient.join(server, 'admin-room', 'ann');
  });
  after(async () => {
    host.close();
    ann.close();
    await server.close();
  });

  test('every endpoint refuses a request without a token, with a join token, an expired or a forged admin token; nobody is touched', async () => {
    const participant = await tokenFor('admin-room', 'ann');
    const hostToken = await tokenFor('admin-room', 'host', { role: 'host' });
    const cases: [string, string | undefined, number, string][] = [
      ['no token', undefined, 401, 'token-invalid'],
      ['participant token', participant, 403, 'not-allowed'],
      ['host token', hostToken, 403, 'not-allowed'],
      ['expired admin token', await adminToken(-10), 401, 'token-expired'],
      ['forged admin token', await adminToken(60, 'another-secret-that-is-long-enough-to-sign'), 401, 'token-invalid'],
      ['not a JWT', 'garbage', 401, 'token-invalid'],
    ];
    for (const [method, path] of ENDPOINTS) {
      for (const [what, token, status, code] of cases) {
        const res = await call(server, method, path, { token, body: method === 'PATCH' ? { password: 'mine' } : undefined });
        assert.equal(res.status, status, `${method} ${path} with ${what}`);
        assert.equal((res.json as ErrorBody).error.code, code, `${method} ${path} with ${what}`);
        if (status === 401) assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      }
    }
    await host.sync();
    await ann.sync();
    assert.deepEqual([...host.seen('participant-left'), ...ann.seen('error')], []);
    // The room still has no password: the PATCHes above changed nothing.
    const [bob] = await TestClient.join(server, 'admin-room', 'bob');
    bob.close();
  });

  test('an admin token cannot join a room', async () => {
    const client = await TestClient.open(server);
    await assert.rejects(client.join({ room: 'admin-room', token: await adminToken() }), /token-invalid/);
    client.close();
  });

  test('browsers on other origins are refused, even with an admin token; no CORS headers', async () => {
    const token = await adminToken();
    const res = await call(server, 'GET', '/api/rooms', { token, headers: { origin: 'https://elsewhere.example' } });
    assert.equal(res.status, 403);
    assert.equal((res.json as ErrorBody).error.code, 'not-allowed');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${server.url}/api/rooms/admin-room`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'PATCH' } });
    assert.equal(preflight.status, 403);
    // Room creation keeps its CORS for the embedding pages.
    const creation = await fetch(`${server.url}/api/rooms`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(creation.headers.get('access-control-allow-origin'), '*');
  });
});

test('an origin listed in ALLOWED_ORIGINS gets CORS for the admin API', async () => {
  const server = await startServer({ allowedOrigins: ['https://ops.example'] });
  try {
    const res = await call(server, 'GET', '/api/rooms', { token: await adminToken(), headers: { origin: 'https://ops.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://ops.example');
    const preflight = await fetch(`${server.url}/api/rooms/x/end`, { method: 'OPTIONS', headers: { origin: 'https://ops.example' } });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/);
  } finally {
    await server.close();
  }
});

describe('admin API with a room in use', () => {
  let server: RtcServer;
  let token: string;
  before(async () => {
    server = await startServer();
    token = await adminToken();
  });
  after(() => server.close());

  test('lists rooms with head counts and reads one with its people', async () => {
    const [host] = await TestClient.join(server, 'standup', 'lead', { role: 'host', name: 'Lead' });
    const [ann] = await TestClient.join(server, 'standup', 'ann', { name: 'Ann' });
    const [solo] = await TestClient.join(server, 'solo', 'sam');

    const list = await call(server, 'GET', '/api/rooms', { token });
    assert.equal(list.status, 200);
    const rooms = (list.json as { rooms: RoomSummary[] }).rooms;
    assert.deepEqual(rooms.map((r) => [r.id, r.participants]), [['standup', 2], ['solo', 1]]);

    const one = await call(server, 'GET', '/api/rooms/standup', { token });
    assert.equal(one.status, 200);
    const info = one.json as RoomDetails;
    assert.deepEqual(info.participants.map((p) => [p.userId, p.name, p.role, p.connected]), [['lead', 'Lead', 'host', true], ['ann', 'Ann', 'participant', true]]);
    assert.ok(info.participants.every((p) => p.joinedAt > 0 && p.joinedAt <= Date.now()));
    assert.deepEqual([info.live, info.locked, info.lobby, info.title, info.hasPassword, info.participantLimit], [true, false, false, null, false, 6]);
    assert.ok(info.createdAt <= Date.now());

    const missing = await call(server, 'GET', '/api/rooms/nowhere', { token });
    assert.equal(missing.status, 404);
    assert.equal((missing.json as ErrorBody).error.code, 'room-not-found');
    assert.equal((await call(server, 'GET', '/api/rooms/no%20spaces', { token })).status, 400);
    assert.equal((await call(server, 'GET', '/api/rooms/standup/whatever', { token })).status, 404);
    assert.equal((await call(server, 'PUT', '/api/rooms/standup', { token })).status, 405);
    for (const client of [host, ann, solo]) client.close();
  });

  test('PATCH sets a password and a limit that keep newcomers out; title, lock and lobby reach everyone and act', async () => {
    const [host] = await TestClient.join(server, 'board', 'chair', { role: 'host' });
    const [ann] = await TestClient.join(server, 'board', 'ann');
    const res = await call(server, 'PATCH', '/api/rooms/board', { token, body: { title: '  Board meeting ', locked: true, lobby: true } });
    assert.equal(res.status, 200);
    const info = res.json as RoomDetails;
    assert.deepEqual([info.title, info.locked, info.lobby], ['Board meeting', true, true]);
    const state = (await ann.next('room-state', (m) => m.state.locked)).state;
    assert.deepEqual([state.title, state.locked, state.lobby], ['Board meeting', true, true]);
    await assert.rejects(TestClient.join(server, 'board', 'zoe'), /room-locked/);

    const limited = await call(server, 'PATCH', '/api/rooms/board', { token, body: { password: 's3cret', maxParticipants: 3, locked: false, lobby: false } });
    const after = limited.json as RoomDetails;
    assert.deepEqual([after.hasPassword, after.maxParticipants, after.participantLimit, after.locked, after.lobby], [true, 3, 3, false, false]);
    assert.equal(after.participants.length, 2, 'nobody already in is removed');

    await assert.rejects(TestClient.join(server, 'board', 'bob'), /wrong-password/);
    const [bob] = await TestClient.join(server, 'board', 'bob', { password: 's3cret' });
    await assert.rejects(TestClient.join(server, 'board', 'carl', { password: 's3cret' }), /room-full/);

    const cleared = await call(server, 'PATCH', '/api/rooms/board', { token, body: { password: null, maxParticipants: null, title: '' } });
    assert.deepEqual([(cleared.json as RoomDetails).hasPassword, (cleared.json as RoomDetails).participantLimit, (cleared.json as RoomDetails).title], [false, 6, null]);
    const [carl] = await TestClient.join(server, 'board', 'carl');

    for (const body of [{ lock: true }, { maxParticipants: 7 }, { maxParticipants: 0 }, { title: 'x'.repeat(81) }, { locked: 'yes' }, { password: '' }]) {
      const bad = await call(server, 'PATCH', '/api/rooms/board', { token, body });
      assert.equal(bad.status, 400, JSON.stringify(body));
      assert.equal((bad.json as ErrorBody).error.code, 'bad-message');
    }
    assert.equal((await call(server, 'PATCH', '/api/rooms/nowhere', { token, body: { locked: true } })).status, 404);
    for (const client of [host, ann, bob, carl]) client.close();
  });

  test('PATCH changes a room created ahead that nobody is in yet', async () => {
    const hostToken = await tokenFor('later', 'chair', { role: 'host' });
    const created = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { authorization: `Bearer ${hostToken}`, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(created.status, 201);
    const listed = ((await call(server, 'GET', '/api/rooms', { token })).json as { rooms: RoomSummary[] }).rooms;
    assert.ok(!listed.some((r) => r.id === 'later'), 'a stored room nobody is in is not listed');
    const res = await call(server, 'PATCH', '/api/rooms/later', { token, body: { password: 'pw', title: 'Later' } });
    assert.equal(res.status, 200);
    assert.deepEqual([(res.json as RoomDetails).live, (res.json as RoomDetails).title, (res.json as RoomDetails).hasPassword], [false, 'Later', true]);
    assert.equal(((await call(server, 'GET', '/api/rooms/later', { token })).json as RoomDetails).title, 'Later');
    await assert.rejects(TestClient.join(server, 'later', 'ann'), /wrong-password/);
    const [ann] = await TestClient.join(server, 'later', 'ann', { password: 'pw' });
    ann.close();
  });

  test('removing a person: they are told and cut off, the others see them leave as kicked; without ban they may come back, with ban not', async () => {
    const [host] = await TestClient.join(server, 'class', 'teacher', { role: 'host' });
    const [ann] = await TestClient.join(server, 'class', 'ann');
    const res = await call(server, 'DELETE', '/api/rooms/class/participants/ann', { token });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { roomId: 'class', userId: 'ann', banned: false });
    const error = await ann.next('error');
    assert.deepEqual([error.code, error.fatal], ['kicked', true]);
    assert.equal((await ann.closed).code, CLOSE_CODES.kicked);
    const left = await host.next('participant-left');
    assert.deepEqual([left.userId, left.reason], ['ann', 'kicked']);

    const [again] = await TestClient.join(server, 'class', 'ann');
    const banned = await call(server, 'DELETE', '/api/rooms/class/participants/ann?ban=1', { token });
    assert.deepEqual(banned.json, { roomId: 'class', userId: 'ann', banned: true });
    assert.equal((await again.closed).code, CLOSE_CODES.kicked);
    await assert.rejects(TestClient.join(server, 'class', 'ann'), /kicked/);

    // An admin outranks hosts: a host can be removed too.
    const hostRemoved = await call(server, 'DELETE', '/api/rooms/class/participants/teacher', { token });
    assert.equal(hostRemoved.status, 200);
    assert.equal((await host.closed).code, CLOSE_CODES.kicked);

    const nobody = await call(server, 'DELETE', '/api/rooms/class/participants/ghost', { token });
    assert.equal(nobody.status, 404);
    assert.equal((nobody.json as ErrorBody).error.code, 'room-not-found', 'the room emptied');
    const [bob] = await TestClient.join(server, 'class', 'bob');
    const ghost = await call(server, 'DELETE', '/api/rooms/class/participants/ghost', { token });
    assert.equal((ghost.json as ErrorBody).error.code, 'unknown-user');
    assert.equal((await call(server, 'DELETE', '/api/rooms/class/participants/bob?ban=maybe', { token })).status, 400);
    bob.close();
  });

  test('ending a room takes everyone out with room-ended, and their tokens no longer admit; the room is no longer listed', async () => {
    const hostToken = await tokenFor('finale', 'host', { role: 'host' });
    const host = await TestClient.open(server);
    await host.join({ room: 'finale', token: hostToken });
    const [ann] = await TestClient.join(server, 'finale', 'ann');
    const res = await call(server, 'POST', '/api/rooms/finale/end', { token });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { roomId: 'finale', removed: ['host', 'ann'] });
    for (const client of [host, ann]) {
      const error = await client.next('error');
      assert.deepEqual([error.code, error.fatal], ['room-ended', true]);
      assert.equal((await client.closed).code, CLOSE_CODES.ended);
    }
    const rejoin = await TestClient.open(server);
    await assert.rejects(rejoin.join({ room: 'finale', token: hostToken }), /room-ended/);
    rejoin.close();
    assert.ok(!((await call(server, 'GET', '/api/rooms', { token })).json as { rooms: RoomSummary[] }).rooms.some((r) => r.id === 'finale'));
    const again = await call(server, 'POST', '/api/rooms/finale/end', { token });
    assert.equal(again.status, 404);
    assert.equal((await call(server, 'GET', '/api/rooms/finale/end', { token })).status, 405);
  });

  test('mute turns a person\'s microphone off: they are told, the others see it', async () => {
    const [host] = await TestClient.join(server, 'muted', 'host', { role: 'host' });
    const [ann] = await TestClient.join(server, 'muted', 'ann', { media: { audio: true, video: true } });
    const res = await call(server, 'POST', '/api/rooms/muted/participants/ann/mute', { token, body: { kind: 'audio' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { roomId: 'muted', userId: 'ann', kind: 'audio' });
    const muted = await ann.next('muted');
    assert.deepEqual([muted.kind, muted.by], ['audio', 'ops']);
    const updated = await host.next('participant-updated', (m) => m.participant.userId === 'ann');
    assert.deepEqual([updated.participant.media.audio, updated.participant.media.video], [false, true]);
    for (const body of [{}, { kind: 'screen' }]) {
      assert.equal((await call(server, 'POST', '/api/rooms/muted/participants/ann/mute', { token, body })).status, 400);
    }
    assert.equal((await call(server, 'POST', '/api/rooms/muted/participants/ghost/mute', { token, body: { kind: 'audio' } })).status, 404);
    host.close();
    ann.close();
  });
});

test('dev mode: the admin API needs no token (as the dev token endpoint), and still refuses other origins', async () => {
  const server = await startServer({ secret: undefined });
  try {
    const { token } = await (await fetch(`${server.url}/api/token?room=dev-room&user=ann`)).json() as { token: string };
    const ann = await TestClient.open(server);
    await ann.join({ room: 'dev-room', token });
    const list = await call(server, 'GET', '/api/rooms');
    assert.equal(list.status, 200);
    assert.deepEqual((list.json as { rooms: RoomSummary[] }).rooms.map((r) => [r.id, r.participants]), [['dev-room', 1]]);
    assert.equal((await call(server, 'GET', '/api/rooms', { headers: { origin: 'https://evil.example' } })).status, 403);
    assert.equal((await call(server, 'POST', '/api/rooms/dev-room/end', { headers: { origin: 'https://evil.example' } })).status, 403);
    assert.equal((await call(server, 'POST', '/api/rooms/dev-room/end')).status, 200);
    assert.equal((await ann.closed).code, CLOSE_CODES.ended);
  } finally {
    await server.close();
  }
});
