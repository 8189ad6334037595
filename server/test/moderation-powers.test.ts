import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { claimsFor } from '../auth/claims.js';
import { signToken } from '../auth/tokens.js';
import type { RtcServer } from '../create-server.js';
import { SECRET, TestClient, startServer, tokenFor } from './helpers.js';

let server: RtcServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const on = { audio: true, video: true };

test('every host power is refused to a participant with not-allowed, and changes nothing', async () => {
  const [host] = await TestClient.join(server, 'refused', 'host', { role: 'host' });
  const [ann] = await TestClient.join(server, 'refused', 'ann');
  const [bob] = await TestClient.join(server, 'refused', 'bob', { media: on });
  const powers = [
    { type: 'mute', userId: 'bob', kind: 'audio' },
    { type: 'ask-unmute', userId: 'bob', kind: 'video' },
    { type: 'mute-all', kind: 'audio', hold: true },
    { type: 'hold', kind: 'video', held: true },
    { type: 'stop-screen', userId: 'bob' },
    { type: 'set-role', userId: 'bob', role: 'host' },
    { type: 'end-room' },
    { type: 'room-settings', locked: true },
    { type: 'room-settings', lobby: true },
    { type: 'room-settings', title: 'Mine now' },
    { type: 'admit', userId: 'cat' },
    { type: 'deny', userId: 'cat' },
    { type: 'kick', userId: 'bob' },
  ];
  for (const [i, power] of powers.entries()) {
    ann.send({ ...power, rid: `p${i}` });
    const error = await ann.next('error', (m) => m.rid === `p${i}`);
    assert.equal(error.code, 'not-allowed', `${power.type} refused`);
    assert.notEqual(error.fatal, true);
  }
  await bob.sync();
  await host.sync();
  assert.deepEqual(bob.seen('muted'), []);
  assert.deepEqual(bob.seen('unmute-request'), []);
  assert.deepEqual(host.seen('role-changed'), []);
  assert.deepEqual(host.seen('room-state').filter((m) => m.state.locked || m.state.lobby || m.state.title || m.state.held.audio), []);
  for (const client of [host, ann, bob]) client.close();
});

test('a forced mute turns the source off for everyone and tells the person who did it; hosts are not muted by hosts', async () => {
  const [host] = await TestClient.join(server, 'mute', 'host', { role: 'host', name: 'Hanna' });
  const [cohost] = await TestClient.join(server, 'mute', 'cohost', { role: 'host', media: on });
  const [ann] = await TestClient.join(server, 'mute', 'ann', { media: on });
  const [bob] = await TestClient.join(server, 'mute', 'bob');
  host.send({ type: 'mute', rid: 'm1', userId: 'ann', kind: 'audio' });
  await host.next('ack', (m) => m.rid === 'm1');
  const notice = await ann.next('muted');
  assert.deepEqual({ kind: notice.kind, by: notice.by, byName: notice.byName }, { kind: 'audio', by: 'host', byName: 'Hanna' });
  const seen = await bob.next('participant-updated', (m) => m.participant.userId === 'ann');
  assert.deepEqual(seen.participant.media, { audio: false, video: true, screen: false });

  host.send({ type: 'mute', rid: 'm2', userId: 'cohost', kind: 'audio' });
  assert.equal((await host.next('error', (m) => m.rid === 'm2')).code, 'not-allowed');
  host.send({ type: 'mute', rid: 'm3', userId: 'nobody', kind: 'audio' });
  assert.equal((await host.next('error', (m) => m.rid === 'm3')).code, 'unknown-user');
  await cohost.sync();
  assert.deepEqual(cohost.seen('muted'), []);
  for (const client of [host, cohost, ann, bob]) client.close();
});

