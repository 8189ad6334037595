/** SFU rooms in the hub: who may publish, what the media server is told and when (a recording media server). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerMessage } from '../../protocol/server-messages.js';
import type { TokenClaims } from '../../protocol/token.js';
import { DEFAULTS } from '../config.js';
import { Hub } from './hub.js';
import type { MediaMember, MediaRoom, MediaServer } from './media-server.js';

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

/** Records what the hub asks of the media server, and answers every offer with a fixed answer. */
function recordingMediaServer(available = true) {
  const calls: string[] = [];
  const members = new Map<string, MediaMember>();
  const room: MediaRoom = {
    alive: true,
    join: (member) => {
      members.set(member.userId, member);
      calls.push(`join ${member.userId}`);
    },
    publish: async (userId, _offer, sources) => {
      calls.push(`publish ${userId} ${Object.values(sources).join(',')}`);
      return 'v=0 answer';
    },
    answer: async (userId) => void calls.push(`answer ${userId}`),
    leave: (userId) => void calls.push(`leave ${userId}`),
    close: () => void calls.push('close'),
  };
  const server: MediaServer = { openRoom: () => (available ? room : null) };
  return { server, calls, members };
}

const claimsOf = async (token: string): Promise<TokenClaims> => JSON.parse(token) as TokenClaims;
const join = (room: string, sub: string, role = 'participant') => ({ type: 'join', room, token: JSON.stringify({ room, sub, role, exp: 9e9 }) });
const publish = { type: 'sfu-publish', rid: 'p1', sdp: 'v=0 offer', sources: { 0: 'microphone', 1: 'camera', 2: 'screen', 3: 'screen-audio' } };

test('an SFU room says so in joined, relays a publish to the media server and acks with its answer', async () => {
  const media = recordingMediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server });
  const ann = fakeSocket(hub);
  await ann.send(join('r', 'ann'));
  assert.deepEqual(ann.last('joined')?.media, { transport: 'sfu' });
  await ann.send(publish);
  assert.deepEqual(ann.last('ack'), { type: 'ack', rid: 'p1', sdp: 'v=0 answer', seq: ann.last('ack')!.seq });
  // The media server's offers reach the person as sfu-offer frames, their answers go back.
  media.members.get('ann')!.offer('v=0 sub', [{ mid: '0', userId: 'bob', source: 'camera' }]);
  assert.deepEqual(ann.last('sfu-offer')?.streams, [{ mid: '0', userId: 'bob', source: 'camera' }]);
  await ann.send({ type: 'sfu-answer', sdp: 'v=0 sub answer' });
  assert.deepEqual(media.calls, ['join ann', 'publish ann microphone,camera,screen,screen-audio', 'answer ann']);
  hub.close();
});

test('a viewer cannot publish; a kicked person is gone from the media server at once; the last one out closes the room there', async () => {
  const media = recordingMediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server });
  const host = fakeSocket(hub);
  const vic = fakeSocket(hub);
  await host.send(join('r', 'ann', 'host'));
  await vic.send(join('r', 'vic', 'viewer'));
  await vic.send(publish);
  const refused = vic.last('error');
  assert.equal(refused?.code, 'not-allowed');
  assert.equal(refused?.rid, 'p1');
  assert.ok(!media.calls.some((call) => call.startsWith('publish vic')), 'nothing of the viewer reached the media server');

  host.frames.length = 0;
  await host.send({ type: 'kick', userId: 'vic' });
  assert.deepEqual(media.calls.slice(-1), ['leave vic']);
  await host.send({ type: 'leave' });
  assert.deepEqual(media.calls.slice(-2), ['leave ann', 'close']);
  hub.close();
});

test('a mesh room, or an SFU room without a media server, announces the mesh and refuses SFU frames', async () => {
  for (const [media, mediaServer] of [['mesh', recordingMediaServer().server], ['sfu', recordingMediaServer(false).server], ['sfu', null]] as const) {
    const hub = new Hub({ config: { ...DEFAULTS, media }, verifyToken: claimsOf, mediaServer });
    const ann = fakeSocket(hub);
    await ann.send(join('r', 'ann'));
    assert.deepEqual(ann.last('joined')?.media, { transport: 'mesh' }, `${media} room, media server ${mediaServer ? 'given' : 'absent'}`);
    await ann.send(publish);
    assert.equal(ann.last('error')?.code, 'bad-message');
    hub.close();
  }
});

test('sfu-publish is validated: sources must be known ones', async () => {
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: recordingMediaServer().server });
  const ann = fakeSocket(hub);
  await ann.send(join('r', 'ann'));
  await ann.send({ ...publish, sources: { 0: 'keyboard' } });
  assert.equal(ann.last('error')?.code, 'bad-message');
  hub.close();
});

test('a room created with its own media policy keeps it, whatever the server default', async () => {
  const media = recordingMediaServer();
  for (const [serverDefault, own, expected] of [['mesh', 'sfu', 'sfu'], ['sfu', 'mesh', 'mesh']] as const) {
    const hub = new Hub({ config: { ...DEFAULTS, media: serverDefault }, verifyToken: claimsOf, mediaServer: media.server });
    await hub.createRoom({ roomId: 'own', media: own });
    const ann = fakeSocket(hub);
    await ann.send(join('own', 'ann'));
    assert.deepEqual(ann.last('joined')?.media, { transport: expected }, `server ${serverDefault}, room ${own}`);
    hub.close();
  }
});
