/** `GET /api/ice`: the lobby's connectivity check gets the ICE servers a session would, and only with a valid token. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RtcServer } from '../create-server.js';
import { startServer, tokenFor } from './helpers.js';

const STUN = { urls: 'stun:stun.example.com:3478' };
const TURN = { urls: ['turn:turn.example.com:3478?transport=udp'], secret: 'coturn-shared-secret', ttlSeconds: 3600 };

const ice = (server: RtcServer, token?: string) =>
  fetch(`${server.url}/api/ice`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('GET /api/ice, signed mode', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ iceServers: [STUN], turn: TURN });
  });
  after(() => server.close());

  test('hands a token holder the STUN server and TURN credentials of their own', async () => {
    const res = await ice(server, await tokenFor('standup', 'ann'));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { iceServers } = await res.json() as { iceServers: { urls: string | string[]; username?: string; credential?: string }[] };
    assert.deepEqual(iceServers[0], STUN);
    assert.deepEqual(iceServers[1]!.urls, TURN.urls);
    assert.match(iceServers[1]!.username!, /^\d+:ann$/);
    assert.ok(iceServers[1]!.credential);
  });

  test('refuses without a token, with a forged one and with an expired one', async () => {
    const none = await ice(server);
    assert.equal(none.status, 401);
    assert.equal((await none.json() as { error: { code: string } }).error.code, 'token-invalid');
    assert.equal((await ice(server, await tokenFor('standup', 'ann', { secret: 'another-secret-that-is-long-enough-too' }))).status, 401);
    const expired = await ice(server, await tokenFor('standup', 'ann', { ttlSeconds: -10 }));
    assert.equal(expired.status, 401);
    assert.equal((await expired.json() as { error: { code: string } }).error.code, 'token-expired');
  });
});

describe('GET /api/ice, dev mode', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ secret: undefined, turn: TURN });
  });
  after(() => server.close());

  test('answers without a token, as anyone may mint one there', async () => {
    const res = await ice(server);
    assert.equal(res.status, 200);
    const { iceServers } = await res.json() as { iceServers: { username?: string }[] };
    assert.match(iceServers[0]!.username!, /^\d+:guest-/);
  });
});
