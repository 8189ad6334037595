/**
 * SFU rooms through a real Janus (run by scripts/test-janus.sh inside a network namespace): six people's
 * media goes through the media server, two connections each, a viewer's one; a kicked user's streams
 * are gone from Janus's offers to the others.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TestClient, roomName, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { framesArrive, until } from '../../core/testing/media-probes.js';
import { fetchDevToken } from '../../core/dev-token.js';
import type { Role } from '../../protocol/ids.js';
import type { SfuStream } from '../../protocol/model.js';
import type { WebSocketLike } from '../../core/rtc-client.js';

/** Every RTCPeerConnection the page makes, to count them. */
const connections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    connections.push(this);
  }
} as typeof RTCPeerConnection;

/** A client that keeps the last `sfu-offer` it was sent: what Janus says its receiving connection carries. */
class SfuClient extends TestClient {
  lastStreams: SfuStream[] = [];
  offers = 0;

  constructor(server: TestServer) {
    super({
      server: server.url,
      videoProfile: '180p_15',
      connect: (url) => {
        const socket = new WebSocket(url);
        socket.addEventListener('message', ({ data }) => {
          const frame = JSON.parse(String(data)) as { type: string; streams?: SfuStream[] };
          if (frame.type !== 'sfu-offer') return;
          this.offers++;
          this.lastStreams = frame.streams ?? [];
        });
        return socket as unknown as WebSocketLike;
      },
    });
  }
}

async function join(server: TestServer, room: string, user: string, role: Role = 'participant'): Promise<SfuClient> {
  const client = new SfuClient(server);
  const token = await fetchDevToken(server.url, { room, user, name: user, role });
  await client.join(token, { audio: true, video: role !== 'viewer' });
  return client;
}

/** Waits until `client` decodes video frames from each of `senders`. */
async function seesEveryone(client: SfuClient, senders: string[]): Promise<void> {
  for (const userId of senders) {
    await until(() => client.participants.get(userId)?.stream?.getVideoTracks().length === 1, `${userId}'s video at ${client.self.userId}`, 60_000);
    await framesArrive(client.participants.get(userId)!.stream!, 5, 60_000);
  }
}

describe('SFU room through Janus', function () {
  this.timeout(240_000);
  let server: TestServer;
  let clients: SfuClient[] = [];

  before(async () => {
    server = (await executeServerCommand('rtc-server-start', { graceMs: 15_000, media: 'sfu', maxParticipants: 10 })) as TestServer;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('six people each decode the other five through Janus, with two connections each; a viewer receives all six with one', async () => {
    const room = roomName('sfu');
    const names = ['ann', 'bob', 'cat', 'dan', 'eve', 'fay'];
    for (const name of names) clients.push(await join(server, room, name, name === 'ann' ? 'host' : 'participant'));
    for (const client of clients) {
      await seesEveryone(client, names.filter((n) => n !== client.self.userId));
    }
    // One sending and one receiving connection each: a mesh would hold five each (thirty).
    expect(connections.length, 'peer connections for six people').to.equal(12);
    await until(() => connections.every((pc) => pc.connectionState === 'connected'), 'every connection connected');

    const vic = await join(server, room, 'vic', 'viewer');
    clients.push(vic);
    await seesEveryone(vic, names);
    expect(connections.length, 'the viewer adds only its receiving connection').to.equal(13);
    const viewerConnection = connections[12];
    const sent = [...(await viewerConnection.getStats()).values()].filter((s: { type: string }) => s.type === 'outbound-rtp');
    expect(sent, 'the viewer sends no media').to.deep.equal([]);
    for (const sender of clients.slice(0, 6)) {
      expect(sender.participants.get('vic')?.stream?.getTracks() ?? [], `tracks from vic at ${sender.self.userId}`).to.deep.equal([]);
    }
  });

  it('a viewer made participant starts sending through Janus and keeps receiving', async () => {
    const [ann, bob] = clients;
    const vic = clients[6];
    await ann.setRole('vic', 'participant');
    await until(() => vic.self.role === 'participant', 'vic is a participant');
    await vic.setCamera(true);
    await seesEveryone(bob, ['vic']);
    await seesEveryone(vic, ['ann', 'bob']);
  });

  it('a kicked user\'s streams leave Janus: the others are offered a connection without them', async () => {
    const [ann, bob, cat] = clients;
    expect(ann.lastStreams.some((s) => s.userId === 'dan'), 'ann receives dan before').to.equal(true);
    const offersBefore = [ann, bob, cat].map((c) => c.offers);
    await ann.kick('dan');
    for (const [index, client] of [ann, bob, cat].entries()) {
      await until(() => client.offers > offersBefore[index] && !client.lastStreams.some((s) => s.userId === 'dan'), `Janus drops dan at ${client.self.userId}`);
      expect(client.participants.has('dan'), `dan gone at ${client.self.userId}`).to.equal(false);
    }
    // The rest of the call goes on: bob still decodes cat.
    await framesArrive(bob.participants.get('cat')!.stream!, 5, 30_000);
  });

  it('Janus dies mid-call: the room moves to the mesh and everyone sees everyone again', async () => {
    await Promise.all(clients.map((c) => c.leave()));
    const room = roomName('fallback');
    const trio = (clients = [await join(server, room, 'gus', 'host'), await join(server, room, 'hal'), await join(server, room, 'ida')]);
    for (const client of trio) await seesEveryone(client, ['gus', 'hal', 'ida'].filter((n) => n !== client.self.userId));
    const sfuTracks = trio.map((c) => [...c.participants.values()].map((p) => p.stream?.getVideoTracks()[0]));

    expect((await executeServerCommand('rtc-server-kill-media', { id: server.id }) as { killed: boolean }).killed, 'Janus killed').to.equal(true);
    for (const [index, client] of trio.entries()) {
      const others = ['gus', 'hal', 'ida'].filter((n) => n !== client.self.userId);
      // New tracks, from the peer-to-peer links: the ones through Janus ended with it.
      await until(() => others.every((n) => {
        const track = client.participants.get(n)?.stream?.getVideoTracks()[0];
        return !!track && track.readyState === 'live' && !sfuTracks[index].includes(track);
      }), `mesh video at ${client.self.userId}`, 60_000);
      await seesEveryone(client, others);
    }
  });
});
