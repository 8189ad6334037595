import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { DEFAULTS } from '../config.js';
import { TestClient, startServer, tokenFor } from './helpers.js';

test('malformed frames get bad-message and the socket stays open', async () => {
  const server = await startServer();
  try {
    const [client] = await TestClient.join(server, 'bad', 'ann');
    const cases: [unknown, RegExp][] = [
      ['{not json', /not JSON/],
      [{ type: 'teleport' }, /type/],
      [{ type: 'media', media: { audio: 'yes', video: true } }, /media\.audio/],
      [{ type: 'signal', to: 'bad id!', payload: {} }, /to/],
      [[1, 2, 3], /./],
      ['null', /./],
    ];
    for (const [frame, reason] of cases) {
      client.send(frame);
      const error = await client.next('error');
      assert.equal(error.code, 'bad-message');
      assert.match(error.message, reason);
    }
    client.send({ type: 'chat', rid: 'typed', text: 42 });
    assert.equal((await client.next('error')).rid, 'typed', 'the rid of an invalid request is echoed');
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.match((await client.next('error')).message, /Binary/);
    await client.sync();
    client.close();
  } finally {
    await server.close();
  }
});

test('frames over maxFrameBytes get too-large; frames far over it cut the connection', async () => {
  const server = await startServer({ maxFrameBytes: 2048 });
  try {
    const [client] = await TestClient.join(server, 'big', 'ann');
    client.send({ type: 'data', payload: 'x'.repeat(3000) });
    assert.equal((await client.next('error')).code, 'too-large');
    client.send({ type: 'data', payload: '€'.repeat(1000) });
    assert.equal((await client.next('error')).code, 'too-large', 'the limit counts UTF-8 bytes');
    await client.sync();

    client.send('x'.repeat(2048 * 4 + 1));
    assert.equal((await client.closed).code, 1009);
  } finally {
    await server.close();
  }
});

test('the per-connection rate limit refuses a burst and closes a socket that keeps on', async () => {
  const server = await startServer({ rateLimits: { ...DEFAULTS.rateLimits, frames: { capacity: 10, perSecond: 0.5 }, abuseAfter: 20 } });
  try {
    const client = await TestClient.open(server);
    for (let i = 0; i < 15; i++) client.send({ type: 'ping', t: i });
    for (let i = 0; i < 10; i++) await client.next('pong');
    for (let i = 0; i < 5; i++) assert.equal((await client.next('error')).code, 'rate-limited');
    assert.equal(client.ws.readyState, WebSocket.OPEN);

    for (let i = 0; i < 30; i++) client.send({ type: 'ping' });
    const { code } = await client.closed;
    assert.equal(code, CLOSE_CODES.abuse);
    assert.equal(client.seen('error').at(-1)?.fatal, true);
  } finally {
    await server.close();
  }
});

test('a socket that does not join in time is closed', async () => {
  const server = await startServer({ joinTimeoutMs: 150 });
  try {
    const client = await TestClient.open(server);
    assert.equal((await client.next('error')).code, 'timeout');
    assert.equal((await client.closed).code, CLOSE_CODES.refused);
  } finally {
    await server.close();
  }
});

test('a silent socket is cut by the heartbeat and its session times out', async () => {
  const server = await startServer({ heartbeatMs: 400, graceMs: 100 });
  try {
    const [bob] = await TestClient.join(server, 'silent', 'bob');
    // A client that never answers pings, like a phone that lost its network.
    const mute = await TestClient.open(server, { autoPong: false });
    await mute.join({ room: 'silent', token: await tokenFor('silent', 'mute') });
    assert.equal((await bob.next('participant-left', undefined, 5000)).reason, 'timeout');
    assert.equal((await mute.closed).code, 1006);
    // Bob answers pings, so he is still there.
    await bob.sync();
    bob.close();
  } finally {
    await server.close();
  }
});
