/** The invitation registry through the hub's real dispatch, with fake sockets and a fake clock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../../protocol/server-messages.js';
import type { TokenClaims } from '../../../protocol/token.js';
import type { UserTokenClaims } from '../../../protocol/line.js';
import { DEFAULTS } from '../../config.js';
import { Hub } from '../hub.js';
import type { Clock } from './invitation-registry.js';

/** Timers that fire only when the test moves the time. */
function fakeClock() {
  let now = 1_000_000;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((t) => t.at > now);
      for (const timer of due) timer.run();
    },
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(calls: Partial<NonNullable<typeof DEFAULTS.calls>> = {}) {
  const time = fakeClock();
  const hub = new Hub({
    config: { ...DEFAULTS, calls },
    clock: time.clock,
    // Unsigned test tokens: the claims as JSON. A user token is one without `room`.
    verifyToken: async (token) => {
      const claims = JSON.parse(token) as TokenClaims;
      if (!claims.room) throw new Error('no room');
      return claims;
    },
    verifyUserToken: async (token) => {
      const claims = JSON.parse(token) as UserTokenClaims & { room?: string };
      if (claims.room) throw new Error('a join token');
      return claims;
    },
    mintJoinToken: async (claims) => JSON.stringify({ ...claims, exp: 9e9 }),
  });
  return { hub, time };
}

type Socket = ReturnType<typeof socketOf>;

function socketOf(hub: Hub) {
  const frames: ServerMessage[] = [];
  const conn = hub.connect({ send: (text) => frames.push(JSON.parse(text) as ServerMessage), close: () => undefined });
  // Request ids unique per socket, as the engine's (a random prefix each).
  const prefix = Math.random().toString(36).slice(2, 8);
  let rid = 0;
  return {
    frames,
    conn,
    async send(frame: object) {
      conn.receive(JSON.stringify(frame));
      await settle();
    },
    /** Sends a request and returns the answer to it (its ack or error). */
    async request(frame: object): Promise<ServerMessage> {
      const id = `${prefix}-${++rid}`;
      conn.receive(JSON.stringify({ ...frame, rid: id }));
      await settle();
      await settle();
      const answer = frames.find((f) => 'rid' in f && f.rid === id);
      assert.ok(answer, `an answer to ${JSON.stringify(frame)}`);
      return answer;
    },
    of<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }>[] {
      return frames.filter((f): f is Extract<ServerMessage, { type: T }> => f.type === type);
    },
    states(callId: string): string[] {
      return this.of('call-state').filter((f) => f.callId === callId).map((f) => (f.by ? `${f.state}:${f.by}` : f.state));
    },
  };
}

async function lineOf(hub: Hub, sub: string, extra: Partial<UserTokenClaims> = {}): Promise<Socket> {
  const socket = socketOf(hub);
  await socket.send({ type: 'line', token: JSON.stringify({ sub, name: sub.toUpperCase(), exp: 9e9, ...extra }) });
  assert.equal(socket.frames[0]?.type, 'line-ready', `${sub}'s line opens: ${JSON.stringify(socket.frames[0])}`);
  return socket;
}

async function joinRoom(hub: Hub, token: string): Promise<Socket> {
  const socket = socketOf(hub);
  const { room } = JSON.parse(token) as TokenClaims;
  await socket.send({ type: 'join', room, token });
  await settle();
  assert.equal(socket.frames.find((f) => f.type === 'joined')?.type, 'joined', `joined: ${JSON.stringify(socket.frames)}`);
  return socket;
}

async function place(caller: Socket, to: string[], extra: object = {}): Promise<string> {
  const answer = await caller.request({ type: 'call', to, video: true, ...extra });
  assert.equal(answer.type, 'ack', JSON.stringify(answer));
  return (answer as { callId: string }).callId;
}

