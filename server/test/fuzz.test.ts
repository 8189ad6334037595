import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES } from '../../protocol/error-codes.js';
import { DEFAULTS } from '../config.js';
import { TestClient, startServer } from './helpers.js';

/** Deterministic randomness (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Frame = { data: string | Buffer; binary?: boolean };

const MAX_FRAME = 8 * 1024;

/** Frames that are each wrong in some way, for a socket that has joined (`joined`) or not. */
function badFrames(random: () => number, count: number, joined: boolean): Frame[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (max: number) => Math.floor(random() * max);
  const junk = (length: number) => Array.from({ length }, () => String.fromCodePoint(int(0x2ffff))).join('');
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const wrongValue = () => pick<unknown>([42, -1.5, true, null, [], {}, 'x'.repeat(int(300)), nested(int(50)), { $gt: '' }]);

  const makers: (() => Frame)[] = [
    () => ({ data: Buffer.from(Array.from({ length: 1 + int(200) }, () => int(256))), binary: true }),
    () => ({ data: junk(1 + int(200)) }),
    () => ({ data: `{"type":"${pick(['join', 'signal', 'chat'])}"${junk(int(20))}` }),
    () => ({ data: 'x'.repeat(MAX_FRAME + 1 + int(MAX_FRAME)) }),
    () => ({ data: JSON.stringify({ type: 'data', payload: 'y'.repeat(MAX_FRAME) }) }),
    () => ({ data: nested(1 + int(5000)) }),
    () => ({ data: JSON.stringify(pick([null, 1, 'ping', [], [{ type: 'ping' }], { type: 'PING' }, { type: '__proto__' }, { type: 'constructor' }])) }),
    () => ({ data: JSON.stringify({ type: pick(['signal', 'media', 'screen', 'chat', 'hand', 'kick', 'reaction', 'data']), ...{ [pick(['to', 'media', 'on', 'text', 'raised', 'userId', 'emoji', 'rid'])]: wrongValue() } }) }),
    () => ({ data: JSON.stringify({ type: 'signal', to: pick(['', 'a b', '../x', 'x'.repeat(65)]), payload: {} }) }),
    () => ({ data: JSON.stringify({ type: 'signal', to: 'ann', payload: { description: { type: 'offer', sdp: wrongValue() } } }) }),
    () => ({ data: JSON.stringify({ type: 'signal', to: 'ann', payload: { candidate: { candidate: nested(100) as unknown as string, sdpMLineIndex: -1 } } }) }),
    () => ({ data: JSON.stringify({ type: 'reaction', emoji: pick(['abc', '1', '<script>', '👍'.repeat(9)]) }) }),
    () => ({ data: JSON.stringify({ type: 'chat', rid: 'r'.repeat(65), text: 'hi' }) }),
    () => ({ data: JSON.stringify({ type: 'join', resume: { sessionId: 'x', secret: 'y', lastSeq: -1 } }) }),
    () => ({ data: JSON.stringify({ type: 'join' }) }),
  ];
  // Well-formed frames the state makes wrong: nobody called "ghost" is here, a participant is no host.
  const joinedOnly: (() => Frame)[] = [
    () => ({ data: JSON.stringify({ type: 'signal', to: 'ghost', payload: {} }) }),
    () => ({ data: JSON.stringify({ type: 'chat', rid: `c${int(1e9)}`, text: 'hi', to: ['ghost'] }) }),
    () => ({ data: JSON.stringify({ type: 'chat', rid: `c${int(1e9)}`, text: 'é'.repeat(3000) }) }),
    () => ({ data: JSON.stringify({ type: 'kick', userId: 'ghost' }) }),
    () => ({ data: JSON.stringify({ type: 'hand', raised: false, userId: 'ghost' }) }),
    () => ({ data: JSON.stringify({ type: 'data', to: ['ghost'], payload: 1 }) }),
    () => ({ data: JSON.stringify({ type: 'data', payload: JSON.parse(nested(60)) }) }),
    () => ({ data: JSON.stringify({ type: 'join', room: 'chaos', token: 'x' }) }),
  ];
  // Valid frames are still wrong before joining. (A join with a bad token is fatal by design: admission.test.ts.)
  const unjoinedOnly: (() => Frame)[] = [
    () => ({ data: JSON.stringify({ type: 'signal', to: 'ann', payload: {} }) }),
    () => ({ data: JSON.stringify({ type: 'leave' }) }),
    () => ({ data: JSON.stringify({ type: 'media', media: { audio: true, video: true } }) }),
    () => ({ data: JSON.stringify({ type: 'chat', rid: 'c', text: 'hi' }) }),
  ];
  const all = [...makers, ...(joined ? joinedOnly : unjoinedOnly)];
  return Array.from({ length: count }, () => pick(all)());
}

