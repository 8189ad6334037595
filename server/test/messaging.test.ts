import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS } from '../config.js';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer } from './helpers.js';

let server: RtcServer;
before(async () => {
  server = await startServer({
    historySize: 4,
    maxChatBytes: 32,
    rateLimits: { ...DEFAULTS.rateLimits, chat: { capacity: 5, perSecond: 0.01 }, reactions: { capacity: 2, perSecond: 0.01 } },
  });
});
after(() => server.close());

test('chat is stamped by the server, acknowledged, and delivered to the others only', async () => {
  const [ann] = await TestClient.join(server, 'chat', 'ann', { name: 'Ann' });
  const [bob] = await TestClient.join(server, 'chat', 'bob');
  const [cat] = await TestClient.join(server, 'chat', 'cat');
  ann.send({ type: 'chat', rid: 'r1', text: 'hi all', from: 'bob', ts: 1 });
  const ack = await ann.next('ack');
  assert.equal(ack.rid, 'r1');
  const message = ack.message!;
  assert.equal(message.from, 'ann');
  assert.equal(message.fromName, 'Ann');
  assert.equal(message.to, null);
  assert.ok(Math.abs(message.ts - Date.now()) < 5000);
  assert.deepEqual((await bob.next('chat')).message, message);
  assert.deepEqual((await cat.next('chat')).message, message);
  await ann.sync();
  assert.deepEqual(ann.seen('chat'), [], 'the sender gets an ack, not a copy');
  for (const client of [ann, bob, cat]) client.close();
});

test('private messages reach only their addressees, also in a late joiner\'s history', async () => {
  const [ann] = await TestClient.join(server, 'secret', 'ann');
  const [bob] = await TestClient.join(server, 'secret', 'bob');
  const [cat] = await TestClient.join(server, 'secret', 'cat');
  ann.send({ type: 'chat', rid: 'p1', text: 'for bob', to: ['bob', 'bob'] });
  const ack = await ann.next('ack');
  assert.deepEqual(ack.message!.to, ['bob']);
  assert.equal((await bob.next('chat')).message.text, 'for bob');
  ann.send({ type: 'chat', rid: 'p2', text: 'for all' });
  await cat.next('chat', (m) => m.message.text === 'for all');
  assert.deepEqual(cat.seen('chat').map((m) => m.message.text), ['for all']);

  ann.send({ type: 'chat', rid: 'p3', text: 'x', to: ['ghost'] });
  const unknown = await ann.next('error');
  assert.equal(unknown.code, 'unknown-user');
  assert.equal(unknown.rid, 'p3');

  // Bob leaves and comes back: his history has his private message; Cat's never shows it.
  bob.send({ type: 'leave' });
  await bob.closed;
  const [bobAgain, bobJoined] = await TestClient.join(server, 'secret', 'bob');
  assert.deepEqual(bobJoined.history.map((m) => m.text), ['for bob', 'for all']);
  const [dan, danJoined] = await TestClient.join(server, 'secret', 'dan');
  assert.deepEqual(danJoined.history.map((m) => m.text), ['for all']);
  for (const client of [ann, bobAgain, cat, dan]) client.close();
});

test('history keeps the last historySize messages', async () => {
  const [ann] = await TestClient.join(server, 'history', 'ann');
  for (let i = 1; i <= 5; i++) {
    ann.send({ type: 'chat', rid: `h${i}`, text: `m${i}` });
    await ann.next('ack');
  }
  const [bob, joined] = await TestClient.join(server, 'history', 'bob');
  assert.deepEqual(joined.history.map((m) => m.text), ['m2', 'm3', 'm4', 'm5']);
  ann.close();
  bob.close();
});

test('chat size and rate limits answer with the request id', async () => {
  const [ann] = await TestClient.join(server, 'limits', 'ann');
  ann.send({ type: 'chat', rid: 'big', text: 'é'.repeat(17) });
  const tooLarge = await ann.next('error');
  assert.equal(tooLarge.code, 'too-large');
  assert.equal(tooLarge.rid, 'big');
  ann.send({ type: 'chat', rid: 'fits', text: 'é'.repeat(16) });
  await ann.next('ack', (m) => m.rid === 'fits');

  for (let i = 0; i < 5; i++) ann.send({ type: 'chat', rid: `burst-${i}`, text: 'spam' });
  const limited = await ann.next('error');
  assert.equal(limited.code, 'rate-limited');
  assert.match(limited.rid ?? '', /^burst-/);
  assert.equal(ann.ws.readyState, ann.ws.OPEN);
  ann.close();
});