test('mute all with hold: nobody but hosts can unmute until the hold is released; someone asked may', async () => {
  const [host] = await TestClient.join(server, 'hold', 'host', { role: 'host', media: on });
  const [ann] = await TestClient.join(server, 'hold', 'ann', { media: on });
  const [bob] = await TestClient.join(server, 'hold', 'bob', { media: on });
  host.send({ type: 'mute-all', rid: 'all', kind: 'audio', hold: true });
  await host.next('ack', (m) => m.rid === 'all');
  assert.equal((await ann.next('muted')).kind, 'audio');
  assert.equal((await bob.next('muted')).kind, 'audio');
  assert.deepEqual(host.seen('muted'), [], 'the host keeps their microphone');
  assert.deepEqual((await ann.next('room-state', (m) => m.state.held.audio)).state.held, { audio: true, video: false });

  ann.send({ type: 'media', media: { audio: true, video: true } });
  const refused = await ann.next('error');
  assert.equal(refused.code, 'not-allowed');
  await host.sync();
  assert.ok(!host.seen('participant-updated').some((m) => m.participant.userId === 'ann' && m.participant.media.audio), 'still muted for the others');

  // Someone a host asks may unmute despite the hold.
  host.send({ type: 'ask-unmute', rid: 'ask', userId: 'bob', kind: 'audio' });
  assert.equal((await bob.next('unmute-request')).by, 'host');
  bob.send({ type: 'media', media: { audio: true, video: true } });
  await host.next('participant-updated', (m) => m.participant.userId === 'bob' && m.participant.media.audio);

  // A newcomer asking to join with the microphone on comes in muted.
  const [cat, catJoined] = await TestClient.join(server, 'hold', 'cat', { media: on });
  assert.equal(catJoined.self.media.audio, false);
  assert.equal(catJoined.room.held.audio, true);

  host.send({ type: 'hold', rid: 'free', kind: 'audio', held: false });
  await ann.next('room-state', (m) => !m.state.held.audio);
  ann.send({ type: 'media', media: { audio: true, video: true } });
  await host.next('participant-updated', (m) => m.participant.userId === 'ann' && m.participant.media.audio);
  for (const client of [host, ann, bob, cat]) client.close();
});

test('a host stops someone\'s screen share: the slot is free and the sharer is told', async () => {
  const [host] = await TestClient.join(server, 'stop-share', 'host', { role: 'host' });
  const [ann] = await TestClient.join(server, 'stop-share', 'ann');
  ann.send({ type: 'screen', rid: 's', on: true });
  await ann.next('ack');
  await host.next('room-state', (m) => m.state.screenSharer === 'ann');
  host.send({ type: 'stop-screen', rid: 'stop', userId: 'ann' });
  await host.next('ack', (m) => m.rid === 'stop');
  assert.equal((await ann.next('screen-stopped')).by, 'host');
  await host.next('room-state', (m) => m.state.screenSharer === null);
  await host.next('participant-updated', (m) => m.participant.userId === 'ann' && !m.participant.media.screen);
  host.close();
  ann.close();
});

test('roles change live: a viewer promoted and sent back, the host role handed over, everyone told', async () => {
  const [host] = await TestClient.join(server, 'roles', 'host', { role: 'host' });
  const [ann] = await TestClient.join(server, 'roles', 'ann');
  const [vic] = await TestClient.join(server, 'roles', 'vic', { role: 'viewer' });

  vic.send({ type: 'media', media: on });
  host.send({ type: 'set-role', rid: 'up', userId: 'vic', role: 'participant' });
  await host.next('ack', (m) => m.rid === 'up');
  for (const client of [host, ann, vic]) {
    const change = await client.next('role-changed');
    assert.deepEqual([change.participant.userId, change.participant.role, change.previous, change.by], ['vic', 'participant', 'viewer', 'host']);
    assert.equal(change.participant.media.audio, false, 'nothing opens on a promotion');
  }
  vic.send({ type: 'media', media: on });
  await ann.next('participant-updated', (m) => m.participant.userId === 'vic' && m.participant.media.video);

  host.send({ type: 'set-role', rid: 'down', userId: 'vic', role: 'viewer' });
  const down = await ann.next('role-changed');
  assert.deepEqual(down.participant.media, { audio: false, video: false, screen: false }, 'a viewer sends nothing');

  // Handing over: ann becomes host, then the host steps down; the last host cannot step down.
  host.send({ type: 'set-role', rid: 'alone', userId: 'host', role: 'participant' });
  assert.equal((await host.next('error', (m) => m.rid === 'alone')).code, 'not-allowed');
  host.send({ type: 'set-role', rid: 'give', userId: 'ann', role: 'host' });
  await ann.next('room-state', (m) => m.state.hosts.includes('ann'));
  ann.send({ type: 'set-role', rid: 'peer', userId: 'host', role: 'viewer' });
  assert.equal((await ann.next('error', (m) => m.rid === 'peer')).code, 'not-allowed', 'hosts cannot demote hosts');
  host.send({ type: 'set-role', rid: 'step', userId: 'host', role: 'participant' });
  await host.next('ack', (m) => m.rid === 'step');
  assert.deepEqual((await vic.next('room-state', (m) => m.state.hosts.length === 1 && m.state.hosts[0] === 'ann')).state.hosts, ['ann']);
  for (const client of [host, ann, vic]) client.close();
});

