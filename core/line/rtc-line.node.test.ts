/** RtcLine against the real room logic (the server's in-page hub), under Node: reconnects and the caller's view of a call. */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createLoopback, type Loopback } from '../../server/hub/loopback.js';
import { DefaultReconnectPolicy } from '../signaling/reconnect-policy.js';
import { RtcLine, type CallStateChange, type IncomingCall, type LineState } from './rtc-line.js';

let loopbacks: Loopback[] = [];
let lines: RtcLine[] = [];

afterEach(async () => {
  lines.forEach((line) => line.close());
  await Promise.all(loopbacks.map((l) => l.hub.close()));
  lines = [];
  loopbacks = [];
});

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function open(loopback: Loopback, user: string, retryAfterMs = 0) {
  const line = new RtcLine({ server: 'ws://loopback', connect: loopback.connect, reconnectPolicy: new DefaultReconnectPolicy({ delays: [retryAfterMs, 20], maxJitterMs: 0 }) });
  lines.push(line);
  const rings: IncomingCall[] = [];
  const states: CallStateChange[] = [];
  const connection: LineState[] = [];
  line.on('incoming-call', (call) => rings.push(call));
  line.on('call-state', (change) => states.push(change));
  line.on('connection-state', ({ state }) => connection.push(state));
  await line.open(loopback.userToken({ user, name: user.toUpperCase() }));
  return { line, rings, states, connection, of: (callId: string) => states.filter((s) => s.callId === callId).map((s) => (s.by ? `${s.state}:${s.by}` : s.state)) };
}

describe('RtcLine', () => {
  it('opens with a user token and says who it is', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const ann = await open(loopback, 'ann');
    assert.deepEqual(ann.line.self, { userId: 'ann', name: 'ANN' });
    assert.deepEqual(ann.connection, ['connecting', 'connected']);
  });

  it('rejects a join token with token-invalid', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const line = new RtcLine({ server: 'ws://loopback', connect: loopback.connect });
    lines.push(line);
    await assert.rejects(line.open(loopback.token({ room: 'r', user: 'ann' })), { code: 'token-invalid' });
    assert.equal(line.state, 'closed');
  });

  it('reconnects after a dropped socket; a call still ringing is not announced twice, and can be accepted after', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const ann = await open(loopback, 'ann');
    const bob = await open(loopback, 'bob');
    const { callId } = await ann.line.call('bob');
    await until(() => bob.rings.length === 1, 'bob to ring');
    assert.equal(loopback.dropConnections('bob'), 1);
    await until(() => bob.connection.at(-1) === 'connected' && bob.connection.includes('reconnecting'), 'bob\'s line back');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(bob.rings.length, 1, 'rung again by the server, told once');
    const room = await bob.line.accept(callId);
    await until(() => ann.of(callId).includes('accepted:bob'), 'ann to hear accepted');
    assert.equal(ann.states.find((s) => s.state === 'accepted')!.roomId, room.roomId);
    assert.equal(ann.line.callState(callId), 'accepted');
  });

  it('a line that was away while the caller cancelled hears it once back, and stops ringing', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const ann = await open(loopback, 'ann');
    const bob = await open(loopback, 'bob', 300);
    const { callId } = await ann.line.call('bob');
    await until(() => bob.rings.length === 1, 'bob to ring');
    loopback.dropConnections('bob');
    await until(() => bob.line.state === 'reconnecting', 'bob\'s line to notice');
    await ann.line.cancel(callId);
    assert.equal(bob.line.callState(callId), 'ringing', 'not told yet');
    await until(() => bob.line.state === 'connected', 'bob\'s line back');
    await until(() => bob.of(callId).includes('cancelled:ann'), 'bob to hear the cancel');
    assert.equal(bob.line.callState(callId), undefined);
  });

  it('a caller who was away when the call was answered gets the room once back', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const ann = await open(loopback, 'ann', 300);
    const bob = await open(loopback, 'bob');
    const { callId } = await ann.line.call('bob');
    await until(() => bob.rings.length === 1, 'bob to ring');
    loopback.dropConnections('ann');
    await until(() => ann.line.state === 'reconnecting', 'ann\'s line to notice');
    const room = await bob.line.accept(callId);
    await until(() => ann.of(callId).includes('accepted:bob'), 'ann to hear accepted once back');
    assert.equal(ann.states.filter((s) => s.state === 'accepted').length, 1);
    assert.equal(ann.states.find((s) => s.state === 'accepted')!.roomId, room.roomId);
  });

  it('a call to two is over for the caller once both said no; each outcome comes with who', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const ann = await open(loopback, 'ann');
    const bob = await open(loopback, 'bob');
    const cat = await open(loopback, 'cat');
    const { callId } = await ann.line.call(['bob', 'cat'], { video: false });
    await until(() => bob.rings.length === 1 && cat.rings.length === 1, 'both to ring');
    assert.equal(bob.rings[0].video, false);
    await bob.line.decline(callId);
    await until(() => ann.of(callId).includes('declined:bob'), 'ann to hear bob');
    assert.equal(ann.line.callState(callId), 'ringing', 'cat still rings');
    await cat.line.decline(callId);
    await until(() => ann.of(callId).includes('declined:cat'), 'ann to hear cat');
    assert.equal(ann.line.callState(callId), undefined, 'over');
    assert.deepEqual(ann.of(callId), ['ringing', 'declined:bob', 'declined:cat']);
  });

  it('rejects call() before open, and accept() of a call that is not ringing here', async () => {
    const loopback = createLoopback();
    loopbacks.push(loopback);
    const idle = new RtcLine({ server: 'ws://loopback', connect: loopback.connect });
    await assert.rejects(idle.call('bob'), { code: 'not-joined' });
    const ann = await open(loopback, 'ann');
    await assert.rejects(ann.line.accept('nope'), { code: 'not-allowed' });
  });
});
