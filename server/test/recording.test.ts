/** Local recording: everyone in the room is told who records, in the room state, and nobody can speak for someone else. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer } from './helpers.js';

let server: RtcServer;
before(async () => {
  server = await startServer({ graceMs: 200 });
});
after(() => server.close());

test('a participant who starts recording is in everyone\'s room state, stamped by the server, until they stop', async () => {
  const [ann, annJoined] = await TestClient.join(server, 'rec-basic', 'ann', { role: 'host' });
  const [bob] = await TestClient.join(server, 'rec-basic', 'bob');
  assert.equal(annJoined.room.recording, false);
  assert.deepEqual(annJoined.room.recorders, []);

  // Naming someone else in the frame counts for nothing: the server writes down who sent it.
  bob.send({ type: 'recording', rid: 'r1', on: true, userId: 'ann' });
  await bob.next('ack', (m) => m.rid === 'r1');
  const started = await ann.next('room-state', (m) => m.state.recording);
  assert.deepEqual(started.state.recorders, ['bob']);

  // A late joiner learns it from `joined`.
  const [cat, catJoined] = await TestClient.join(server, 'rec-basic', 'cat', { role: 'viewer' });
  assert.equal(catJoined.room.recording, true);
  assert.deepEqual(catJoined.room.recorders, ['bob']);

  // A viewer may record what they see too (the list keeps the order they started in).
  cat.send({ type: 'recording', rid: 'r2', on: true });
  await cat.next('ack', (m) => m.rid === 'r2');
  assert.deepEqual((await ann.next('room-state', (m) => m.state.recorders.length === 2)).state.recorders, ['bob', 'cat']);

  bob.send({ type: 'recording', rid: 'r3', on: false });
  await bob.next('ack', (m) => m.rid === 'r3');
  assert.deepEqual((await ann.next('room-state', (m) => m.state.recorders.length === 1)).state.recorders, ['cat']);
  cat.send({ type: 'recording', rid: 'r4', on: false });
  const stopped = await ann.next('room-state', (m) => !m.state.recording);
  assert.deepEqual(stopped.state.recorders, []);
  for (const client of [ann, bob, cat]) client.close();
});

test('a recorder who leaves is taken off the list', async () => {
  const [ann] = await TestClient.join(server, 'rec-leave', 'ann');
  const [bob] = await TestClient.join(server, 'rec-leave', 'bob');
  bob.send({ type: 'recording', rid: 'r1', on: true });
  await ann.next('room-state', (m) => m.state.recording);
  bob.send({ type: 'leave' });
  const after = await ann.next('room-state', (m) => !m.state.recording);
  assert.deepEqual(after.state.recorders, []);
  ann.close();
});

test('saying it twice changes nothing and sends no second room state', async () => {
  const [ann] = await TestClient.join(server, 'rec-twice', 'ann');
  const [bob] = await TestClient.join(server, 'rec-twice', 'bob');
  bob.send({ type: 'recording', rid: 'r1', on: true });
  bob.send({ type: 'recording', rid: 'r2', on: true });
  await bob.next('ack', (m) => m.rid === 'r2');
  await ann.sync();
  assert.equal(ann.seen('room-state').filter((m) => m.state.recording).length, 1);
  ann.close();
  bob.close();
});