test('the last host leaving passes the role to the longest-present participant (viewers only if nobody else)', async () => {
  const [host] = await TestClient.join(server, 'heir', 'host', { role: 'host' });
  const [vic] = await TestClient.join(server, 'heir', 'vic', { role: 'viewer' });
  const [ann] = await TestClient.join(server, 'heir', 'ann');
  const [bob] = await TestClient.join(server, 'heir', 'bob');
  host.send({ type: 'leave' });
  const passed = await bob.next('role-changed');
  assert.deepEqual([passed.participant.userId, passed.participant.role, passed.by], ['ann', 'host', null]);
  ann.send({ type: 'leave' });
  await vic.next('role-changed', (m) => m.participant.userId === 'bob' && m.participant.role === 'host');
  bob.send({ type: 'leave' });
  await vic.next('role-changed', (m) => m.participant.userId === 'vic' && m.participant.role === 'host');
  vic.close();
});

test('endRoom: everyone is out with room-ended, and the same tokens cannot join again', async () => {
  const hostToken = await tokenFor('ending', 'host', { role: 'host' });
  const annToken = await tokenFor('ending', 'ann');
  const host = await TestClient.open(server);
  await host.join({ room: 'ending', token: hostToken });
  const ann = await TestClient.open(server);
  await ann.join({ room: 'ending', token: annToken });
  host.send({ type: 'end-room', rid: 'end' });
  await host.next('ack', (m) => m.rid === 'end');
  for (const client of [host, ann]) {
    const error = await client.next('error', (m) => m.code === 'room-ended');
    assert.equal(error.fatal, true);
    assert.equal((await client.closed).code, CLOSE_CODES.ended);
  }
  for (const token of [hostToken, annToken]) {
    const again = await TestClient.open(server);
    again.send({ type: 'join', room: 'ending', token });
    assert.equal((await again.next('error')).code, 'room-ended');
  }
  // A token issued after the end opens the room again.
  const now = Math.floor(Date.now() / 1000);
  const fresh = await signToken({ ...claimsFor({ room: 'ending', user: 'ann', ttlSeconds: 600 }), iat: now + 1 }, SECRET);
  const back = await TestClient.open(server);
  await back.join({ room: 'ending', token: fresh });
  back.close();
});

test('a locked room keeps newcomers out; hosts and those inside are not affected', async () => {
  const [host] = await TestClient.join(server, 'locked', 'host', { role: 'host' });
  host.send({ type: 'room-settings', rid: 'lock', locked: true, title: '  Weekly sync ' });
  const state = (await host.next('room-state', (m) => m.state.locked)).state;
  assert.equal(state.title, 'Weekly sync');
  const late = await TestClient.open(server);
  late.send({ type: 'join', room: 'locked', token: await tokenFor('locked', 'late') });
  const refused = await late.next('error');
  assert.deepEqual([refused.code, refused.fatal], ['room-locked', true]);
  const [cohost, joined] = await TestClient.join(server, 'locked', 'cohost', { role: 'host' });
  assert.deepEqual([joined.room.locked, joined.room.title], [true, 'Weekly sync']);
  host.send({ type: 'room-settings', rid: 'open', locked: false });
  await host.next('ack', (m) => m.rid === 'open');
  const [ann] = await TestClient.join(server, 'locked', 'ann');
  for (const client of [host, cohost, ann]) client.close();
});

test('lobby: newcomers wait, hosts see them by name and admit or deny; leaving the queue takes the knock back', async () => {
  const [host] = await TestClient.join(server, 'knock', 'host', { role: 'host' });
  host.send({ type: 'room-settings', rid: 'lobby', lobby: true });
  await host.next('room-state', (m) => m.state.lobby);

  const ann = await TestClient.open(server);
  ann.send({ type: 'join', room: 'knock', token: await tokenFor('knock', 'ann', { name: 'Ann' }) });
  assert.equal((await ann.next('waiting')).roomId, 'knock');
  const list = await host.next('lobby', (m) => m.waiting.length === 1);
  assert.deepEqual(list.waiting.map((w) => [w.userId, w.name]), [['ann', 'Ann']]);
  await ann.sync(); // the waiting socket is answered meanwhile

  const bob = await TestClient.open(server);
  bob.send({ type: 'join', room: 'knock', token: await tokenFor('knock', 'bob') });
  await bob.next('waiting');
  await host.next('lobby', (m) => m.waiting.length === 2);
  assert.deepEqual(ann.seen('joined'), [], 'not admitted by knocking alone');

  host.send({ type: 'admit', rid: 'a', userId: 'ann' });
  const joined = await ann.next('joined');
  assert.equal(joined.room.lobby, true);
  host.send({ type: 'deny', rid: 'd', userId: 'bob' });
  const denied = await bob.next('error');
  assert.deepEqual([denied.code, denied.fatal], ['denied', true]);
  await host.next('lobby', (m) => m.waiting.length === 0);

  const cat = await TestClient.open(server);
  cat.send({ type: 'join', room: 'knock', token: await tokenFor('knock', 'cat') });
  await host.next('lobby', (m) => m.waiting.some((w) => w.userId === 'cat'));
  cat.close();
  await host.next('lobby', (m) => !m.waiting.some((w) => w.userId === 'cat'));

  // Switching the lobby off lets whoever waits in.
  const dan = await TestClient.open(server);
  dan.send({ type: 'join', room: 'knock', token: await tokenFor('knock', 'dan') });
  await dan.next('waiting');
  host.send({ type: 'room-settings', rid: 'off', lobby: false });
  await dan.next('joined');
  for (const client of [host, ann, dan]) client.close();
});

