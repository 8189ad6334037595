import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer, tokenFor } from './helpers.js';

let server: RtcServer;
before(async () => {
  server = await startServer({ graceMs: 200 });
});
after(() => server.close());

test('a newcomer sees everyone already there in join order, with names, roles and media', async () => {
  const [ann] = await TestClient.join(server, 'order', 'ann', { name: 'Ann', role: 'host', media: { audio: true, video: false } });
  const [bob] = await TestClient.join(server, 'order', 'bob', { name: 'Bob' });
  const [cat] = await TestClient.join(server, 'order', 'cat');
  const [dan, joined] = await TestClient.join(server, 'order', 'dan');
  assert.deepEqual(joined.participants.map((p) => [p.userId, p.name, p.role]), [
    ['ann', 'Ann', 'host'], ['bob', 'Bob', 'participant'], ['cat', 'cat', 'participant'],
  ]);
  assert.deepEqual(joined.participants[0].media, { audio: true, video: false, screen: false });
  assert.deepEqual(joined.self.media, { audio: false, video: false, screen: false });
  assert.equal(joined.resumed, false);
  assert.equal(joined.graceMs, 200);
  assert.equal(joined.limits.maxParticipants, 6);
  assert.equal(joined.seq, 1);
  // Earlier members heard of each later one, in order.
  for (const [client, expected] of [[ann, ['bob', 'cat', 'dan']], [bob, ['cat', 'dan']], [cat, ['dan']]] as const) {
    for (const userId of expected) assert.equal((await client.next('participant-joined')).participant.userId, userId);
  }
  for (const client of [ann, bob, cat, dan]) client.close();
});

test('leave reasons: left, kicked, timeout and replaced', async () => {
  const [host] = await TestClient.join(server, 'reasons', 'host', { role: 'host' });
  const leftReason = async (userId: string) => {
    const left = await host.next('participant-left', (m) => m.userId === userId);
    return left.reason;
  };

  const [leaver] = await TestClient.join(server, 'reasons', 'leaver');
  leaver.send({ type: 'leave' });
  assert.equal((await leaver.closed).code, 1000);
  assert.equal(await leftReason('leaver'), 'left');

  const [kicked] = await TestClient.join(server, 'reasons', 'kicked');
  host.send({ type: 'kick', rid: 'k1', userId: 'kicked' });
  await host.next('ack', (m) => m.rid === 'k1');
  assert.equal(await leftReason('kicked'), 'kicked');
  const kickError = await kicked.next('error');
  assert.equal(kickError.code, 'kicked');
  assert.equal(kickError.fatal, true);
  assert.equal((await kicked.closed).code, CLOSE_CODES.kicked);

  const [lost] = await TestClient.join(server, 'reasons', 'lost');
  lost.ws.terminate();
  assert.equal(await leftReason('lost'), 'timeout');

  const [first, firstJoined] = await TestClient.join(server, 'reasons', 'twice');
  const [second, secondJoined] = await TestClient.join(server, 'reasons', 'twice');
  const replacedError = await first.next('error');
  assert.equal(replacedError.code, 'replaced');
  assert.equal(replacedError.fatal, true);
  assert.equal((await first.closed).code, CLOSE_CODES.replaced);
  const left = await host.next('participant-left', (m) => m.userId === 'twice');
  assert.equal(left.reason, 'replaced');
  assert.equal(left.sessionId, firstJoined.session.id);
  const rejoined = await host.next('participant-joined', (m) => m.participant.userId === 'twice' && m.participant.sessionId === secondJoined.session.id);
  assert.ok(host.received.indexOf(left) < host.received.indexOf(rejoined), 'the leave comes before the new join');
  second.close();
  host.close();
});

test('a duplicate login clears the old session\'s screen share and raised hand', async () => {
  const [watcher] = await TestClient.join(server, 'dup', 'watcher');
  const [old] = await TestClient.join(server, 'dup', 'sharer');
  old.send({ type: 'screen', rid: 's', on: true });
  await old.next('ack');
  old.send({ type: 'hand', raised: true });
  await watcher.next('room-state', (m) => m.state.hands.includes('sharer'));

  const [fresh, joined] = await TestClient.join(server, 'dup', 'sharer');
  assert.equal(joined.room.screenSharer, null);
  assert.deepEqual(joined.room.hands, []);
  assert.deepEqual((await watcher.next('room-state', (m) => m.state.hands.length === 0)).state.hands, []);
  // Someone else may share now.
  watcher.send({ type: 'screen', rid: 'w', on: true });
  await watcher.next('ack', (m) => m.rid === 'w');
  fresh.close();
  watcher.close();
});

