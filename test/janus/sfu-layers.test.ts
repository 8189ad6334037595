/**
 * Simulcast by tile size through a real Janus (scripts/test-janus.sh): the camera goes to Janus in
 * layers; a subscriber whose tile shrinks receives a lower one, a tile that is shown nowhere receives
 * nothing, and a large tile gets the top layer back. Read from the subscriber's own stats.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TestClient, roomName, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { framesArrive, until } from '../../core/testing/media-probes.js';
import { fetchDevToken } from '../../core/dev-token.js';

async function join(server: TestServer, room: string, user: string, videoProfile: string): Promise<TestClient> {
  const client = new TestClient({ server: server.url, videoProfile });
  const token = await fetchDevToken(server.url, { room, user, name: user, role: user === 'ann' ? 'host' : 'participant' });
  await client.join(token, { audio: true, video: true });
  return client;
}

/** What the receiving connection decodes of `track` now: its picture's width and frames decoded so far. */
async function received(track: MediaStreamTrack): Promise<{ frameWidth: number; framesDecoded: number }> {
  for (const pc of connections) {
    if (!pc.getReceivers().some((r) => r.track === track)) continue;
    for (const stat of (await pc.getStats(track)).values() as IterableIterator<Record<string, unknown>>) {
      if (stat.type === 'inbound-rtp') return { frameWidth: Number(stat.frameWidth ?? 0), framesDecoded: Number(stat.framesDecoded ?? 0) };
    }
  }
  return { frameWidth: 0, framesDecoded: 0 };
}

/** Resolves once no new frame was decoded between two looks a second apart (the stream is paused). */
async function stopsReceiving(track: MediaStreamTrack, what: string): Promise<void> {
  let before = -1;
  let lastLook = 0;
  await until(async () => {
    if (performance.now() - lastLook < 1000) return false;
    lastLook = performance.now();
    const { framesDecoded } = await received(track);
    const still = framesDecoded === before;
    before = framesDecoded;
    return still;
  }, what, 20_000);
}

const connections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    connections.push(this);
  }
} as typeof RTCPeerConnection;

describe('Simulcast by tile size through Janus', function () {
  this.timeout(180_000);
  let server: TestServer;
  let clients: TestClient[] = [];

  before(async () => {
    server = (await executeServerCommand('rtc-server-start', { graceMs: 15_000, media: 'sfu' })) as TestServer;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('a shrinking tile receives a lower layer, a tile shown nowhere receives nothing, the stage the top layer', async () => {
    const room = roomName('layers');
    // 360p in three layers (640, 320 and 160 wide: the Janus tests lift Chromium's layer limit).
    const ann = await join(server, room, 'ann', '360p_15');
    const bob = await join(server, room, 'bob', '180p_15');
    clients = [ann, bob];
    await until(() => bob.participants.get('ann')?.stream?.getVideoTracks().length === 1, 'ann\'s video at bob', 60_000);
    const track = bob.participants.get('ann')!.stream!.getVideoTracks()[0];
    await framesArrive(bob.participants.get('ann')!.stream!, 5, 60_000);

    // Nothing said yet: the top layer, once the sender's bandwidth estimate has ramped up to it.
    await until(async () => (await received(track)).frameWidth === 640, 'the top layer at first', 60_000);
    const sent = (await ann.getStats()).get('ann')?.outbound ?? [];
    const cameraLayers = sent.filter((s) => s.source === 'camera' && s.to === null).map((s) => s.rid).sort();
    expect(cameraLayers, 'ann sends her camera to Janus in layers').to.include.members(['h', 'm', 'l']);

    bob.setViewSize('ann', 'camera', { width: 320, height: 180 });
    await until(async () => (await received(track)).frameWidth === 320, 'the middle layer for a middle tile', 20_000);
    bob.setViewSize('ann', 'camera', { width: 150, height: 84 });
    await until(async () => (await received(track)).frameWidth === 160, 'the lowest layer for a thumbnail', 20_000);

    bob.setViewSize('ann', 'camera', null);
    await stopsReceiving(track, 'nothing for a tile shown nowhere');

    bob.setViewSize('ann', 'camera', { width: 1280, height: 720 });
    await until(async () => (await received(track)).frameWidth === 640, 'the top layer for the stage', 20_000);
    await framesArrive(bob.participants.get('ann')!.stream!, 5, 20_000);
  });
});
