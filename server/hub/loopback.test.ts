import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../protocol/server-messages.js';
import type { WebSocketLike } from '../../core/rtc-client.js';
import { createLoopback } from './loopback.js';

/** Collects a loopback socket's frames and hands them out by type. */
function client(socket: WebSocketLike) {
  const inbox: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.onmessage = ({ data }) => {
    inbox.push(JSON.parse(String(data)) as ServerMessage);
    waiters.splice(0).forEach((wake) => wake());
  };
  const opened = new Promise<void>((resolve) => (socket.onopen = () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (socket.onclose = resolve));
  async function next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const index = inbox.findIndex((m) => m.type === type);
      if (index !== -1) return inbox.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }
  return { socket, opened, closed, next, send: (frame: object) => socket.send(JSON.stringify(frame)) };
}

test('two loopback sockets join a room and exchange a signal', async () => {
  const loopback = createLoopback({ graceMs: 50 });
  const alice = client(loopback.connect('ws://loopback/rtc'));
  assert.equal(alice.socket.readyState, 0, 'open happens in a later task, not synchronously');
  assert.throws(() => alice.socket.send('{}'), { name: 'InvalidStateError' });
  await alice.opened;
  alice.send({ type: 'join', room: 'demo', token: loopback.token({ room: 'demo', user: 'alice', name: 'Alice' }) });
  const aliceJoined = await alice.next('joined');
  assert.equal(aliceJoined.self.name, 'Alice');
  assert.deepEqual(aliceJoined.participants, []);

  const bob = client(loopback.connect('ws://loopback/rtc'));
  await bob.opened;
  bob.send({ type: 'join', room: 'demo', token: loopback.token({ room: 'demo', user: 'bob' }) });
  const bobJoined = await bob.next('joined');
  assert.deepEqual(bobJoined.participants.map((p) => p.userId), ['alice']);
  assert.equal((await alice.next('participant-joined')).participant.userId, 'bob');

  bob.send({ type: 'signal', to: 'alice', payload: { description: { type: 'offer', sdp: 'v=0' } } });
  const signal = await alice.next('signal');
  assert.equal(signal.from, 'bob');
  assert.equal(signal.fromSession, bobJoined.session.id);
  assert.deepEqual(signal.payload, { description: { type: 'offer', sdp: 'v=0' } });

  bob.send({ type: 'leave' });
  assert.equal((await bob.closed).code, 1000);
  assert.equal((await alice.next('participant-left')).reason, 'left');
  alice.socket.close();
  await alice.closed;
  loopback.hub.close();
});

test('a loopback token for another room, or a forged one, is refused', async () => {
  const loopback = createLoopback();
  const eve = client(loopback.connect('ws://loopback/rtc'));
  await eve.opened;
  eve.send({ type: 'join', room: 'demo', token: loopback.token({ room: 'other', user: 'eve' }) });
  const error = await eve.next('error');
  assert.equal(error.code, 'room-mismatch');
  assert.equal(error.fatal, true);
  assert.equal((await eve.closed).code, 4001);

  const mallory = client(loopback.connect('ws://loopback/rtc'));
  await mallory.opened;
  mallory.send({ type: 'join', room: 'demo', token: 'not-a-token' });
  assert.equal((await mallory.next('error')).code, 'token-invalid');
  loopback.hub.close();
});

test('dropConnections cuts the socket like a network loss and the session resumes', async () => {
  const loopback = createLoopback({ graceMs: 5000 });
  const alice = client(loopback.connect('ws://loopback/rtc'));
  await alice.opened;
  alice.send({ type: 'join', room: 'demo', token: loopback.token({ room: 'demo', user: 'alice' }) });
  const joined = await alice.next('joined');

  assert.equal(loopback.dropConnections('alice'), 1);
  assert.equal((await alice.closed).code, 1006);

  const again = client(loopback.connect('ws://loopback/rtc'));
  await again.opened;
  again.send({ type: 'join', resume: { sessionId: joined.session.id, secret: joined.session.secret, lastSeq: joined.seq } });
  await again.next('resumed');
  again.send({ type: 'leave' });
  await again.closed;
  assert.deepEqual(loopback.hub.stats, { rooms: 0, sessions: 0, connections: 0 });
  loopback.hub.close();
});

test('the loopback bundles for a browser: no Node built-ins anywhere in its imports', async () => {
  // esbuild comes with tsx; platform 'browser' fails to resolve any node: import.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [new URL('./loopback.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  assert.doesNotMatch(result.outputFiles[0].text, /from\s*["']node:|require\(["'](node:)?(crypto|fs|http|net)/);
});

test('lines on the loopback: a call rings, the accept hands both a token that joins the same room', async () => {
  const loopback = createLoopback();
  const ann = client(loopback.connect('ws://loopback/rtc'));
  const bob = client(loopback.connect('ws://loopback/rtc'));
  await Promise.all([ann.opened, bob.opened]);
  ann.send({ type: 'line', token: loopback.userToken({ user: 'ann', name: 'Ann' }) });
  bob.send({ type: 'line', token: loopback.userToken({ user: 'bob' }) });
  await Promise.all([ann.next('line-ready'), bob.next('line-ready')]);
  ann.send({ type: 'call', rid: 'c1', to: ['bob'] });
  const { callId } = await bob.next('ring');
  bob.send({ type: 'accept', rid: 'a1', callId });
  const [forAnn, forBob] = await Promise.all([ann.next('call-accepted'), bob.next('call-accepted')]);
  assert.equal(forAnn.roomId, forBob.roomId);

  const annInRoom = client(loopback.connect('ws://loopback/rtc'));
  await annInRoom.opened;
  annInRoom.send({ type: 'join', room: forAnn.roomId, token: forAnn.token });
  assert.equal((await annInRoom.next('joined')).self.name, 'Ann');
  await loopback.hub.close();
});
