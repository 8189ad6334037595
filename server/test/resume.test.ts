import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import type { JoinedMessage } from '../../protocol/server-messages.js';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer, tokenFor } from './helpers.js';

let server: RtcServer;
before(async () => {
  server = await startServer({ graceMs: 2000, outboxFrames: 20 });
});
after(() => server.close());

const lastSeq = (client: TestClient) =>
  Math.max(...client.received.map((m) => ('seq' in m && typeof m.seq === 'number' ? m.seq : 0)));
const resumeFrame = (joined: JoinedMessage, seq: number) =>
  ({ type: 'join', resume: { sessionId: joined.session.id, secret: joined.session.secret, lastSeq: seq } });

test('a dropped socket resumes within grace: nobody sees a leave, missed frames are replayed exactly once', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'grace', 'ann');
  const [bob] = await TestClient.join(server, 'grace', 'bob');
  await ann.next('participant-joined');
  bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: 'before' } } });
  await ann.next('signal');
  const seenBeforeDrop = lastSeq(ann);

  assert.equal(server.dropConnections('ann'), 1);
  assert.equal((await ann.closed).code, 1006);
  // While ann is away, bob keeps talking to her.
  bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: 'while-away-1' } } });
  bob.send({ type: 'chat', rid: 'c1', text: 'are you there?', to: ['ann'] });
  bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: 'while-away-2' } } });
  await bob.next('ack', (m) => m.rid === 'c1');

  const back = await TestClient.open(server);
  back.send(resumeFrame(annJoined, seenBeforeDrop));
  await back.next('resumed');
  const replayed = [await back.next('signal'), await back.next('chat'), await back.next('signal')];
  assert.deepEqual(replayed.map((m) => m.seq), [seenBeforeDrop + 1, seenBeforeDrop + 2, seenBeforeDrop + 3]);
  assert.deepEqual(
    replayed.map((m) => (m.type === 'signal' ? m.payload.candidate?.candidate : m.type === 'chat' ? m.message.text : null)),
    ['while-away-1', 'are you there?', 'while-away-2'],
  );

  // Live again: new frames follow in sequence, nothing is delivered twice, bob never saw a leave.
  bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: 'after' } } });
  const after = await back.next('signal');
  assert.equal(after.seq, seenBeforeDrop + 4);
  assert.equal(back.seen('signal').length + back.seen('chat').length, 4);
  await bob.sync();
  assert.deepEqual(bob.seen('participant-left'), []);
  back.close();
  bob.close();
});

test('requests resent after resuming (same rid) are acknowledged again and done only once', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'dedupe', 'ann');
  const [bob] = await TestClient.join(server, 'dedupe', 'bob');
  ann.send({ type: 'chat', rid: 'hello-1', text: 'hello' });
  const firstAck = await ann.next('ack', (m) => m.rid === 'hello-1');
  ann.send({ type: 'data', rid: 'data-1', payload: { n: 1 } });
  await ann.next('ack', (m) => m.rid === 'data-1');
  server.dropConnections('ann');
  await ann.closed;

  const back = await TestClient.open(server);
  back.send(resumeFrame(annJoined, lastSeq(ann)));
  await back.next('resumed');
  back.send({ type: 'chat', rid: 'hello-1', text: 'hello' });
  back.send({ type: 'data', rid: 'data-1', payload: { n: 1 } });
  const secondAck = await back.next('ack', (m) => m.rid === 'hello-1');
  assert.deepEqual(secondAck.message, firstAck.message);
  await back.next('ack', (m) => m.rid === 'data-1');
  back.send({ type: 'chat', rid: 'bye-1', text: 'bye' });
  await bob.next('chat', (m) => m.message.text === 'bye');
  assert.deepEqual(bob.seen('chat').map((m) => m.message.text), ['hello', 'bye']);
  assert.equal(bob.seen('data').length, 1);
  back.close();
  bob.close();
});