test('a call rings every line of the callee; the first accept wins, the other line stops, both get the same fresh room', async () => {
  const { hub } = setup();
  const ann = await lineOf(hub, 'ann');
  const bobPhone = await lineOf(hub, 'bob');
  const bobLaptop = await lineOf(hub, 'bob');
  const callId = await place(ann, ['bob'], { data: { topic: 'lunch' } });

  for (const line of [bobPhone, bobLaptop]) {
    const [ring] = line.of('ring');
    assert.deepEqual({ callId: ring.callId, from: ring.from, video: ring.video, data: ring.data }, { callId, from: { userId: 'ann', name: 'ANN' }, video: true, data: { topic: 'lunch' } });
  }
  assert.deepEqual(ann.states(callId), ['ringing']);
  // The same request sent again (after a reconnect) places no second call.
  const rid = (ann.frames.find((f) => f.type === 'ack') as { rid: string }).rid;
  await ann.send({ type: 'call', rid, to: ['bob'] });
  assert.deepEqual(ann.of('ack').map((a) => a.callId), [callId, callId]);
  assert.equal(bobPhone.of('ring').length, 1);

  assert.equal((await bobLaptop.request({ type: 'accept', callId })).type, 'ack');
  const late = await bobPhone.request({ type: 'accept', callId });
  assert.equal(late.type === 'error' && late.code, 'not-allowed');
  assert.deepEqual(bobPhone.states(callId), ['answered-elsewhere:bob']);
  assert.equal(bobPhone.of('call-accepted').length, 0);

  const [forBob] = bobLaptop.of('call-accepted');
  const [forAnn] = ann.of('call-accepted');
  assert.equal(forAnn.roomId, forBob.roomId);
  assert.equal(forAnn.by, 'bob');
  assert.deepEqual([JSON.parse(forAnn.token).sub, JSON.parse(forBob.token).sub], ['ann', 'bob']);
  for (const token of [forAnn.token, forBob.token]) assert.equal(JSON.parse(token).room, forAnn.roomId);

  // Both get into the room with what they were handed; when it empties, the call has ended for both.
  const annInRoom = await joinRoom(hub, forAnn.token);
  const bobInRoom = await joinRoom(hub, forBob.token);
  await annInRoom.send({ type: 'leave' });
  await bobInRoom.send({ type: 'leave' });
  assert.deepEqual(ann.states(callId), ['ringing', 'ended']);
  assert.deepEqual(bobLaptop.states(callId), ['ended']);
  await hub.close();
});

test('a callee in a room is busy: the caller is told at once, the callee gets a missed-call notice once out of the room', async () => {
  const { hub } = setup();
  const ann = await lineOf(hub, 'ann');
  const bob = await lineOf(hub, 'bob');
  const bobInMeeting = await joinRoom(hub, JSON.stringify({ room: 'standup', sub: 'bob', exp: 9e9 }));
  const callId = await place(ann, ['bob']);
  assert.deepEqual(ann.states(callId), ['ringing', 'busy:bob']);
  assert.equal(bob.of('ring').length, 0);
  assert.equal(bob.of('missed-calls').length, 0, 'no notice during the meeting');

  await bobInMeeting.send({ type: 'leave' });
  const [notice] = bob.of('missed-calls');
  assert.deepEqual(notice.calls.map((c) => ({ from: c.from.userId, direction: c.direction, reason: c.reason })), [{ from: 'ann', direction: 'incoming', reason: 'busy' }]);
  // Delivered once: a line opened later does not get it again.
  const bobLater = await lineOf(hub, 'bob');
  assert.equal(bobLater.of('missed-calls').length, 0);
  await hub.close();
});

test('a call nobody answers is missed on both sides at the timeout (45 s by default); an accept after that is refused', async () => {
  const { hub, time } = setup();
  const ann = await lineOf(hub, 'ann');
  const bob = await lineOf(hub, 'bob');
  const callId = await place(ann, ['bob']);
  time.advance(44_999);
  assert.deepEqual(bob.states(callId), []);
  time.advance(1);
  assert.deepEqual(bob.states(callId), ['missed:bob']);
  assert.deepEqual(ann.states(callId), ['ringing', 'missed:bob']);
  const late = await bob.request({ type: 'accept', callId });
  assert.equal(late.type === 'error' && late.code, 'not-allowed');
  await hub.close();
});

test('the ring timeout is the server\'s setting, clamped to 5–180 s, and a call may ask for its own within that range', async () => {
  const { hub, time } = setup({ ringTimeoutMs: 1000 });
  const ann = await lineOf(hub, 'ann');
  const bob = await lineOf(hub, 'bob');
  const clamped = await place(ann, ['bob']);
  time.advance(4999);
  assert.deepEqual(bob.states(clamped), []);
  time.advance(1);
  assert.deepEqual(bob.states(clamped), ['missed:bob']);

  const own = await place(ann, ['bob'], { timeoutMs: 20_000 });
  time.advance(20_000);
  assert.deepEqual(bob.states(own), ['missed:bob']);
  const tooLong = await ann.request({ type: 'call', to: ['bob'], timeoutMs: 181_000 });
  assert.equal(tooLong.type === 'error' && tooLong.code, 'bad-message');
  await hub.close();
});

