import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Duplex } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { DEFAULTS } from '../config.js';
import { TestClient, startServer, tokenFor } from './helpers.js';

const KiB = 1024;
const MiB = 1024 * KiB;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Live heap and Buffer bytes, garbage collected first (ws queues strings and Buffers for a socket that does not drain). */
const liveBytes = () => {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** The raw socket under a ws client: pausing it stops reading, as a frozen or overwhelmed client would. */
const rawSocket = (client: TestClient) => (client.ws as unknown as { _socket: Duplex })._socket;

test('a member who stops reading is cut with 4009 once too much waits for it; memory stays bounded, the call goes on', async () => {
  const sendBuffer = { dropAboveBytes: 256 * KiB, closeAboveBytes: 1 * MiB };
  const server = await startServer({
    sendBuffer,
    rateLimits: { ...DEFAULTS.rateLimits, frames: { capacity: 1000, perSecond: 1000 }, dataBytes: { capacity: 1e9, perSecond: 1e9 } },
  });
  try {
    const [ann] = await TestClient.join(server, 'flood', 'ann');
    const [bob] = await TestClient.join(server, 'flood', 'bob');
    const [slow] = await TestClient.join(server, 'flood', 'slow');
    await ann.sync();
    let bytesToSlow = 0;
    slow.ws.on('message', (data: Buffer) => { bytesToSlow += data.length; });
    rawSocket(slow).pause();

    // 36 MiB for the member who does not read, each frame within the limits; ann waits for her acks
    // so that what piles up is the server's, not her own send buffer.
    const before = liveBytes();
    let peak = 0;
    const payload = 'x'.repeat(60 * KiB);
    for (let i = 0; i < 600; i++) {
      ann.send({ type: 'data', rid: `d${i}`, payload, to: ['slow'] });
      if (i % 20 === 19) await ann.next('ack', (m) => m.rid === `d${i}`);
      if (i % 100 === 99) peak = Math.max(peak, liveBytes() - before);
    }
    // What stays: the 1 MiB cap, the 1 MiB replay buffer, frames in flight. Without a cap it is most of the 36 MiB.
    assert.ok(peak < 12 * MiB, `memory grew by ${(peak / MiB).toFixed(1)} MiB for 36 MiB sent to a reader that stopped`);

    // The others' call carries on.
    ann.send({ type: 'signal', to: 'bob', payload: { candidate: { candidate: 'still-here' } } });
    assert.equal((await bob.next('signal')).payload.candidate?.candidate, 'still-here');

    // Once it reads again, the slow client finds the socket closed with 4009, after far less than was sent.
    rawSocket(slow).resume();
    assert.equal((await slow.closed).code, CLOSE_CODES.tooSlow);
    assert.ok(bytesToSlow < 8 * MiB, `${(bytesToSlow / MiB).toFixed(1)} MiB reached the slow client`);

    // It resumes its session: nobody saw it leave, and what is not droppable still reaches it.
    const seqs = slow.received.flatMap((m) => ('seq' in m && typeof m.seq === 'number' ? [m.seq] : []));
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'dropped frames leave no gap in seq');
    const joined = slow.seen('joined')[0];
    const back = await TestClient.open(server);
    back.send({ type: 'join', resume: { sessionId: joined.session.id, secret: joined.session.secret, lastSeq: seqs.at(-1) } });
    await back.next((m) => m.type === 'resumed' || m.type === 'joined');
    ann.send({ type: 'signal', to: 'slow', payload: { candidate: { candidate: 'welcome-back' } } });
    assert.equal((await back.next('signal', (m) => m.payload.candidate?.candidate === 'welcome-back')).from, 'ann');
    await bob.sync();
    assert.deepEqual(bob.seen('participant-left'), []);
    for (const client of [ann, bob, back]) client.close();
  } finally {
    await server.close();
  }
});

test('sending frames does not keep a socket alive: only pongs do', async () => {
  const server = await startServer({ heartbeatMs: 300, graceMs: 100 });
  try {
    const [bob] = await TestClient.join(server, 'liveness', 'bob');
    // Sends pings of its own but never answers the server's: it does not read what it is sent.
    const deaf = await TestClient.open(server, { autoPong: false });
    await deaf.join({ room: 'liveness', token: await tokenFor('liveness', 'deaf') });
    const chatter = setInterval(() => deaf.send({ type: 'ping' }), 50);
    try {
      assert.equal((await bob.next('participant-left', undefined, 5000)).userId, 'deaf');
      assert.equal((await deaf.closed).code, 1006);
    } finally {
      clearInterval(chatter);
    }
    await bob.sync();
    bob.close();
  } finally {
    await server.close();
  }
});
