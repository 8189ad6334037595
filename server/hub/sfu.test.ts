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
    view: (userId, of, { width, height }) => void calls.push(`view ${userId} ${of} ${width}x${height}`),
    cameraLayers: (userId, layers) => void calls.push(`layers ${userId} ${layers.map((l) => `${l.width}x${l.height}`).join(',')}`),
  };
  const server: MediaServer = { openRoom: () => (available ? room : null) };
  return { server, calls, members };
}

const claimsOf = async (token: string): Promise<TokenClaims> => JSON.parse(token) as TokenClaims;
const join = (room: string, sub: string, role = 'participant') => ({ type: 'join', room, token: JSON.stringify({ room, sub, role, exp: 9e9 }) });
const publish = { type: 'sfu-publish', rid: 'p1', sdp: 'v=0 offer', sources: { 0: 'microphone', 1: 'camera', 2: 'screen' } };

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
  assert.deepEqual(media.calls, ['join ann', 'publish ann microphone,camera,screen', 'answer ann']);
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

test('sfu-view changes only the asker\'s own subscription; sfu-layers from a viewer is refused; in a mesh both are bad messages', async () => {
  const media = recordingMediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'sfu' }, verifyToken: claimsOf, mediaServer: media.server });
  const ann = fakeSocket(hub);
  const vic = fakeSocket(hub);
  await ann.send(join('r', 'ann'));
  await vic.send(join('r', 'vic', 'viewer'));
  // Whatever a message says, the subscription changed is the sender's (there is no field to name another).
  await vic.send({ type: 'sfu-view', userId: 'ann', source: 'camera', width: 320, height: 180 });
  await ann.send({ type: 'sfu-layers', layers: [{ width: 640, height: 360 }, { width: 320, height: 180 }] });
  await vic.send({ type: 'sfu-layers', layers: [{ width: 640, height: 360 }] });
  assert.equal(vic.last('error')?.code, 'not-allowed');
  assert.deepEqual(media.calls.filter((c) => c.startsWith('view') || c.startsWith('layers')), ['view vic ann 320x180', 'layers ann 640x360,320x180']);
  await ann.send({ type: 'sfu-view', userId: 'vic', source: 'camera', width: 99_999, height: 1 });
  assert.equal(ann.last('error')?.code, 'bad-message');
  hub.close();

  const meshHub = new Hub({ config: { ...DEFAULTS, media: 'mesh' }, verifyToken: claimsOf, mediaServer: media.server });
  const bob = fakeSocket(meshHub);
  await bob.send(join('m', 'bob'));
  await bob.send({ type: 'sfu-view', userId: 'ann', source: 'camera', width: 320, height: 180 });
  assert.equal(bob.last('error')?.code, 'bad-message');
  meshHub.close();
});

test('auto: a mesh up to the configured senders, the media server past them or with a viewer (everyone told), the mesh again after', async () => {
  const media = recordingMediaServer();
  const hub = new Hub({ config: { ...DEFAULTS, media: 'auto', autoMeshMaxSenders: 2 }, verifyToken: claimsOf, mediaServer: media.server });
  const [ann, bob, cat, vic] = [fakeSocket(hub), fakeSocket(hub), fakeSocket(hub), fakeSocket(hub)];
  await ann.send(join('r', 'ann', 'host'));
  await bob.send(join('r', 'bob'));
  assert.deepEqual([ann, bob].map((s) => s.last('joined')?.media), [{ transport: 'mesh' }, { transport: 'mesh' }]);
  assert.equal(media.calls.length, 0);

  await cat.send(join('r', 'cat'));
  assert.deepEqual(cat.last('joined')?.media, { transport: 'sfu' });
  assert.equal(cat.last('media-changed'), undefined);
  for (const s of [ann, bob]) assert.deepEqual(s.last('media-changed')?.media, { transport: 'sfu' });
  assert.deepEqual([...media.calls].sort(), ['join ann', 'join bob', 'join cat']);

  await cat.send({ type: 'leave' });
  for (const s of [ann, bob]) assert.deepEqual(s.last('media-changed')?.media, { transport: 'mesh' });
  // The old room stays on the media server a while (both paths side by side), then closes.
  assert.equal(media.calls.includes('close'), false);

  await vic.send(join('r', 'vic', 'viewer'));
  assert.deepEqual(vic.last('joined')?.media, { transport: 'sfu' });
  for (const s of [ann, bob]) assert.deepEqual(s.last('media-changed')?.media, { transport: 'sfu' });
  await vic.send({ type: 'leave' });
  for (const s of [ann, bob]) assert.deepEqual(s.last('media-changed')?.media, { transport: 'mesh' });
  hub.close();
  assert.equal(media.calls.filter((c) => c === 'close').length, 2, 'both rooms on the media server closed');
});

test('a room on the media server counts senders and viewers apart, each to its own limit; a mesh keeps maxParticipants', async () => {
  const media = recordingMediaServer();
  const config = { ...DEFAULTS, media: 'sfu' as const, maxParticipants: 2, sfuMaxSenders: 3, sfuMaxViewers: 2 };
  const hub = new Hub({ config, verifyToken: claimsOf, mediaServer: media.server });
  const senders = ['ann', 'bob', 'cat'].map(() => fakeSocket(hub));
  for (const [index, name] of ['ann', 'bob', 'cat'].entries()) await senders[index].send(join('r', name, index === 0 ? 'host' : 'participant'));
  const viewers = ['v1', 'v2'].map(() => fakeSocket(hub));
  for (const [index, name] of ['v1', 'v2'].entries()) await viewers[index].send(join('r', name, 'viewer'));
  assert.equal([...senders, ...viewers].filter((s) => s.last('joined')).length, 5, 'past the mesh cap of 2');
  assert.equal(senders[0].last('joined')?.limits.maxParticipants, 5);
  const dan = fakeSocket(hub);
  await dan.send(join('r', 'dan'));
  assert.equal(dan.last('error')?.code, 'room-full');
  const v3 = fakeSocket(hub);
  await v3.send(join('r', 'v3', 'viewer'));
  assert.equal(v3.last('error')?.code, 'room-full');
  hub.close();

  const meshHub = new Hub({ config: { ...config, media: 'mesh' }, verifyToken: claimsOf, mediaServer: media.server });
  const [a, b, c] = [fakeSocket(meshHub), fakeSocket(meshHub), fakeSocket(meshHub)];
  await a.send(join('m', 'a'));
  await b.send(join('m', 'b', 'viewer'));
  await c.send(join('m', 'c', 'viewer'));
  assert.equal(c.last('error')?.code, 'room-full');
  meshHub.close();
});
