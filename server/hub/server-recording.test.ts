/** Server recording in the hub: who may start it, what everyone sees, what the media server is told; mesh rooms refuse. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../protocol/server-messages.js';
import type { TokenClaims } from '../../protocol/token.js';
import { DEFAULTS } from '../config.js';
import { Hub } from './hub.js';
import type { MediaRecordingStart, MediaRoom, MediaServer } from './media-server.js';

function fakeSocket(hub: Hub) {
  const frames: ServerMessage[] = [];
  const conn = hub.connect({ send: (text) => frames.push(JSON.parse(text) as ServerMessage), close: () => undefined });
  return {
    frames,
    async send(frame: object) {
      conn.receive(JSON.stringify(frame));
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
    last<T extends ServerMessage['type']>(type: T) {
      return frames.filter((f): f is Extract<ServerMessage, { type: T }> => f.type === type).at(-1);
    },
  };
}

/** A media server that records what it is asked; `fails` makes starting a recording fail. */
function mediaServer(options: { records?: boolean; fails?: boolean; gate?: Promise<void> } = {}) {
  const { records = true, fails = false, gate } = options;
  const calls: string[] = [];
  const started: MediaRecordingStart[] = [];
  const room: MediaRoom = {
    alive: true,
    join: () => undefined,
    publish: async () => 'v=0 answer',
    answer: async () => undefined,
    leave: () => undefined,
    close: () => void calls.push('close'),
    ...(records && {
      startRecording: async (recording: MediaRecordingStart) => {
        await gate;
        if (fails) throw new Error('Janus said no');
        started.push(recording);
        calls.push('start');
      },
      stopRecording: async () => void calls.push('stop'),
    }),
  };
  const server: MediaServer = { openRoom: () => room };
  return { server, calls, started };
}

const claimsOf = async (token: string): Promise<TokenClaims> => JSON.parse(token) as TokenClaims;
const join = (room: string, sub: string, role = 'participant') => ({ type: 'join', room, token: JSON.stringify({ room, sub, role, exp: 9e9 }) });
const record = (on: boolean, rid = 'r1') => ({ type: 'server-recording', rid, on });

test('a host records an SFU room: everyone sees who started it and when, until it stops; the media server is told', async () => {
  const media = mediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server, now: () => 1_700_000_000_000 });
  const host = fakeSocket(hub);
  const ann = fakeSocket(hub);
  await host.send(join('r', 'host', 'host'));
  await ann.send(join('r', 'ann'));
  assert.equal(ann.last('joined')?.room.serverRecording, null);

  await host.send(record(true));
  assert.equal(host.last('ack')?.rid, 'r1');
  assert.deepEqual(ann.last('room-state')?.state.serverRecording, { by: 'host', startedAt: 1_700_000_000_000 });
  assert.match(media.started[0].id, /^rec_[\w-]+$/);
  assert.equal(media.started[0].startedAt, 1_700_000_000_000);
  // Someone joining later sees it in joined.
  const bob = fakeSocket(hub);
  await bob.send(join('r', 'bob'));
  assert.deepEqual(bob.last('joined')?.room.serverRecording, { by: 'host', startedAt: 1_700_000_000_000 });

  // A second start is the same recording; the media server hears of it once.
  await host.send(record(true, 'r2'));
  assert.equal(host.last('ack')?.rid, 'r2');
  await host.send(record(false, 'r3'));
  assert.equal(host.last('ack')?.rid, 'r3');
  assert.equal(ann.last('room-state')?.state.serverRecording, null);
  assert.deepEqual(media.calls, ['start', 'stop']);
  hub.close();
});

test('only `record` may record; a mesh room and a media server that cannot record refuse with recording-unavailable', async () => {
  const media = mediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server });
  const ann = fakeSocket(hub);
  await ann.send(join('r', 'ann'));
  await ann.send(record(true));
  assert.equal(ann.last('error')?.code, 'not-allowed');
  assert.deepEqual(media.calls, []);
  hub.close();

  for (const [what, config, server] of [
    ['mesh room', { ...DEFAULTS, media: 'mesh' as const }, mediaServer().server],
    ['no media server', { ...DEFAULTS, media: 'sfu' as const }, null],
    ['media server without recording', { ...DEFAULTS, media: 'sfu' as const }, mediaServer({ records: false }).server],
    ['recording fails to start', { ...DEFAULTS, media: 'sfu' as const }, mediaServer({ fails: true }).server],
  ] as const) {
    const meshHub = new Hub({ config, verifyToken: claimsOf, mediaServer: server });
    const host = fakeSocket(meshHub);
    await host.send(join('m', 'host', 'host'));
    await host.send(record(true));
    assert.equal(host.last('error')?.code, 'recording-unavailable', what);
    assert.equal(host.last('error')?.rid, 'r1', what);
    assert.equal(host.last('room-state')?.state.serverRecording ?? null, null, `${what}: nobody is told it records`);
    meshHub.close();
  }
});

test('the room emptying ends its recording: the media server closes the room, which stops it', async () => {
  const media = mediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server });
  const host = fakeSocket(hub);
  await host.send(join('r', 'host', 'host'));
  await host.send(record(true));
  await host.send({ type: 'leave' });
  assert.deepEqual(media.calls, ['start', 'close']);
  // A new session in the room starts with no recording.
  const again = fakeSocket(hub);
  await again.send(join('r', 'host', 'host'));
  assert.equal(again.last('joined')?.room.serverRecording, null);
  hub.close();
});

test('a stop sent while the start is under way stops that recording; nobody is shown one that is not running', async () => {
  let open = () => {};
  const media = mediaServer({ gate: new Promise<void>((resolve) => (open = resolve)) });
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server });
  const host = fakeSocket(hub);
  await host.send(join('r', 'host', 'host'));
  await host.send(record(true, 'start'));
  await host.send({ type: 'hand', raised: true });
  assert.equal(host.last('room-state')?.state.serverRecording, null, 'not shown while Janus has not started');
  await host.send(record(false, 'stop'));
  open();
  await new Promise<void>((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(host.frames.filter((f) => f.type === 'ack').map((f) => (f as { rid: string }).rid), ['start', 'stop'], 'in order');
  assert.deepEqual(media.calls, ['start', 'stop']);
  assert.equal(host.last('room-state')?.state.serverRecording, null);
  hub.close();
});

test('an `auto` room still in the mesh moves to the media server for a recording, and stays there while it records', async () => {
  const media = mediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'auto' }, verifyToken: claimsOf, mediaServer: media.server, now: () => 1_700_000_000_000 });
  const host = fakeSocket(hub);
  const ann = fakeSocket(hub);
  await host.send(join('a', 'host', 'host'));
  await ann.send(join('a', 'ann'));
  assert.equal(ann.last('joined')?.media?.transport, 'mesh', 'two people: a mesh');
  assert.equal(ann.last('media-changed'), undefined);

  await host.send(record(true));
  assert.equal(host.last('error'), undefined);
  for (const who of [host, ann]) assert.equal(who.last('media-changed')?.media.transport, 'sfu', 'everyone moves to the media server');
  assert.deepEqual(media.calls, ['start']);
  assert.deepEqual(ann.last('room-state')?.state.serverRecording, { by: 'host', startedAt: 1_700_000_000_000 });

  // Someone leaving would send two people back to the mesh, but not while it records.
  const bob = fakeSocket(hub);
  await bob.send(join('a', 'bob'));
  await bob.send({ type: 'leave' });
  assert.equal(ann.frames.filter((f) => f.type === 'media-changed').length, 1, 'no move back while recording');
  hub.close();
});