test('a room created with lobby: true holds newcomers from the first join on', async () => {
  const dev = await startServer({ secret: undefined });
  try {
    const response = await fetch(`${dev.url}/api/rooms`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roomId: 'gated', lobby: true, user: 'boss' }),
    });
    assert.equal(response.status, 201);
    const { token: hostToken } = (await response.json()) as { token: string };
    const host = await TestClient.open(dev);
    const joined = await host.join({ room: 'gated', token: hostToken });
    assert.equal(joined.room.lobby, true);
    const guest = await TestClient.open(dev);
    const guestToken = ((await (await fetch(`${dev.url}/api/token?room=gated&user=guest`)).json()) as { token: string }).token;
    guest.send({ type: 'join', room: 'gated', token: guestToken });
    await guest.next('waiting');
    host.close();
    guest.close();
  } finally {
    await dev.close();
  }
});

test('a knock outlasts the join deadline: waiting is not a stalled join', async () => {
  const quick = await startServer({ joinTimeoutMs: 150 });
  try {
    const [host] = await TestClient.join(quick, 'slow-host', 'host', { role: 'host' });
    host.send({ type: 'room-settings', rid: 'l', lobby: true });
    await host.next('ack', (m) => m.rid === 'l');
    // The token first: signing it on a busy machine must not eat into the join deadline of the open socket.
    const token = await tokenFor('slow-host', 'ann');
    const ann = await TestClient.open(quick);
    ann.send({ type: 'join', room: 'slow-host', token });
    await ann.next('waiting');
    // Three join deadlines later, still waiting and answered.
    await new Promise((resolve) => setTimeout(resolve, 450));
    await ann.sync();
    host.send({ type: 'admit', rid: 'a', userId: 'ann' });
    await ann.next('joined');
    assert.deepEqual(ann.seen('error'), []);
    host.close();
    ann.close();
  } finally {
    await quick.close();
  }
});

test('anyone can change their name; everyone, themselves included, sees it', async () => {
  const [ann] = await TestClient.join(server, 'names', 'ann');
  const [bob] = await TestClient.join(server, 'names', 'bob');
  ann.send({ type: 'set-name', rid: 'n', name: '  Ann Lee ' });
  await ann.next('ack', (m) => m.rid === 'n');
  assert.equal((await bob.next('participant-updated')).participant.name, 'Ann Lee');
  assert.equal((await ann.next('participant-updated')).participant.name, 'Ann Lee');
  ann.send({ type: 'set-name', rid: 'e', name: '   ' });
  assert.equal((await ann.next('error', (m) => m.rid === 'e')).code, 'bad-message');
  // Each change reaches everyone: a burst runs into the chat rate limit.
  for (let i = 0; i < 40; i++) ann.send({ type: 'set-name', rid: `b${i}`, name: `Ann ${i}` });
  assert.equal((await ann.next('error', (m) => m.rid?.startsWith('b') ?? false)).code, 'rate-limited');
  ann.close();
  bob.close();
});

test('a renewed token carries a session past the first token\'s expiry; one for someone else is refused', async () => {
  const brief = await TestClient.open(server);
  await brief.join({ room: 'renew', token: await tokenFor('renew', 'brief', { ttlSeconds: 2 }) });
  brief.send({ type: 'renew-token', rid: 'other', token: await tokenFor('renew', 'someone-else') });
  assert.equal((await brief.next('error', (m) => m.rid === 'other')).code, 'token-invalid');
  brief.send({ type: 'renew-token', rid: 'r', token: await tokenFor('renew', 'brief', { ttlSeconds: 600 }) });
  await brief.next('ack', (m) => m.rid === 'r');
  // Past the first token's exp (2 s, rounded down to the second): still in, still answered.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await brief.sync();
  assert.deepEqual(brief.seen('error').map((e) => e.code), ['token-invalid']);
  brief.close();
});
