import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer } from './helpers.js';

let server: RtcServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const on = { audio: true, video: true };

test('a host makes the call audio only: every camera goes off, the hosts\' too, none turns on until lifted', async () => {
  const [host] = await TestClient.join(server, 'voice', 'host', { role: 'host', name: 'Hanna', media: on });
  const [cohost] = await TestClient.join(server, 'voice', 'cohost', { role: 'host', media: on });
  const [ann] = await TestClient.join(server, 'voice', 'ann', { media: on });

  ann.send({ type: 'audio-only', rid: 'no', on: true });
  assert.equal((await ann.next('error', (m) => m.rid === 'no')).code, 'not-allowed', 'a participant may not');

  host.send({ type: 'audio-only', rid: 'a1', on: true });
  await host.next('ack', (m) => m.rid === 'a1');
  const state = await ann.next('room-state', (m) => m.state.audioOnly);
  assert.equal(state.state.audioOnly, true);
  const notice = await ann.next('muted');
  assert.deepEqual({ kind: notice.kind, by: notice.by }, { kind: 'video', by: 'host' });
  await cohost.next('muted', (m) => m.kind === 'video');
  for (const who of ['host', 'cohost']) await ann.next('participant-updated', (m) => m.participant.userId === who && !m.participant.media.video);
  await host.next('participant-updated', (m) => m.participant.userId === 'ann' && !m.participant.media.video);

  // Nobody may turn a camera on, a host neither; the microphone still may.
  for (const client of [ann, host]) {
    client.send({ type: 'media', media: on });
    const refused = await client.next('error', (m) => m.code === 'not-allowed');
    assert.match(refused.message, /audio only/);
  }
  // Someone joining now comes in with the camera off.
  const [bob, joined] = await TestClient.join(server, 'voice', 'bob', { media: on });
  assert.equal(joined.room.audioOnly, true);
  assert.equal(joined.self.media.video, false);
  assert.equal(joined.self.media.audio, true);

  host.send({ type: 'audio-only', rid: 'a2', on: false });
  await ann.next('room-state', (m) => !m.state.audioOnly);
  ann.send({ type: 'media', media: on });
  const back = await host.next('participant-updated', (m) => m.participant.userId === 'ann' && m.participant.media.video);
  assert.equal(back.participant.media.video, true, 'cameras may come back');
  for (const client of [host, cohost, ann, bob]) client.close();
});
