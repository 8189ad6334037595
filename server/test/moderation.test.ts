import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { TestClient, startServer, tokenFor } from './helpers.js';

test('raising someone else\'s hand is refused as such, for hosts and participants alike', async () => {
  const server = await startServer();
  try {
    const [host] = await TestClient.join(server, 'hands', 'host', { role: 'host' });
    const [ann] = await TestClient.join(server, 'hands', 'ann');
    for (const client of [host, ann]) {
      client.send({ type: 'hand', raised: true, userId: client === host ? 'ann' : 'host' });
      const error = await client.next('error');
      assert.equal(error.code, 'not-allowed');
      assert.match(error.message, /raise someone else/);
    }
    ann.send({ type: 'hand', raised: false, userId: 'host' });
    assert.match((await ann.next('error')).message, /Only a host can lower/);
    host.close();
    ann.close();
  } finally {
    await server.close();
  }
});

test('a host cannot remove another host; both stay, and a participant can still be removed', async () => {
  const server = await startServer();
  try {
    const [first] = await TestClient.join(server, 'two-hosts', 'first', { role: 'host' });
    const [second] = await TestClient.join(server, 'two-hosts', 'second', { role: 'host' });
    const [ann] = await TestClient.join(server, 'two-hosts', 'ann');
    second.send({ type: 'kick', rid: 'k1', userId: 'first' });
    const refused = await second.next('error');
    assert.equal(refused.code, 'not-allowed');
    assert.equal(refused.rid, 'k1');
    await first.sync();
    assert.deepEqual(first.seen('error'), []);

    second.send({ type: 'kick', rid: 'k2', userId: 'ann' });
    await second.next('ack', (m) => m.rid === 'k2');
    assert.equal((await ann.closed).code, CLOSE_CODES.kicked);
    first.close();
    second.close();
  } finally {
    await server.close();
  }
});

test('a session ends with token-expired when its token does; the others see it leave', async () => {
  const server = await startServer();
  try {
    const [bob] = await TestClient.join(server, 'expiry', 'bob');
    const brief = await TestClient.open(server);
    await brief.join({ room: 'expiry', token: await tokenFor('expiry', 'brief', { ttlSeconds: 1 }) });
    const error = await brief.next('error', undefined, 3000);
    assert.equal(error.code, 'token-expired');
    assert.equal(error.fatal, true);
    assert.equal((await brief.closed).code, CLOSE_CODES.refused);
    assert.equal((await bob.next('participant-left')).userId, 'brief');
    bob.close();
  } finally {
    await server.close();
  }
});
