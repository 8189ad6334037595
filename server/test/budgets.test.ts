import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { DEFAULTS } from '../config.js';
import { TestClient, startServer } from './helpers.js';

/** Bytes of every frame a client received. */
const bytesReceived = (client: TestClient) => client.received.reduce((sum, m) => sum + JSON.stringify(m).length, 0);

test('an invalid frame is answered with a short error, whatever it quotes', async () => {
  const server = await startServer();
  try {
    const [client] = await TestClient.join(server, 'echo', 'ann');
    // valibot quotes the offending value ("received …"): 60 KB of it must not come back.
    client.send({ type: 'chat', rid: 'r1', text: 7, to: 'x'.repeat(60_000) });
    const error = await client.next('error');
    assert.equal(error.code, 'bad-message');
    assert.ok(JSON.stringify(error).length < 400, `${JSON.stringify(error).length} bytes`);
    await client.sync();
    client.close();
  } finally {
    await server.close();
  }
});

test('a socket that has not joined gets a small byte budget: a 60 KB join is refused with a short error and closed', async () => {
  const server = await startServer();
  try {
    const attacker = await TestClient.open(server);
    attacker.send({ type: 'join', room: 'x'.repeat(60_000), token: 'y' });
    const { code } = await attacker.closed;
    assert.equal(code, CLOSE_CODES.abuse);
    const [error] = attacker.seen('error');
    assert.equal(error.code, 'too-large');
    assert.equal(error.fatal, true);
    assert.ok(bytesReceived(attacker) < 400, `${bytesReceived(attacker)} bytes back for 60 KB`);
  } finally {
    await server.close();
  }
});

test('small frames before join add up to the same budget; a normal join still fits', async () => {
  const server = await startServer({ preJoinBytes: 2048, rateLimits: { ...DEFAULTS.rateLimits, frames: { capacity: 1000, perSecond: 1000 } } });
  try {
    const chatty = await TestClient.open(server);
    for (let i = 0; i < 100; i++) chatty.send({ type: 'join', resume: { sessionId: `s${i}`, secret: 'nope', lastSeq: 0 } });
    assert.equal((await chatty.closed).code, CLOSE_CODES.abuse);
    const refusals = chatty.seen('error').filter((m) => m.code === 'resume-failed').length;
    assert.ok(refusals > 5 && refusals < 40, `${refusals} resume attempts answered before the cut`);

    const [ann] = await TestClient.join(server, 'fits', 'ann');
    await ann.sync();
    ann.close();
  } finally {
    await server.close();
  }
});

test('relayed data has a byte budget per session, counted per recipient; past it the reply is rate-limited', async () => {
  const server = await startServer({ rateLimits: { ...DEFAULTS.rateLimits, dataBytes: { capacity: 10_000, perSecond: 1 } } });
  try {
    const [ann] = await TestClient.join(server, 'budget', 'ann');
    const [bob] = await TestClient.join(server, 'budget', 'bob');
    const [cat] = await TestClient.join(server, 'budget', 'cat');
    const payload = 'x'.repeat(3000);
    ann.send({ type: 'data', rid: 'd1', payload });
    await ann.next('ack', (m) => m.rid === 'd1');
    // 2 × 3 KB spent; another 6 KB to both would pass the 10 KB budget, 3 KB to one still fits.
    ann.send({ type: 'data', rid: 'd2', payload });
    const refused = await ann.next('error');
    assert.equal(refused.code, 'rate-limited');
    assert.equal(refused.rid, 'd2');
    ann.send({ type: 'data', rid: 'd3', payload, to: ['bob'] });
    await ann.next('ack', (m) => m.rid === 'd3');
    await bob.sync();
    await cat.sync();
    assert.equal(bob.seen('data').length, 2);
    assert.equal(cat.seen('data').length, 1);
    for (const client of [ann, bob, cat]) client.close();
  } finally {
    await server.close();
  }
});

test('a re-join carries at most historyBytes of chat; the rest comes page by page on request, nothing lost or repeated', async () => {
  const server = await startServer({
    historyBytes: 16 * 1024,
    rateLimits: { ...DEFAULTS.rateLimits, chat: { capacity: 1000, perSecond: 1000 }, frames: { capacity: 1000, perSecond: 1000 } },
  });
  try {
    const [ann] = await TestClient.join(server, 'talkative', 'ann');
    for (let i = 0; i < 200; i++) ann.send({ type: 'chat', rid: `c${i}`, text: `${i} ${'x'.repeat(1000)}` });
    await ann.next('ack', (m) => m.rid === 'c199');

    const [bob, joined] = await TestClient.join(server, 'talkative', 'bob');
    assert.ok(JSON.stringify(joined).length < 18 * 1024, `joined is ${JSON.stringify(joined).length} bytes`);
    assert.equal(joined.moreHistory, true);
    assert.equal(joined.history.at(-1)?.text.split(' ')[0], '199', 'the newest messages come first');

    const all = [...joined.history];
    for (let page = 0; page < 50 && all.length < 200; page++) {
      bob.send({ type: 'history', rid: `h${page}`, before: all[0].id, limit: 30 });
      const reply = await bob.next('history', (m) => m.rid === `h${page}`);
      assert.ok(reply.messages.length > 0 && reply.messages.length <= 30);
      all.unshift(...reply.messages);
      assert.equal(reply.more, all.length < 200);
    }
    assert.deepEqual(all.map((m) => Number(m.text.split(' ')[0])), Array.from({ length: 200 }, (_, i) => i));
    ann.close();
    bob.close();
  } finally {
    await server.close();
  }
});
