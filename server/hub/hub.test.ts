import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../protocol/server-messages.js';
import type { TokenClaims } from '../../protocol/token.js';
import { DEFAULTS } from '../config.js';
import { Hub } from './hub.js';

/** A fake socket, as in peerjs-server's handler tests: it records what the hub sends. */
function fakeSocket(hub: Hub) {
  const frames: ServerMessage[] = [];
  const closes: number[] = [];
  const conn = hub.connect({
    send: (text) => frames.push(JSON.parse(text) as ServerMessage),
    close: (code) => closes.push(code),
  });
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    frames,
    closes,
    async send(frame: object) {
      conn.receive(JSON.stringify(frame));
      await settle();
    },
  };
}

const claimsOf = async (token: string): Promise<TokenClaims> => JSON.parse(token) as TokenClaims;
const token = (room: string, sub: string) => JSON.stringify({ room, sub, exp: 9e9 });

test('a handler that throws gets the sender a server-error and leaves other rooms working', async () => {
  const hub = new Hub({
    config: DEFAULTS,
    verifyToken: claimsOf,
    iceServersFor: (userId) => {
      if (userId === 'boom') throw new Error('ICE config exploded');
      return [];
    },
  });
  const ann = fakeSocket(hub);
  const bob = fakeSocket(hub);
  await ann.send({ type: 'join', room: 'calm', token: token('calm', 'ann') });
  await bob.send({ type: 'join', room: 'calm', token: token('calm', 'bob') });

  const boom = fakeSocket(hub);
  await boom.send({ type: 'join', room: 'doomed', token: token('doomed', 'boom') });
  assert.deepEqual(boom.frames.map((f) => f.type === 'error' && f.code), ['server-error']);
  assert.deepEqual(boom.closes, [], 'a server fault is not the client\'s fault: the socket stays');
  assert.equal(hub.stats.rooms, 1, 'the failed first join left no room behind');

  await ann.send({ type: 'signal', to: 'bob', payload: { candidate: null } });
  const signal = bob.frames.find((f) => f.type === 'signal');
  assert.equal(signal?.type === 'signal' && signal.from, 'ann');
  hub.close();
});

test('a verifier that fails in an unexpected way counts as token-invalid', async () => {
  const hub = new Hub({ config: DEFAULTS, verifyToken: () => Promise.reject(new TypeError('bug')) });
  const client = fakeSocket(hub);
  await client.send({ type: 'join', room: 'r', token: 't' });
  assert.deepEqual(client.frames, [{ type: 'error', code: 'token-invalid', message: 'The token could not be verified.', fatal: true }]);
  assert.deepEqual(client.closes, [4001]);
  hub.close();
});

test('listRooms() lists live rooms with head counts; roomDetails() shows people, roles, state and who waits', async () => {
  const hub = new Hub({ config: DEFAULTS, verifyToken: claimsOf });
  const host = fakeSocket(hub);
  await host.send({ type: 'join', room: 'board', token: JSON.stringify({ room: 'board', sub: 'ceo', role: 'host', exp: 9e9 }) });
  await host.send({ type: 'room-settings', rid: 's', lobby: true, title: 'Board' });
  const guest = fakeSocket(hub);
  await guest.send({ type: 'join', room: 'board', token: JSON.stringify({ room: 'board', sub: 'cfo', name: 'CFO', exp: 9e9 }) });
  assert.deepEqual(hub.listRooms().map(({ id, participants, title, locked, lobby }) => ({ id, participants, title, locked, lobby })),
    [{ id: 'board', participants: 1, title: 'Board', locked: false, lobby: true }]);
  const info = await hub.roomDetails('board');
  assert.deepEqual(info?.participants.map((p) => [p.userId, p.role]), [['ceo', 'host']]);
  assert.deepEqual(info?.waiting.map((w) => w.name), ['CFO']);
  assert.equal(await hub.roomDetails('nowhere'), null);
  hub.close();
});