test('signals reach only the addressee, stamped with the sender\'s identity whatever the frame claims', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'relay', 'ann');
  const [bob] = await TestClient.join(server, 'relay', 'bob');
  const [cat] = await TestClient.join(server, 'relay', 'cat');
  ann.send({ type: 'signal', to: 'bob', from: 'cat', fromSession: 'forged', payload: { candidate: null } });
  const signal = await bob.next('signal');
  assert.equal(signal.from, 'ann');
  assert.equal(signal.fromSession, annJoined.session.id);
  assert.deepEqual(signal.payload, { candidate: null });

  // Unknown keys inside the payload are not relayed either.
  ann.send({ type: 'signal', to: 'bob', payload: { description: { type: 'offer', sdp: 'v=0', from: 'cat' }, evil: true } });
  assert.deepEqual((await bob.next('signal')).payload, { description: { type: 'offer', sdp: 'v=0' } });

  ann.send({ type: 'signal', to: 'nobody', payload: {} });
  assert.equal((await ann.next('error')).code, 'unknown-user');
  await cat.sync();
  assert.deepEqual(cat.seen('signal'), []);
  for (const client of [ann, bob, cat]) client.close();
});

test('media changes reach the others; screen sharing is one at a time and ends when the sharer leaves', async () => {
  const [ann] = await TestClient.join(server, 'share', 'ann');
  const [bob] = await TestClient.join(server, 'share', 'bob');
  ann.send({ type: 'media', media: { audio: true, video: true } });
  assert.deepEqual((await bob.next('participant-updated')).participant.media, { audio: true, video: true, screen: false });

  ann.send({ type: 'screen', rid: 'a1', on: true });
  await ann.next('ack', (m) => m.rid === 'a1');
  assert.equal((await bob.next('participant-updated')).participant.media.screen, true);
  bob.send({ type: 'screen', rid: 'b1', on: true });
  const busy = await bob.next('error');
  assert.equal(busy.code, 'screen-share-busy');
  assert.equal(busy.rid, 'b1');

  ann.send({ type: 'leave' });
  await bob.next('participant-left');
  bob.send({ type: 'screen', rid: 'b2', on: true });
  await bob.next('ack', (m) => m.rid === 'b2');
  const [cat, catJoined] = await TestClient.join(server, 'share', 'cat');
  assert.equal(catJoined.room.screenSharer, 'bob');
  bob.close();
  cat.close();
});

test('only a host may kick, and a kicked user stays banned from that room', async () => {
  const [host] = await TestClient.join(server, 'ban', 'host', { role: 'host' });
  const [pat] = await TestClient.join(server, 'ban', 'pat');
  pat.send({ type: 'kick', rid: 'nope', userId: 'host' });
  const denied = await pat.next('error');
  assert.equal(denied.code, 'not-allowed');
  assert.equal(denied.rid, 'nope');

  host.send({ type: 'kick', userId: 'pat' });
  await pat.closed;
  const retry = await TestClient.open(server);
  retry.send({ type: 'join', room: 'ban', token: await tokenFor('ban', 'pat') });
  const error = await retry.next('error');
  assert.equal(error.code, 'kicked');
  assert.equal(error.fatal, true);
  assert.equal((await retry.closed).code, CLOSE_CODES.refused);
  host.close();
});

test('the TURN credentials a session gets in `joined` expire with its token, not later', async () => {
  const server = await startServer({ turn: { urls: ['turn:turn.example.com'], secret: 'coturn-secret', ttlSeconds: 7200 } });
  try {
    const before = Math.floor(Date.now() / 1000);
    const client = await TestClient.open(server);
    const joined = await client.join({ room: 'turn-room', token: await tokenFor('turn-room', 'alice', { ttlSeconds: 300 }) });
    const turn = joined.iceServers.find((s) => String(s.urls).startsWith('turn:'));
    assert.ok(turn?.username, 'a TURN server with credentials');
    const expiry = Number(turn.username.split(':')[0]);
    assert.ok(expiry <= before + 301, `relay credentials end with the 5-minute token (ends ${expiry - before} s from now)`);
    client.ws.close();
  } finally {
    await server.close();
  }
});
