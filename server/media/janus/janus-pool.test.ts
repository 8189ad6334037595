/**
 * Several media servers: the choice of the least loaded one (with test doubles), and a pool of two real
 * Janus servers (API only: no media, so loopback will do; skipped where Janus is not installed).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../hub/logger.js';
import type { MediaMember, MediaRoom } from '../../hub/media-server.js';
import { JanusPool, leastLoaded, type MediaLoad, type PoolMember } from './janus-pool.js';
import { writeJanusConfig } from './janus-config.js';
import { JanusProcess, janusInstalled } from './janus-process.js';
import { JANUS_DEFAULTS } from './janus-settings.js';
import { startServer, TestClient } from '../../test/helpers.js';

// ——— The choice, with test doubles ———

/** A media server double: up or not, a load, and the rooms it was asked to open. */
function fakeMember(name: string, load: MediaLoad, options: { up?: boolean; refuses?: boolean } = {}): PoolMember & { name: string; opened: string[] } {
  const opened: string[] = [];
  return {
    name,
    opened,
    up: options.up ?? true,
    load,
    openRoom(roomId) {
      if (options.refuses) return null;
      opened.push(roomId);
      return { alive: true } as MediaRoom;
    },
    close: async () => undefined,
  };
}

test('a new room goes to the media server up with the fewest people, then the fewest rooms, then the first listed', () => {
  const busy = fakeMember('busy', { rooms: 1, people: 9 });
  const quiet = fakeMember('quiet', { rooms: 3, people: 2 });
  const alsoQuiet = fakeMember('alsoQuiet', { rooms: 2, people: 2 });
  const twin = fakeMember('twin', { rooms: 2, people: 2 });
  assert.equal(leastLoaded([busy, quiet, alsoQuiet, twin])?.name, 'alsoQuiet');
  assert.equal(leastLoaded([fakeMember('down', { rooms: 0, people: 0 }, { up: false }), busy])?.name, 'busy', 'a down one is never chosen, however idle');
  assert.equal(leastLoaded([fakeMember('down', { rooms: 0, people: 0 }, { up: false })]), undefined);
  assert.equal(leastLoaded([]), undefined);
});

test('the pool opens the room on the one chosen; one that refuses at that moment passes it to the next; none up: a mesh', () => {
  const refusing = fakeMember('refusing', { rooms: 0, people: 0 }, { refuses: true });
  const next = fakeMember('next', { rooms: 4, people: 4 });
  const last = fakeMember('last', { rooms: 5, people: 5 });
  const pool = new JanusPool([refusing, next, last]);
  assert.ok(pool.openRoom('r1', () => undefined));
  assert.deepEqual([refusing.opened, next.opened, last.opened], [[], ['r1'], []]);
  assert.deepEqual(pool.load, { rooms: 9, people: 9 });
  const down = new JanusPool([fakeMember('a', { rooms: 0, people: 0 }, { up: false }), fakeMember('b', { rooms: 0, people: 0 }, { up: false })]);
  assert.equal(down.up, false);
  assert.equal(down.openRoom('r2', () => undefined), null);
});

// ——— Two real Janus servers ———

const skip = janusInstalled() ? false : 'Janus is not installed (scripts/setup.sh)';
const stateDir = mkdtempSync(path.join(tmpdir(), 'rtc-kit-janus-pool-'));
after(() => rmSync(stateDir, { recursive: true, force: true }));

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(m), warn: (m) => void lines.push(`WARN ${m}`), error: (m) => void lines.push(`ERROR ${m}`) };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A Janus of its own, as an operator would run one on another machine: its own port and secret. */
async function externalJanus(name: string, rtpPorts: string): Promise<JanusProcess & { url: string; secret: string }> {
  const janus = new JanusProcess({ ...JANUS_DEFAULTS, rtpPorts, stateDir: path.join(stateDir, name), log: recordingLog(), onUp: () => undefined, onDown: () => undefined });
  await janus.start();
  return Object.assign(janus, { url: janus.api!.url, secret: janus.api!.apiSecret });
}

const nobody = (userId: string): MediaMember => ({ userId, offer: () => undefined });