test('cancel stops the ringing on every line of every callee', async () => {
  const { hub, time } = setup();
  const ann = await lineOf(hub, 'ann');
  const bob1 = await lineOf(hub, 'bob');
  const bob2 = await lineOf(hub, 'bob');
  const cat = await lineOf(hub, 'cat');
  const callId = await place(ann, ['bob', 'cat']);
  assert.equal((await ann.request({ type: 'cancel', callId })).type, 'ack');
  for (const line of [bob1, bob2, cat]) assert.deepEqual(line.states(callId), ['cancelled:ann']);
  assert.deepEqual(ann.states(callId), ['ringing', 'cancelled:ann']);
  time.advance(60_000);
  assert.deepEqual(bob1.states(callId), ['cancelled:ann'], 'no missed after a cancel');
  // Only the caller may cancel.
  const other = await place(ann, ['bob']);
  const refused = await cat.request({ type: 'cancel', callId: other });
  assert.equal(refused.type === 'error' && refused.code, 'not-allowed');
  await hub.close();
});

test('a decline stops every line of the callee and tells the caller', async () => {
  const { hub } = setup();
  const ann = await lineOf(hub, 'ann');
  const bob1 = await lineOf(hub, 'bob');
  const bob2 = await lineOf(hub, 'bob');
  const callId = await place(ann, ['bob']);
  assert.equal((await bob1.request({ type: 'decline', callId })).type, 'ack');
  assert.deepEqual(ann.states(callId), ['ringing', 'declined:bob']);
  assert.deepEqual(bob2.states(callId), ['declined:bob']);
  await hub.close();
});

test('policy: a token with `callable` or `group` calls only those; a refusal is the same whether the callee is online or not', async () => {
  const { hub } = setup();
  await lineOf(hub, 'dan', { group: 'sales' });
  const eve = await lineOf(hub, 'eve', { group: 'support' });
  eve.conn.closed(); // seen once, offline now
  await lineOf(hub, 'bob');
  const ann = await lineOf(hub, 'ann', { callable: ['bob'], group: 'sales' });

  assert.equal((await ann.request({ type: 'call', to: ['bob'] })).type, 'ack', 'listed in callable');
  assert.equal((await ann.request({ type: 'call', to: ['dan'] })).type, 'ack', 'same group');
  const answers = await Promise.all(['eve', 'zed', 'cat'].map((to) => ann.request({ type: 'call', to: [to] })));
  // eve: another group, offline; zed: never seen; cat: unknown. All the same answer, never `offline`.
  for (const answer of answers) assert.equal(answer.type === 'error' && answer.code, 'not-allowed');
  const online = await lineOf(hub, 'eve', { group: 'support' });
  const again = await ann.request({ type: 'call', to: ['eve'] });
  assert.equal(again.type === 'error' && again.code, 'not-allowed', 'eve online: still not-allowed');
  assert.equal(online.of('ring').length, 0);

  // No restriction in the token: anyone on the server; a callee with no line is `offline`.
  const free = await lineOf(hub, 'fay');
  const offline = await free.request({ type: 'call', to: ['nobody-here'] });
  assert.equal(offline.type === 'error' && offline.code, 'offline');
  await hub.close();
});

test('a flood of calls from one caller is rate-limited, across all their lines', async () => {
  const { hub } = setup({ rate: { capacity: 3, perSecond: 0.001 } });
  const ann1 = await lineOf(hub, 'ann');
  const ann2 = await lineOf(hub, 'ann');
  await lineOf(hub, 'bob');
  const codes = [];
  for (const line of [ann1, ann1, ann2, ann2]) {
    const answer = await line.request({ type: 'call', to: ['bob'] });
    codes.push(answer.type === 'error' ? answer.code : answer.type);
  }
  assert.deepEqual(codes, ['ack', 'ack', 'ack', 'rate-limited']);
  // Rate-limited before the policy: a restricted caller cannot probe with a flood either.
  await hub.close();
});

test('a call to someone offline leaves them a notice, delivered once when a line of theirs connects', async () => {
  const { hub, time } = setup();
  const ann = await lineOf(hub, 'ann');
  const offline = await ann.request({ type: 'call', to: ['bob'] });
  assert.equal(offline.type === 'error' && offline.code, 'offline');
  const bob = await lineOf(hub, 'bob');
  const [notice] = bob.of('missed-calls');
  assert.deepEqual(notice.calls.map((c) => [c.from.userId, c.direction, c.reason]), [['ann', 'incoming', 'missed']]);
  assert.equal((await lineOf(hub, 'bob')).of('missed-calls').length, 0, 'once');

  // Notices last a while (24 h by default), not forever.
  await ann.request({ type: 'call', to: ['cat'] });
  time.advance(24 * 3600_000);
  assert.equal((await lineOf(hub, 'cat')).of('missed-calls').length, 0);
  await hub.close();
});

