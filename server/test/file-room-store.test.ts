import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOM_RECORD_VERSION, type RoomRecord } from '../hub/room-store.js';
import { openFileRoomStore } from '../store/file-room-store.js';

const TTL = 60_000;
let dir: string;
let clock: number;
const now = () => clock;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rtc-rooms-'));
});
after(() => rm(dir, { recursive: true, force: true }));

function record(id: string, expiresAt: number | null): RoomRecord {
  return {
    v: ROOM_RECORD_VERSION, id, instance: `i-${id}`, createdAt: clock, password: null, maxParticipants: null,
    bans: ['troll'], history: [], expiresAt, title: null, locked: false, lobby: false, endedAt: null, media: null,
  };
}

async function freshDir(): Promise<string> {
  return mkdtemp(path.join(dir, 'store-'));
}

test('a record is there until its expiry, then gone from the store and from the disk', async () => {
  clock = 1_000_000;
  const folder = await freshDir();
  const store = await openFileRoomStore(folder, { emptyRoomTtlMs: TTL, now });
  await store.put(record('standup', clock + 1000));
  clock += 999;
  assert.deepEqual((await store.get('standup'))?.bans, ['troll']);
  assert.equal(await store.create(record('standup', clock + 1000)), false, 'the id is taken while the record lives');
  clock += 1;
  assert.equal(await store.get('standup'), null);
  assert.deepEqual(await readdir(folder), []);
  assert.equal(await store.create(record('standup', clock + 1000)), true, 'and free once it expired');
  await store.close();
});

test('the sweep deletes expired records nobody asks for', async () => {
  clock = 2_000_000;
  const folder = await freshDir();
  const store = await openFileRoomStore(folder, { emptyRoomTtlMs: TTL, now });
  await store.put(record('old', clock + 10));
  await store.put(record('busy', null));
  clock += 10;
  await store.sweep();
  assert.deepEqual(await readdir(folder), ['busy.json']);
  await store.close();
});

test('reopened: records come back, one left occupied by a stopped server starts to expire, leftovers go', async () => {
  clock = 3_000_000;
  const folder = await freshDir();
  const first = await openFileRoomStore(folder, { emptyRoomTtlMs: TTL, now });
  await first.put(record('Board', null));
  await first.put(record('board', clock + 5));
  await first.close();
  await writeFile(path.join(folder, 'board.json.abc.tmp'), '{"half":');

  clock += 5;
  const second = await openFileRoomStore(folder, { emptyRoomTtlMs: TTL, now });
  assert.deepEqual(await readdir(folder), ['^board.json'], 'ids that differ by case are different files; the expired one is gone');
  assert.equal((await second.get('Board'))?.expiresAt, clock + TTL);
  assert.equal(await second.get('board'), null);
  await second.close();
});

test('a damaged record keeps its room shut instead of opening it unprotected', async () => {
  clock = 4_000_000;
  const folder = await freshDir();
  await writeFile(path.join(folder, 'vault.json'), '{"v":1,"id":"vault","password":');
  const store = await openFileRoomStore(folder, { emptyRoomTtlMs: TTL, now });
  await assert.rejects(store.get('vault'), /not a room record/);
  assert.equal(await store.create(record('vault', null)).catch(() => 'refused'), 'refused');
  await store.close();
});