test('thousands of malformed frames: every one gets a typed error, the server stays up, another call keeps working', async () => {
  const server = await startServer({
    maxFrameBytes: MAX_FRAME,
    maxChatBytes: 4096,
    // The storm itself is the subject here, not the pre-join budget (budgets.test.ts).
    preJoinBytes: 1e9,
    rateLimits: { ...DEFAULTS.rateLimits, frames: { capacity: 100_000, perSecond: 100_000 }, chat: { capacity: 1e6, perSecond: 1e6 } },
  });
  try {
    // An innocent call in another room.
    const [ann] = await TestClient.join(server, 'calm', 'ann');
    const [bob] = await TestClient.join(server, 'calm', 'bob');

    const fuzzers = [
      { client: (await TestClient.join(server, 'chaos', 'mal'))[0], joined: true },
      { client: (await TestClient.join(server, 'chaos', 'eve'))[0], joined: true },
      { client: await TestClient.open(server), joined: false },
      { client: await TestClient.open(server), joined: false },
    ];
    const random = prng(20261121);
    const plans = fuzzers.map(({ client, joined }) => ({ client, frames: badFrames(random, 750, joined) }));

    let exchanged = 0;
    const talk = (async () => {
      // Ann and Bob keep signalling while the storm goes on.
      for (let i = 0; i < 20; i++) {
        ann.send({ type: 'signal', to: 'bob', payload: { candidate: { candidate: `a${i}` } } });
        await bob.next('signal', (m) => m.payload.candidate?.candidate === `a${i}`);
        bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: `b${i}` } } });
        await ann.next('signal', (m) => m.payload.candidate?.candidate === `b${i}`);
        exchanged++;
      }
    })();

    await Promise.all(plans.map(async ({ client, frames }) => {
      for (const { data, binary } of frames) client.ws.send(data, { binary: Boolean(binary) });
      await client.sync();
      const errors = client.seen('error');
      assert.equal(errors.length, frames.length, 'one error per bad frame');
      for (const error of errors) {
        assert.ok((ERROR_CODES as readonly string[]).includes(error.code), error.code);
        assert.notEqual(error.code, 'server-error', error.message);
        assert.notEqual(error.fatal, true);
      }
      const seqs = client.received.flatMap((m) => ('seq' in m && typeof m.seq === 'number' ? [m.seq] : []));
      assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'sequenced frames count up by one');
    }));
    await talk;
    assert.equal(exchanged, 20);

    // One last abuser sends a frame far beyond the limit and is cut off; the others carry on.
    const brute = plans[2].client;
    brute.ws.send('z'.repeat(MAX_FRAME * 4 + 1));
    assert.equal((await brute.closed).code, 1009);
    const [cat, joined] = await TestClient.join(server, 'calm', 'cat');
    assert.deepEqual(joined.participants.map((p) => p.userId), ['ann', 'bob']);
    ann.send({ type: 'signal', to: 'cat', payload: { candidate: null } });
    assert.equal((await cat.next('signal')).from, 'ann');
    for (const client of [ann, bob, cat, ...fuzzers.map((f) => f.client)]) client.close();
  } finally {
    await server.close();
  }
});
