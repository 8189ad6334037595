/**
 * The `auto` policy through a real Janus (scripts/test-janus.sh): a call stays peer to peer up to the
 * configured number of senders (2 here, to keep the test small; 4 by default), moves to Janus when one
 * more arrives and back when they leave, and on each side the longest gap in the sound received
 * (decoded samples that were not concealment, from the receiver's stats) stays short.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TestClient, roomName, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { until } from '../../core/testing/media-probes.js';
import { fetchDevToken } from '../../core/dev-token.js';
import type { WebSocketLike } from '../../core/rtc-client.js';

const connections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    connections.push(this);
  }
} as typeof RTCPeerConnection;

/** A client that notes where the server says the room's media is. */
class AutoClient extends TestClient {
  moves: string[] = [];
  constructor(server: TestServer) {
    super({
      server: server.url,
      videoProfile: '180p_15',
      connect: (url) => {
        const socket = new WebSocket(url);
        socket.addEventListener('message', ({ data }) => {
          const frame = JSON.parse(String(data)) as { type: string; media?: { transport: string } };
          if (frame.type === 'media-changed' || frame.type === 'joined') this.moves.push(frame.media?.transport ?? 'mesh');
        });
        return socket as unknown as WebSocketLike;
      },
    });
  }
}

async function join(server: TestServer, room: string, user: string): Promise<AutoClient> {
  const client = new AutoClient(server);
  const token = await fetchDevToken(server.url, { room, user, name: user, role: user === 'ann' ? 'host' : 'participant' });
  await client.join(token, { audio: true, video: true });
  return client;
}

/**
 * Watches the sound `at` receives from `from`, whichever track carries it: every 50 ms, the real (not
 * concealed) samples decoded so far on the current track. Every audio track seen is played, as a page
 * does, since Chromium decodes only what plays.
 */
class AudioGapMeter {
  #longest = 0;
  #lastProgress = performance.now();
  #track: MediaStreamTrack | null = null;
  #samples = 0;
  readonly #elements = new Map<MediaStreamTrack, HTMLAudioElement>();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(private readonly at: TestClient, private readonly from: string) {
    this.#timer = setInterval(() => void this.#sample(), 50);
  }

  /** The longest time without new sound so far (ms), and starts over. */
  takeLongestGap(): number {
    const longest = Math.max(this.#longest, performance.now() - this.#lastProgress);
    this.#longest = 0;
    return longest;
  }

  stop(): void {
    clearInterval(this.#timer);
    for (const element of this.#elements.values()) element.remove();
  }

  async #sample(): Promise<void> {
    const track = this.at.participants.get(this.from)?.stream?.getAudioTracks()[0] ?? null;
    if (!track) return;
    if (!this.#elements.has(track)) {
      const element = Object.assign(document.createElement('audio'), { muted: true, srcObject: new MediaStream([track]) });
      document.body.append(element);
      void element.play().catch(() => undefined);
      this.#elements.set(track, element);
    }
    const pc = connections.find((c) => c.signalingState !== 'closed' && c.getReceivers().some((r) => r.track === track));
    let samples = 0;
    for (const stat of ((await pc?.getStats(track))?.values() ?? []) as Iterable<Record<string, unknown>>) {
      if (stat.type === 'inbound-rtp') samples = Number(stat.totalSamplesReceived ?? 0) - Number(stat.concealedSamples ?? 0);
    }
    const now = performance.now();
    const progressed = track === this.#track ? samples > this.#samples : samples > 0;
    if (progressed) {
      this.#longest = Math.max(this.#longest, now - this.#lastProgress);
      this.#lastProgress = now;
    }
    this.#track = track;
    this.#samples = samples;
  }
}

describe('auto: mesh to Janus and back', function () {
  this.timeout(240_000);
  let server: TestServer;
  let clients: AutoClient[] = [];
  const meters: AudioGapMeter[] = [];

  before(async () => {
    server = (await executeServerCommand('rtc-server-start', { graceMs: 15_000, media: 'auto', startJanusForAuto: true, autoMeshMaxSenders: 2 })) as TestServer;
  });

  after(async () => {
    meters.forEach((m) => m.stop());
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('moves to Janus when a third sender arrives and back when they leave, the sound never away for long', async () => {
    const room = roomName('auto');
    const ann = await join(server, room, 'ann');
    const bob = await join(server, room, 'bob');
    clients = [ann, bob];
    const hears = (at: TestClient, from: string) => until(() => !!at.participants.get(from)?.stream?.getAudioTracks().length, `${from}'s sound at ${at.self.userId}`, 60_000);
    await hears(ann, 'bob');
    await hears(bob, 'ann');
    expect(ann.moves, 'two senders: a mesh').to.deep.equal(['mesh']);
    const annHearsBob = new AudioGapMeter(ann, 'bob');
    const bobHearsAnn = new AudioGapMeter(bob, 'ann');
    meters.push(annHearsBob, bobHearsAnn);
    const mesh = [...connections];
    await until(() => annHearsBob.takeLongestGap() < 500 && bobHearsAnn.takeLongestGap() < 500, 'sound flowing in the mesh', 30_000);

    const cat = await join(server, room, 'cat');
    clients.push(cat);
    expect(cat.moves, 'the third sender joins on Janus').to.deep.equal(['sfu']);
    await until(() => ann.moves.at(-1) === 'sfu' && bob.moves.at(-1) === 'sfu', 'ann and bob told to move to Janus');
    // The peer-to-peer connections close once Janus delivers everyone.
    await until(() => mesh.every((pc) => pc.connectionState === 'closed'), 'the mesh closed after the move', 60_000);
    await hears(ann, 'cat');
    const toJanus = [annHearsBob.takeLongestGap(), bobHearsAnn.takeLongestGap()];
    expect(Math.max(...toJanus), `longest silence moving to Janus (ann, bob): ${toJanus.map(Math.round).join(', ')} ms`).to.be.below(1000);

    const sfu = connections.filter((pc) => !mesh.includes(pc) && pc.connectionState !== 'closed');
    await cat.leave();
    clients.pop();
    await until(() => ann.moves.at(-1) === 'mesh' && bob.moves.at(-1) === 'mesh', 'ann and bob told to move back to the mesh');
    await until(() => sfu.every((pc) => pc.connectionState === 'closed'), 'the Janus connections closed after the move back', 60_000);
    // A while on the mesh alone, to see the sound go on.
    await until(() => connections.filter((pc) => pc.connectionState === 'connected').length === 2, 'a peer-to-peer link again');
    const start = performance.now();
    await until(() => performance.now() - start > 2000, 'two seconds on the mesh');
    const toMesh = [annHearsBob.takeLongestGap(), bobHearsAnn.takeLongestGap()];
    expect(Math.max(...toMesh), `longest silence moving back (ann, bob): ${toMesh.map(Math.round).join(', ')} ms`).to.be.below(1000);
  });
});
