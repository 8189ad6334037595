import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryRoomStore, ROOM_RECORD_VERSION, parseRoomRecord, type RoomRecord } from './room-store.js';

const record = (expiresAt: number | null): RoomRecord => ({
  v: ROOM_RECORD_VERSION, id: 'room', instance: 'abc', createdAt: 0, password: null, maxParticipants: 4, bans: [], history: [], expiresAt,
  title: null, locked: false, lobby: false, endedAt: null, media: null,
});

test('the memory store keeps a record until it expires, and hands out copies', async () => {
  let clock = 100;
  const store = new MemoryRoomStore(() => clock);
  assert.equal(await store.create(record(150)), true);
  assert.equal(await store.create(record(150)), false);
  const copy = (await store.get('room'))!;
  copy.bans.push('someone');
  assert.deepEqual((await store.get('room'))?.bans, [], 'changing what get returned changes nothing stored');
  clock = 150;
  assert.equal(await store.get('room'), null);
  assert.equal(store.size, 0);
});

test('a stored record is read back only if it has the expected shape', () => {
  assert.deepEqual(parseRoomRecord(JSON.parse(JSON.stringify(record(null)))), record(null));
  assert.equal(parseRoomRecord({ ...record(null), v: 2 }), null);
  assert.equal(parseRoomRecord({ ...record(null), id: '../etc' }), null);
  assert.equal(parseRoomRecord({ ...record(null), password: 'plain text' }), null);
});
