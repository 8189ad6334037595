import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { DEFAULTS } from '../config.js';
import type { RtcServer } from '../create-server.js';
import { SECRET, TestClient, startServer, tokenFor } from './helpers.js';

/** Sends a fresh join and expects a fatal error with `code`, then the socket closed with `closeCode`. */
async function refused(server: RtcServer, frame: Record<string, unknown>, code: string, closeCode = CLOSE_CODES.refused) {
  const client = await TestClient.open(server);
  client.send({ type: 'join', ...frame });
  const error = await client.next('error');
  assert.equal(error.code, code, error.message);
  assert.equal(error.fatal, true);
  assert.equal((await client.closed).code, closeCode);
}

describe('admission', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ maxParticipants: 3 });
  });
  after(() => server.close());

  test('forged, expired and wrong-room tokens are refused with their codes', async () => {
    await refused(server, { room: 'r1', token: await tokenFor('r1', 'eve', { secret: 'not-the-server-secret-at-all-no' }) }, 'token-invalid');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ room: 'r1', sub: 'eve', exp: 9e9 })).toString('base64url')}.`;
    await refused(server, { room: 'r1', token: unsigned }, 'token-invalid');
    const [h, , s] = (await tokenFor('r1', 'eve')).split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ room: 'r1', sub: 'eve', role: 'host', exp: 9e9 })).toString('base64url')}.${s}`;
    await refused(server, { room: 'r1', token: tampered }, 'token-invalid');
    const expired = await new SignJWT({ room: 'r1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('eve')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 5).sign(new TextEncoder().encode(SECRET));
    await refused(server, { room: 'r1', token: expired }, 'token-expired');
    await refused(server, { room: 'r1', token: await tokenFor('r2', 'eve') }, 'room-mismatch');
    await refused(server, { room: 'r1', token: await tokenFor('*', 'eve') }, 'room-mismatch');
    await refused(server, { room: 'r1' }, 'token-invalid');
  });

  test('frames before join are refused with not-joined and the socket stays usable', async () => {
    const client = await TestClient.open(server);
    client.send({ type: 'chat', rid: 'c1', text: 'hi' });
    const error = await client.next('error');
    assert.equal(error.code, 'not-joined');
    assert.equal(error.rid, 'c1');
    assert.equal(error.fatal, undefined);
    await client.sync();
    const joined = await client.join({ room: 'early', token: await tokenFor('early', 'ann') });
    assert.equal(joined.self.userId, 'ann');
    client.close();
  });

  test('the participant limit refuses the one too many with room-full', async () => {
    const members = await Promise.all(['a', 'b', 'c'].map((user) => TestClient.join(server, 'full', user)));
    await refused(server, { room: 'full', token: await tokenFor('full', 'd') }, 'room-full');
    // The same user joining again replaces their session instead of counting twice.
    const [again] = await TestClient.join(server, 'full', 'c');
    assert.equal((await members[2][0].closed).code, CLOSE_CODES.replaced);
    for (const [client] of [...members, [again]]) client.close();
  });

  test('a room created with a password admits only with it, and throttles guessing', async () => {
    const res = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor('locked', 'owner', { role: 'host' })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'open sesame' }),
    });
    assert.equal(res.status, 201);
    await refused(server, { room: 'locked', token: await tokenFor('locked', 'guest') }, 'wrong-password');
    await refused(server, { room: 'locked', token: await tokenFor('locked', 'guest'), password: 'open sesam' }, 'wrong-password');
    const [client] = await TestClient.join(server, 'locked', 'guest', { password: 'open sesame' });
    client.close();
  });

  test('a viewer can never publish: media stays off and screen sharing is not-allowed', async () => {
    const [host] = await TestClient.join(server, 'watch', 'host', { role: 'host' });
    const [viewer, joined] = await TestClient.join(server, 'watch', 'viewer', { role: 'viewer', media: { audio: true, video: true } });
    assert.deepEqual(joined.self.media, { audio: false, video: false, screen: false });
    assert.deepEqual((await host.next('participant-joined')).participant.media, { audio: false, video: false, screen: false });

    viewer.send({ type: 'media', media: { audio: true, video: true } });
    viewer.send({ type: 'screen', rid: 's1', on: true });
    const error = await viewer.next('error');
    assert.equal(error.code, 'not-allowed');
    assert.equal(error.rid, 's1');
    await viewer.sync();
    // What the host sees after the viewer's frames: nothing about them went live.
    viewer.send({ type: 'hand', raised: true });
    await host.next('room-state', (m) => m.state.hands.includes('viewer'));
    assert.deepEqual(host.seen('participant-updated'), []);
    viewer.close();
    host.close();
  });
});

describe('admission with a small password budget', () => {
  test('after too many wrong passwords even the right one is refused for a while, for that client', async () => {
    const server = await startServer({ rateLimits: { ...DEFAULTS.rateLimits, passwordFailures: { capacity: 2, perSecond: 0.001 } } });
    try {
      await fetch(`${server.url}/api/rooms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor('vault', 'owner', { role: 'host' })}` },
        body: JSON.stringify({ password: 'right' }),
      });
      await refused(server, { room: 'vault', token: await tokenFor('vault', 'x'), password: 'wrong1' }, 'wrong-password');
      await refused(server, { room: 'vault', token: await tokenFor('vault', 'x'), password: 'wrong2' }, 'wrong-password');
      await refused(server, { room: 'vault', token: await tokenFor('vault', 'x'), password: 'right' }, 'rate-limited');
    } finally {
      await server.close();
    }
  });
});
