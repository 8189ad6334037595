/**
 * Item 4 and 5 of the hardening issue, as the attacks: a stolen room name, a host token outliving
 * its room, a flood of creations, protection that vanished when a room emptied or the server
 * restarted, and wrong passwords that locked everyone out.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { DEFAULTS } from '../config.js';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer, tokenFor } from './helpers.js';

interface Answer {
  status: number;
  body: { roomId?: string; token?: string; error?: { code: string; message: string } };
  headers: Record<string, string | string[] | undefined>;
}

/** POST /api/rooms from a chosen local address (127.0.0.x are all this machine), so tests can be two clients. */
function createRoom(server: RtcServer, body: object, bearer?: string, localAddress = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/rooms`, {
      method: 'POST',
      localAddress,
      headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** A join that must fail: the fatal error's code. */
async function refusal(server: RtcServer, frame: Record<string, unknown>, localAddress?: string): Promise<string> {
  const client = await TestClient.open(server, localAddress ? { localAddress } : {});
  client.send({ type: 'join', ...frame });
  const error = await client.next('error');
  assert.equal(error.fatal, true);
  await client.closed;
  return error.code;
}

async function joinWith(server: RtcServer, frame: Record<string, unknown>, localAddress?: string): Promise<TestClient> {
  const client = await TestClient.open(server, localAddress ? { localAddress } : {});
  await client.join(frame);
  return client;
}

/** Leaves for good and waits until the server has closed the socket: the room is empty then. */
async function leave(client: TestClient): Promise<void> {
  client.send({ type: 'leave' });
  await client.closed;
}

const hostToken = (room: string, user: string) => tokenFor(room, user, { role: 'host' });

describe('the stolen room name', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('a "*" token cannot claim a room id, and the answer is the same whether the room is live, was used or never was', async () => {
    const [realHost] = await TestClient.join(server, 'board-meeting', 'ceo', { role: 'host' });
    const stranger = await tokenFor('*', 'mallory');
    const [earlier] = await TestClient.join(server, 'last-week', 'someone');
    await leave(earlier); // emptied: its settings are still stored

    const live = await createRoom(server, { roomId: 'board-meeting' }, stranger);
    assert.equal(live.status, 403);
    assert.equal(live.body.error?.code, 'not-allowed');
    for (const roomId of ['last-week', 'never-used']) {
      const other = await createRoom(server, { roomId }, stranger);
      assert.deepEqual([other.status, other.body.error?.code], [live.status, live.body.error?.code], roomId);
      assert.equal(other.body.error?.message.replace(roomId, 'board-meeting'), live.body.error?.message, roomId);
    }

    // What a "*" token does get: a room with an id nobody chose, which is no host token for anyone's room.
    const own = await createRoom(server, {}, stranger);
    assert.equal(own.status, 201);
    assert.notEqual(own.body.roomId, 'board-meeting');
    assert.equal(await refusal(server, { room: 'board-meeting', token: own.body.token }), 'room-mismatch');
    await realHost.sync();
    assert.deepEqual(realHost.seen('participant-joined'), [], 'nobody got into the real meeting');
    realHost.close();
  });

  test('a host token for the room itself may create it (your backend said so), but not once it exists', async () => {
    const created = await createRoom(server, { roomId: 'standup', password: 'daily' }, await hostToken('standup', 'lead'));
    assert.equal(created.status, 201);
    assert.equal(created.body.roomId, 'standup');
    const again = await createRoom(server, { password: 'mine now' }, await hostToken('standup', 'lead'));
    assert.equal(again.status, 409);
    assert.equal(again.body.error?.code, 'room-exists');
    const other = await createRoom(server, { roomId: 'elsewhere' }, await hostToken('standup', 'lead'));
    assert.equal(other.status, 403, 'a host token names only its own room');
    const participant = await createRoom(server, {}, await tokenFor('retro', 'dev'));
    assert.equal(participant.status, 403, 'a participant token creates nothing');
  });
});

describe('a host token outliving its room', () => {
  let server: RtcServer;
  let clock = Date.now();
  before(async () => {
    server = await startServer({ emptyRoomTtlMs: 60_000, now: () => clock });
  });
  after(() => server.close());

  test('the host token of an expired room instance does not get into the next room of that id', async () => {
    const old = await createRoom(server, { roomId: 'weekly' }, await hostToken('weekly', 'former-lead'));
    assert.equal(old.status, 201);
    const formerHost = await joinWith(server, { room: 'weekly', token: old.body.token });
    await leave(formerHost);

    clock += 60_000; // the emptied room's settings expire; the id is free
    const [realHost] = await TestClient.join(server, 'weekly', 'new-lead', { role: 'host' });
    assert.equal(await refusal(server, { room: 'weekly', token: old.body.token }), 'room-not-found');
    await realHost.sync();
    assert.deepEqual(realHost.seen('participant-joined'), []);
    assert.deepEqual(realHost.seen('error'), [], 'the real host was not kicked');
    realHost.close();
  });

  test('an emptied room\'s password lasts emptyRoomTtlMs, not a moment longer', async () => {
    await createRoom(server, { password: 'pw' }, await hostToken('book-club', 'host'));
    const member = await joinWith(server, { room: 'book-club', token: await tokenFor('book-club', 'reader'), password: 'pw' });
    await leave(member);
    clock += 59_999;
    assert.equal(await refusal(server, { room: 'book-club', token: await tokenFor('book-club', 'late') }), 'wrong-password');
    clock += 1;
    const newcomer = await joinWith(server, { room: 'book-club', token: await tokenFor('book-club', 'late') });
    newcomer.close();
  });

  test('within the room\'s lifetime its host token keeps working, across emptying', async () => {
    const created = await createRoom(server, {}, await tokenFor('*', 'planner'));
    const first = await joinWith(server, { room: created.body.roomId, token: created.body.token });
    await leave(first);
    clock += 59_999;
    const second = await joinWith(server, { room: created.body.roomId, token: created.body.token });
    second.close();
  });
});

describe('room creation is rate-limited', () => {
  test('per bearer in signed mode: one user\'s flood does not stop another user', async () => {
    const server = await startServer({ roomCreationLimit: { capacity: 3, perSecond: 0.001 } });
    try {
      const spammer = await tokenFor('*', 'spammer');
      for (let i = 0; i < 3; i++) assert.equal((await createRoom(server, {}, spammer)).status, 201);
      const refused = await createRoom(server, {}, spammer);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error?.code, 'rate-limited');
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal((await createRoom(server, {}, await tokenFor('*', 'spammer', { ttlSeconds: 900 }))).status, 429, 'a fresh token of the same user');
      assert.equal((await createRoom(server, {}, await tokenFor('*', 'someone-else'))).status, 201);
    } finally {
      await server.close();
    }
  });

  test('per address in dev mode', async () => {
    const server = await startServer({ secret: undefined, roomCreationLimit: { capacity: 2, perSecond: 0.001 } });
    try {
      for (let i = 0; i < 2; i++) assert.equal((await createRoom(server, { user: `u${i}` })).status, 201);
      assert.equal((await createRoom(server, { user: 'u9' })).status, 429);
      assert.equal((await createRoom(server, {}, undefined, '127.0.0.2')).status, 201);
    } finally {
      await server.close();
    }
  });
});

describe('room protection outlives its members and the server', () => {
  let stateDir: string;
  before(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'rtc-state-test-'));
  });
  after(() => rm(stateDir, { recursive: true, force: true }));

  test('an emptied password room still needs its password, after emptying and after a restart; its history is back', async () => {
    let server = await startServer({ stateDir });
    try {
      assert.equal((await createRoom(server, { roomId: 'vault', password: 'open sesame', maxParticipants: 2 }, await hostToken('vault', 'owner'))).status, 201);
      const owner = await joinWith(server, { room: 'vault', token: await hostToken('vault', 'owner'), password: 'open sesame' });
      owner.send({ type: 'chat', rid: 'c1', text: 'the code is 1234' });
      await owner.next('ack');
      await leave(owner);

      assert.equal(await refusal(server, { room: 'vault', token: await tokenFor('vault', 'next') }), 'wrong-password', 'emptied');

      await server.close();
      server = await startServer({ stateDir });
      assert.equal(await refusal(server, { room: 'vault', token: await tokenFor('vault', 'next') }), 'wrong-password', 'restarted');
      const guest = await TestClient.open(server);
      const joined = await guest.join({ room: 'vault', token: await tokenFor('vault', 'next'), password: 'open sesame' });
      assert.deepEqual(joined.history.map((m) => m.text), ['the code is 1234']);
      assert.equal(joined.limits.maxParticipants, 2);
      guest.close();
    } finally {
      await server.close();
    }
  });

  test('a kicked user is still banned after a restart, even while the host was in the room when it stopped', async () => {
    let server = await startServer({ stateDir });
    try {
      const [host] = await TestClient.join(server, 'town-hall', 'mayor', { role: 'host' });
      const [troll] = await TestClient.join(server, 'town-hall', 'troll');
      host.send({ type: 'kick', rid: 'k1', userId: 'troll' });
      await host.next('ack');
      assert.equal((await troll.closed).code, CLOSE_CODES.kicked);

      await server.close();
      server = await startServer({ stateDir });
      assert.equal(await refusal(server, { room: 'town-hall', token: await tokenFor('town-hall', 'troll') }), 'kicked');
      const [citizen] = await TestClient.join(server, 'town-hall', 'citizen');
      citizen.close();
    } finally {
      await server.close();
    }
  });
});

describe('wrong passwords are throttled per client', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ rateLimits: { ...DEFAULTS.rateLimits, passwordFailures: { capacity: 3, perSecond: 0.001 } } });
    await createRoom(server, { password: 'right' }, await hostToken('safe', 'owner'));
  });
  after(() => server.close());

  test('an attacker\'s many failures lock out the attacker only: the right password still works for others', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push(await refusal(server, { room: 'safe', token: await tokenFor('safe', 'mallory'), password: `guess${i}` }));
    assert.deepEqual(codes, ['wrong-password', 'wrong-password', 'wrong-password', ...Array(5).fill('rate-limited')]);
    // Spent: the right password gets the same answer as a wrong one, so guessing on learns nothing.
    assert.equal(await refusal(server, { room: 'safe', token: await tokenFor('safe', 'mallory'), password: 'right' }), 'rate-limited');

    const fromElsewhere = await joinWith(server, { room: 'safe', token: await tokenFor('safe', 'alice'), password: 'right' }, '127.0.0.2');
    const sameAddress = await joinWith(server, { room: 'safe', token: await tokenFor('safe', 'bob'), password: 'right' });
    fromElsewhere.close();
    sameAddress.close();
  });

  test('parallel guesses cannot overtake the count', async () => {
    const guesses = Array.from({ length: 10 }, async (_, i) =>
      refusal(server, { room: 'safe', token: await tokenFor('safe', 'eve'), password: `p${i}` }, '127.0.0.3'));
    const codes = await Promise.all(guesses);
    assert.equal(codes.filter((code) => code === 'wrong-password').length, 3, codes.join());
  });

  test('two people entering the stored room at once, while their passwords are checked, meet in one room', async () => {
    assert.equal((await createRoom(server, { password: 'duo' }, await hostToken('duet', 'owner'))).status, 201);
    const entries = await Promise.all(['ann', 'ben'].map(async (user) => {
      const client = await TestClient.open(server, { localAddress: '127.0.0.5' });
      return { user, client, joined: await client.join({ room: 'duet', token: await tokenFor('duet', user), password: 'duo' }) };
    }));
    const [first, second] = entries.sort((a, b) => a.joined.participants.length - b.joined.participants.length);
    assert.deepEqual(second.joined.participants.map((p) => p.userId), [first.user]);
    assert.equal((await first.client.next('participant-joined')).participant.userId, second.user);
    for (const { client } of entries) client.close();
  });

  test('a right password gives its attempt back: joining again and again is no lockout', async () => {
    for (let i = 0; i < 5; i++) {
      const client = await joinWith(server, { room: 'safe', token: await tokenFor('safe', 'regular'), password: 'right' }, '127.0.0.4');
      await leave(client);
    }
  });
});