test('rooms spread over two Janus servers by load; one killed: its rooms are reported, new rooms go to the other', { skip }, async () => {
  const [first, second] = await Promise.all([externalJanus('first', '21400-21500'), externalJanus('second', '21500-21600')]);
  const log = recordingLog();
  const pool = await JanusPool.start(
    { ...JANUS_DEFAULTS, url: `${first.url}, ${second.url}`, apiSecret: `${first.secret},${second.secret}` },
    { stateDir: path.join(stateDir, 'ours'), log },
  );
  try {
    assert.ok(pool instanceof JanusPool);
    await until(() => pool.members.every((member) => member.up), 'both Janus servers answering, each with its own secret');
    assert.match(log.lines.join('\n'), /2 media servers .*least loaded/);

    const lost: string[] = [];
    const rooms = new Map<string, MediaRoom>();
    const open = (roomId: string, people: number) => {
      const room = pool.openRoom(roomId, () => lost.push(roomId));
      assert.ok(room, `${roomId} on a media server`);
      for (let i = 0; i < people; i++) room.join(nobody(`${roomId}-person-${i}`));
      rooms.set(roomId, room);
    };
    open('big', 3); // both idle: the first listed
    open('small-1', 1); // then the other, until it carries as many people
    open('small-2', 1);
    open('small-3', 1);
    open('next', 1); // 3 people each: the one with fewer rooms
    const [onFirst, onSecond] = pool.members.map((member) => member.load);
    assert.deepEqual(onFirst, { rooms: 2, people: 4 });
    assert.deepEqual(onSecond, { rooms: 3, people: 3 });

    process.kill(second.pid!, 'SIGKILL');
    await until(() => lost.length === 3, 'the rooms on the killed Janus reported');
    assert.deepEqual(lost.sort(), ['small-1', 'small-2', 'small-3']);
    assert.ok(rooms.get('big')!.alive && rooms.get('next')!.alive, 'rooms on the other go on');
    assert.match(log.lines.join('\n'), new RegExp(`WARN Janus connection to ${second.url} lost: its rooms move to the mesh`));
    assert.equal(pool.up, true);

    open('after', 0); // the killed one is idle now, but down: the other
    await first.stop();
    await until(() => lost.length === 6, 'the rooms on the first reported when it goes too');
    assert.deepEqual(lost.slice(3).sort(), ['after', 'big', 'next'], 'the new room was on the one still up');
    assert.equal(pool.up, false);
    assert.equal(pool.openRoom('meanwhile', () => undefined), null, 'none up: new rooms are meshes');
  } finally {
    await pool?.close();
    await Promise.all([first.stop(), second.stop()]);
  }
});

/** A port on 127.0.0.1 nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('a listed Janus not up yet: rooms go to the one that is, and to it too once it answers', { skip }, async () => {
  const running = await externalJanus('running', '21600-21700');
  // The late one at a port of our choosing, started only after our server, as an operator might.
  const port = await freePort();
  const lateDir = path.join(stateDir, 'late');
  const log = recordingLog();
  const pool = await JanusPool.start(
    { ...JANUS_DEFAULTS, url: `ws://127.0.0.1:${port},${running.url}`, apiSecret: `late-secret,${running.secret}` },
    { stateDir: path.join(stateDir, 'ours-late'), log },
  );
  let late: ReturnType<typeof spawn> | undefined;
  try {
    assert.ok(pool instanceof JanusPool);
    const [lateMember, runningMember] = pool.members;
    assert.match(log.lines.join('\n'), new RegExp(`WARN Janus at ws://127.0.0.1:${port} does not answer`));
    assert.equal(lateMember.up, false);
    assert.ok(pool.openRoom('early', () => undefined), 'a room while only one answers');
    assert.deepEqual([lateMember.load.rooms, runningMember.load.rooms], [0, 1]);

    const configFile = writeJanusConfig(lateDir, { wsPort: port, apiSecret: 'late-secret', rtpPorts: '21700-21800' });
    late = spawn('janus', ['-F', lateDir, '-C', configFile, '-o'], { stdio: 'ignore' });
    await until(() => lateMember.up, 'the late Janus reached on a retry', 20_000);
    assert.ok(pool.openRoom('later', () => undefined));
    assert.deepEqual([lateMember.load.rooms, runningMember.load.rooms], [1, 1], 'the newcomer, idle, takes the next room');
  } finally {
    await pool?.close();
    late?.kill('SIGKILL');
    await running.stop();
  }
});

test('through our server: two rooms on two Janus servers; the one killed moves only its room to the mesh', { skip }, async () => {
  const [first, second] = await Promise.all([externalJanus('first-e2e', '21800-21900'), externalJanus('second-e2e', '21900-22000')]);
  const server = await startServer({ media: 'sfu', janus: { ...JANUS_DEFAULTS, url: `${first.url},${second.url}`, apiSecret: `${first.secret},${second.secret}` } });
  const clients: TestClient[] = [];
  try {
    assert.ok(server.mediaServer instanceof JanusPool);
    const pool = server.mediaServer;
    await until(() => pool.members.every((member) => member.up), 'both Janus servers answering');
    const [alice, aliceJoined] = await TestClient.join(server, 'room-a', 'alice');
    const [bob, bobJoined] = await TestClient.join(server, 'room-b', 'bob');
    clients.push(alice, bob);
    assert.deepEqual([aliceJoined.media, bobJoined.media], [{ transport: 'sfu' }, { transport: 'sfu' }]);

    process.kill(first.pid!, 'SIGKILL');
    assert.deepEqual((await alice.next('media-changed')).media, { transport: 'mesh' }, 'room-a was on the killed one');
    await bob.sync();
    assert.equal(bob.received.some((message) => message.type === 'media-changed'), false, 'room-b, on the other, stays on Janus');
    const [carol, carolJoined] = await TestClient.join(server, 'room-c', 'carol');
    clients.push(carol);
    assert.deepEqual(carolJoined.media, { transport: 'sfu' }, 'a new room goes to the Janus still up');
  } finally {
    for (const client of clients) client.ws.close();
    await server.close();
    await Promise.all([first.stop(), second.stop()]);
  }
});