test('when the replay buffer no longer reaches back, the resumed socket gets a full joined (resumed: true)', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'overflow', 'ann');
  const [bob] = await TestClient.join(server, 'overflow', 'bob');
  server.dropConnections('ann');
  await ann.closed;
  for (let i = 0; i < 25; i++) bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: `c${i}` } } });
  await bob.sync();

  const back = await TestClient.open(server);
  back.send(resumeFrame(annJoined, lastSeq(ann)));
  const joined = await back.next('joined');
  assert.equal(joined.resumed, true);
  assert.equal(joined.session.id, annJoined.session.id);
  assert.deepEqual(joined.participants.map((p) => p.userId), ['bob']);
  await back.sync();
  assert.deepEqual(back.seen('signal'), [], 'a full state replaces the replay');
  back.close();
  bob.close();
});

test('after a full joined, the next resume replays what followed it, and one from before it gets a full joined again', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'overflow-twice', 'ann');
  const [bob] = await TestClient.join(server, 'overflow-twice', 'bob');
  const seenFirst = lastSeq(ann);
  server.dropConnections('ann');
  await ann.closed;
  for (let i = 0; i < 25; i++) bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: `c${i}` } } });
  await bob.sync();
  const back = await TestClient.open(server);
  back.send(resumeFrame(annJoined, seenFirst));
  const wholesale = await back.next('joined');

  server.dropConnections('ann');
  await back.closed;
  bob.send({ type: 'signal', to: 'ann', payload: { candidate: { candidate: 'after-joined' } } });
  await bob.sync();
  const again = await TestClient.open(server);
  again.send(resumeFrame(annJoined, wholesale.seq));
  await again.next('resumed');
  const replayed = await again.next('signal');
  assert.equal(replayed.seq, wholesale.seq + 1);
  assert.equal(replayed.payload.candidate?.candidate, 'after-joined');

  server.dropConnections('ann');
  await again.closed;
  const stale = await TestClient.open(server);
  stale.send(resumeFrame(annJoined, seenFirst));
  const full = await stale.next('joined');
  assert.equal(full.resumed, true);
  assert.ok(full.seq > replayed.seq);
  stale.close();
  bob.close();
});

test('a wrong secret or unknown session gets resume-failed, and a fresh join on the same socket still works', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'failing', 'ann');
  const thief = await TestClient.open(server);
  thief.send({ type: 'join', resume: { sessionId: annJoined.session.id, secret: 'guess', lastSeq: 0 } });
  const error = await thief.next('error');
  assert.equal(error.code, 'resume-failed');
  assert.equal(error.fatal, undefined);
  thief.send({ type: 'join', resume: { sessionId: 'no-such-session', secret: 'x', lastSeq: 0 } });
  assert.equal((await thief.next('error')).code, 'resume-failed');
  await ann.sync();
  assert.equal(ann.ws.readyState, ann.ws.OPEN, 'the real session was not disturbed');

  const joined = await thief.join({ room: 'failing', token: await tokenFor('failing', 'thief') });
  assert.deepEqual(joined.participants.map((p) => p.userId), ['ann']);
  thief.close();
  ann.close();
});

test('resuming while the old socket still looks alive tells the old one it was replaced, and nobody else notices', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'twin', 'ann');
  const [bob] = await TestClient.join(server, 'twin', 'bob');
  const second = await TestClient.open(server);
  second.send(resumeFrame(annJoined, lastSeq(ann)));
  await second.next('resumed');
  assert.equal((await ann.closed).code, CLOSE_CODES.replaced);
  assert.deepEqual(ann.seen('error').map((m) => [m.code, m.fatal]), [['replaced', true]]);
  bob.send({ type: 'signal', to: 'ann', payload: {} });
  await second.next('signal');
  await bob.sync();
  assert.deepEqual(bob.seen('participant-left'), []);
  second.close();
  bob.close();
});

test('when the grace period runs out the others see a timeout leave and the session cannot be resumed', async () => {
  const quick = await startServer({ graceMs: 150 });
  try {
    const [ann, annJoined] = await TestClient.join(quick, 'expiry', 'ann');
    const [bob] = await TestClient.join(quick, 'expiry', 'bob');
    quick.dropConnections('ann');
    await ann.closed;
    const left = await bob.next('participant-left');
    assert.equal(left.userId, 'ann');
    assert.equal(left.reason, 'timeout');

    const late = await TestClient.open(quick);
    late.send(resumeFrame(annJoined, 1));
    assert.equal((await late.next('error')).code, 'resume-failed');
    late.close();
    bob.close();
  } finally {
    await quick.close();
  }
});