test('data goes to the others or to `to` only, acknowledged when it has a rid, never stored', async () => {
  const [ann] = await TestClient.join(server, 'data', 'ann');
  const [bob] = await TestClient.join(server, 'data', 'bob');
  const [cat] = await TestClient.join(server, 'data', 'cat');
  ann.send({ type: 'data', payload: { cursor: [1, 2] } });
  for (const client of [bob, cat]) {
    const { seq: _seq, ...frame } = await client.next('data');
    assert.deepEqual(frame, { type: 'data', from: 'ann', payload: { cursor: [1, 2] }, private: false });
  }
  ann.send({ type: 'data', rid: 'd2', payload: 'psst', to: ['cat'] });
  await ann.next('ack', (m) => m.rid === 'd2');
  const privateData = await cat.next('data');
  assert.equal(privateData.private, true);
  assert.equal(privateData.payload, 'psst');
  await bob.sync();
  assert.equal(bob.seen('data').length, 1);

  let deep: unknown = 'bottom';
  for (let i = 0; i < 40; i++) deep = [deep];
  ann.send({ type: 'data', rid: 'deep', payload: deep });
  const refused = await ann.next('error');
  assert.equal(refused.code, 'bad-message');
  assert.equal(refused.rid, 'deep');

  const [dan, joined] = await TestClient.join(server, 'data', 'dan');
  assert.deepEqual(joined.history, []);
  for (const client of [ann, bob, cat, dan]) client.close();
});

test('raised hands form a queue everyone sees; a host may lower another\'s, nobody else may', async () => {
  const [host] = await TestClient.join(server, 'hands', 'host', { role: 'host' });
  const [ann] = await TestClient.join(server, 'hands', 'ann');
  const [bob] = await TestClient.join(server, 'hands', 'bob');
  ann.send({ type: 'hand', raised: true });
  assert.deepEqual((await ann.next('room-state', (m) => m.state.hands.length > 0)).state.hands, ['ann']);
  bob.send({ type: 'hand', raised: true });
  assert.deepEqual((await host.next('room-state', (m) => m.state.hands.length === 2)).state.hands, ['ann', 'bob']);

  bob.send({ type: 'hand', raised: false, userId: 'ann' });
  assert.equal((await bob.next('error')).code, 'not-allowed');
  host.send({ type: 'hand', raised: true, userId: 'ann' });
  assert.equal((await host.next('error')).code, 'not-allowed');
  host.send({ type: 'hand', raised: false, userId: 'ann' });
  assert.deepEqual((await ann.next('room-state', (m) => m.state.hands.length === 1)).state.hands, ['bob']);

  const [cat, joined] = await TestClient.join(server, 'hands', 'cat');
  assert.deepEqual(joined.room.hands, ['bob']);
  bob.send({ type: 'leave' });
  assert.deepEqual((await cat.next('room-state', (m) => m.state.hands.length === 0)).state.hands, [], 'leaving lowers the hand');
  for (const client of [host, ann, cat]) client.close();
});

test('reactions must be emoji, are rate limited, and reach everyone including the sender', async () => {
  const [ann] = await TestClient.join(server, 'react', 'ann');
  const [bob] = await TestClient.join(server, 'react', 'bob');
  for (const emoji of ['hello', '<b>', '123', '#', ' 👍']) {
    ann.send({ type: 'reaction', emoji });
    const error = await ann.next('error');
    assert.equal(error.code, 'bad-message', emoji);
  }
  ann.send({ type: 'reaction', emoji: '👍🏽' });
  assert.equal((await ann.next('reaction')).emoji, '👍🏽');
  const seen = await bob.next('reaction');
  assert.equal(seen.from, 'ann');
  ann.send({ type: 'reaction', emoji: '🇨🇳' });
  await bob.next('reaction', (m) => m.emoji === '🇨🇳');
  ann.send({ type: 'reaction', emoji: '❤️' });
  assert.equal((await ann.next('error')).code, 'rate-limited');
  ann.close();
  bob.close();
});