test('an unanswered call leaves both sides a notice for the lines they open later', async () => {
  const { hub, time } = setup();
  const ann = await lineOf(hub, 'ann');
  const bob = await lineOf(hub, 'bob');
  const callId = await place(ann, ['bob']);
  time.advance(45_000);
  assert.deepEqual(bob.states(callId), ['missed:bob']);
  assert.equal(bob.of('missed-calls').length, 0, 'the line that rang saw it happen');
  const annLaptop = await lineOf(hub, 'ann');
  const bobLaptop = await lineOf(hub, 'bob');
  assert.deepEqual(annLaptop.of('missed-calls')[0].calls.map((c) => [c.callId, c.direction, c.to]), [[callId, 'outgoing', ['bob']]]);
  assert.deepEqual(bobLaptop.of('missed-calls')[0].calls.map((c) => [c.callId, c.direction, c.from.name]), [[callId, 'incoming', 'ANN']]);
  await hub.close();
});

test('a caller whose line drops keeps the call ringing through a reconnect; gone for good, the call is cancelled', async () => {
  const { hub, time } = setup();
  const ann = await lineOf(hub, 'ann');
  const bob = await lineOf(hub, 'bob');
  const kept = await place(ann, ['bob']);
  ann.conn.closed();
  time.advance(5000);
  const annBack = await lineOf(hub, 'ann');
  time.advance(10_000);
  assert.deepEqual(bob.states(kept), [], 'still ringing after the reconnect');

  const dropped = await place(annBack, ['bob']);
  annBack.conn.closed();
  time.advance(10_000);
  assert.deepEqual(bob.states(dropped), ['cancelled:ann']);
  await hub.close();
});

test('an invitation from inside a room rings the invitee, and accepting hands them a token for that room', async () => {
  const { hub } = setup();
  const annInRoom = await joinRoom(hub, JSON.stringify({ room: 'review', sub: 'ann', name: 'Ann', exp: 9e9 }));
  const cat = await lineOf(hub, 'cat');
  const invite = await annInRoom.request({ type: 'invite', userId: 'cat' });
  assert.equal(invite.type, 'ack', JSON.stringify(invite));
  const callId = (invite as { callId: string }).callId;
  const [ring] = cat.of('ring');
  assert.deepEqual({ roomId: ring.roomId, from: ring.from }, { roomId: 'review', from: { userId: 'ann', name: 'Ann' } });

  await cat.request({ type: 'accept', callId });
  const [accepted] = cat.of('call-accepted');
  assert.equal(accepted.roomId, 'review');
  const catInRoom = await joinRoom(hub, accepted.token);
  assert.ok(catInRoom.of('joined')[0].participants.some((p) => p.userId === 'ann'));
  assert.ok(annInRoom.of('call-state').some((f) => f.callId === callId && f.state === 'accepted' && f.by === 'cat'));

  // Not to someone offline, and not to oneself.
  const offline = await annInRoom.request({ type: 'invite', userId: 'zed' });
  assert.equal(offline.type === 'error' && offline.code, 'offline');
  await hub.close();
});

test('a join token opens no line, a user token joins no room, and line frames need a line', async () => {
  const { hub } = setup();
  const joinToken = socketOf(hub);
  await joinToken.send({ type: 'line', token: JSON.stringify({ room: 'r', sub: 'ann', exp: 9e9 }) });
  assert.equal(joinToken.frames[0].type === 'error' && joinToken.frames[0].code, 'token-invalid');

  const userToken = socketOf(hub);
  await userToken.send({ type: 'join', room: 'r', token: JSON.stringify({ sub: 'ann', exp: 9e9 }) });
  assert.equal(userToken.frames[0].type === 'error' && userToken.frames[0].code, 'token-invalid');

  const bare = socketOf(hub);
  const answer = await bare.request({ type: 'call', to: ['bob'] });
  assert.equal(answer.type === 'error' && answer.code, 'not-joined');

  const line = await lineOf(hub, 'ann');
  const join = await line.request({ type: 'join', room: 'r', token: JSON.stringify({ room: 'r', sub: 'ann', exp: 9e9 }) }).catch(() => null);
  void join;
  assert.ok(line.of('error').some((f) => f.code === 'bad-message'));
  await hub.close();
});

test('a callee whose line connects while the call still rings is rung too', async () => {
  const { hub, time } = setup();
  const ann = await lineOf(hub, 'ann');
  await lineOf(hub, 'bob');
  const callId = await place(ann, ['bob', 'cat']);
  time.advance(10_000);
  const cat = await lineOf(hub, 'cat');
  assert.equal(cat.of('ring')[0]?.callId, callId);
  await cat.request({ type: 'accept', callId });
  assert.equal(cat.of('call-accepted').length, 1);
  assert.equal(ann.of('call-accepted')[0]?.by, 'cat');
  await hub.close();
});
