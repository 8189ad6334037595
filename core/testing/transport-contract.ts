/**
 * The behaviour every media transport must have, as a browser test suite: the mesh runs it in
 * core/transports/mesh-transport.test.ts; a media-server transport runs it with a harness that joins
 * through the server (docs/engine.md, "The transport contract"). Real peer connections, fake camera.
 */
import { expect } from '@open-wc/testing';
import { framesArrive, play, until } from './media-probes.js';
import type { LinkState, TrackSource, TransportState } from '../types.js';
import type { RemotePeer, Transport } from '../transports/transport.js';

/** One person of a call as the harness made them: their transport, signaling wired up. */
export interface HarnessEnd {
  transport: Transport;
  /** Who they are to the others (`connect`, `disconnect`). */
  peer: RemotePeer;
}

export interface TransportHarness {
  /** A newcomer's transport; the contract connects it to everyone who joined before, as RtcClient does. */
  join(userId: string, options: { receiveOnly: boolean }): Promise<HarnessEnd>;
  /** Offers sent so far, by every transport: turning media on and off must add none. */
  offers(): number;
  /** Release what the harness holds (servers, pages); the contract closes the transports itself. */
  close(): Promise<void> | void;
}

/** A person in the call, with what their transport told them. */
export interface ContractEnd extends HarnessEnd {
  /** Remote tracks by `${userId}/${source}`. */
  tracks: Map<string, MediaStreamTrack>;
  links: Map<string, LinkState>;
  states: TransportState[];
}

async function capture(): Promise<{ microphone: MediaStreamTrack; camera: MediaStreamTrack }> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } });
  return { microphone: stream.getAudioTracks()[0]!, camera: stream.getVideoTracks()[0]! };
}

/** A moving canvas, as a shared screen. */
export function canvasScreen(): MediaStreamTrack {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 });
  const context = canvas.getContext('2d')!;
  let x = 0;
  const timer = setInterval(() => {
    context.fillStyle = '#123';
    context.fillRect(0, 0, 320, 180);
    context.fillStyle = '#fff';
    context.fillRect((x += 5) % 320, 40, 40, 100);
  }, 50);
  const track = canvas.captureStream(15).getVideoTracks()[0]!;
  track.addEventListener('ended', () => clearInterval(timer));
  return track;
}

/** The inbound camera stream of `from` at `at`, found through the transport's own mid-to-source map. */
export async function inboundCamera(at: Transport, from: string): Promise<Record<string, unknown> | undefined> {
  const stats = (await at.getStats()).get(from);
  if (!stats) return undefined;
  return [...stats.report.values()].find(
    (entry: Record<string, unknown>) => entry.type === 'inbound-rtp' && stats.sources.get(entry.mid as string) === 'camera',
  );
}

export function transportContract(name: string, makeHarness: () => TransportHarness): void {
  describe(`${name}: the transport contract`, function () {
    this.timeout(90_000);
    let harness: TransportHarness;
    let ends: ContractEnd[] = [];
    const stops: (() => void)[] = [];

    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      ends.forEach((end) => end.transport.close());
      ends = [];
      stops.splice(0).forEach((stop) => stop());
      await harness.close();
    });

    /** Join in order; each newcomer connects to those before it. */
    async function call(...people: (string | { userId: string; receiveOnly: boolean })[]): Promise<ContractEnd[]> {
      const joined: ContractEnd[] = [];
      for (const person of people) {
        const { userId, receiveOnly } = typeof person === 'string' ? { userId: person, receiveOnly: false } : person;
        const end: ContractEnd = { ...(await harness.join(userId, { receiveOnly })), tracks: new Map(), links: new Map(), states: [] };
        end.transport.on('track-added', ({ userId: from, source, track }) => end.tracks.set(`${from}/${source}`, track));
        end.transport.on('track-removed', ({ userId: from, source }) => end.tracks.delete(`${from}/${source}`));
        end.transport.on('link-state', ({ userId: from, state }) => end.links.set(from, state));
        end.transport.on('transport-state', ({ state }) => end.states.push(state));
        for (const earlier of joined) end.transport.connect(earlier.peer);
        joined.push(end);
        ends.push(end);
      }
      return joined;
    }

    async function sendCamera(end: ContractEnd, microphone = false): Promise<MediaStreamTrack> {
      const media = await capture();
      stops.push(() => [media.camera, media.microphone].forEach((t) => t.stop()));
      if (microphone) await end.transport.setLocalTrack('microphone', media.microphone);
      await end.transport.setLocalTrack('camera', media.camera);
      return media.camera;
    }

    const remote = (end: ContractEnd, from: string, source: TrackSource) => end.tracks.get(`${from}/${source}`);
    const stream = (track: MediaStreamTrack | undefined) => new MediaStream(track ? [track] : []);

    it('delivers each person\'s microphone and camera to the other, by source', async () => {
      const [alice, bob] = await call('alice', 'bob');
      await sendCamera(alice, true);
      await sendCamera(bob, true);
      await until(() => !!remote(alice, 'bob', 'camera') && !!remote(bob, 'alice', 'camera'), 'cameras on both sides');
      expect(remote(alice, 'bob', 'microphone')?.kind).to.equal('audio');
      await framesArrive(stream(remote(alice, 'bob', 'camera')));
      await framesArrive(stream(remote(bob, 'alice', 'camera')));
      stops.push(play(stream(remote(bob, 'alice', 'microphone'))));
      await until(() => (bob.transport.audioLevels().get('alice') ?? 0) > 0, 'alice heard at bob');
    });

    it('turns the camera off and on, and shares a screen, without negotiating again', async () => {
      const [alice, bob] = await call('alice', 'bob');
      const camera = await sendCamera(alice);
      await until(() => !!remote(bob, 'alice', 'camera'), 'alice\'s camera at bob');
      await framesArrive(stream(remote(bob, 'alice', 'camera')));
      await until(() => alice.transport.state === 'connected' && bob.transport.state === 'connected', 'both connected');
      const offers = harness.offers();

      camera.stop();
      await alice.transport.setLocalTrack('camera', null);
      await alice.transport.setLocalTrack('camera', await sendCamera(alice));
      await framesArrive(stream(remote(bob, 'alice', 'camera')));
      const screen = canvasScreen();
      stops.push(() => screen.stop());
      await alice.transport.setLocalTrack('screen', screen);
      await until(() => !!remote(bob, 'alice', 'screen'), 'alice\'s screen at bob');
      await framesArrive(stream(remote(bob, 'alice', 'screen')));
      expect(harness.offers()).to.equal(offers);
    });

    it('reports each person\'s link and the transport as connected, and a link closed once they leave', async () => {
      const [alice, bob] = await call('alice', 'bob');
      await until(() => alice.links.get('bob') === 'connected' && bob.links.get('alice') === 'connected', 'links connected');
      await until(() => alice.transport.state === 'connected', 'alice\'s transport connected');
      expect(alice.states.at(-1)).to.equal('connected');
      bob.transport.close();
      alice.transport.disconnect('bob');
      expect(alice.links.get('bob')).to.equal('closed');
      expect(bob.transport.state).to.equal('closed');
      expect(bob.states.at(-1)).to.equal('closed');
    });

    it('removes the tracks of someone who leaves, and keeps the others\'', async () => {
      const [alice, bob, carol] = await call('alice', 'bob', 'carol');
      await sendCamera(bob);
      await sendCamera(carol);
      await until(() => !!remote(alice, 'bob', 'camera') && !!remote(alice, 'carol', 'camera'), 'both cameras at alice');
      bob.transport.close();
      alice.transport.disconnect('bob');
      carol.transport.disconnect('bob');
      expect(remote(alice, 'bob', 'camera')).to.equal(undefined);
      expect([...alice.tracks.keys()].filter((key) => key.startsWith('bob/'))).to.deep.equal([]);
      await framesArrive(stream(remote(alice, 'carol', 'camera')));
    });

    it('lets a viewer receive without sending anything', async () => {
      const [host, viewer] = await call('host', { userId: 'viewer', receiveOnly: true });
      await sendCamera(host);
      await until(() => !!remote(viewer, 'host', 'camera'), 'the host\'s camera at the viewer');
      await framesArrive(stream(remote(viewer, 'host', 'camera')));
      expect([...host.tracks.keys()]).to.deep.equal([]);
    });

    it('measures stats per person and per source: the camera\'s frame size is the camera\'s', async () => {
      const [alice, bob] = await call('alice', 'bob');
      await sendCamera(alice, true);
      await until(async () => Number((await inboundCamera(bob.transport, 'alice'))?.frameWidth ?? 0) > 0, 'alice\'s camera decoded at bob');
      const stats = (await bob.transport.getStats()).get('alice')!;
      expect([...stats.sources.values()]).to.include.members(['microphone', 'camera']);
    });

    it('sends a receiver whose tile shrinks a smaller picture, and none while it is hidden', async () => {
      const [alice, bob] = await call('alice', 'bob');
      await sendCamera(alice);
      const width = async () => Number((await inboundCamera(bob.transport, 'alice'))?.frameWidth ?? 0);
      const decoded = async () => Number((await inboundCamera(bob.transport, 'alice'))?.framesDecoded ?? 0);
      await until(async () => (await width()) > 160, 'alice\'s camera above thumbnail size at bob');

      bob.transport.setViewSize('alice', 'camera', { width: 96, height: 54 });
      await until(async () => (await width()) <= 160, 'a thumbnail-sized picture at bob');

      bob.transport.setViewSize('alice', 'camera', null);
      // Paused: frames stop coming. Two readings a debounce apart that agree, after they once did.
      await until(async () => {
        const before = await decoded();
        await new Promise((resolve) => setTimeout(resolve, 500));
        return (await decoded()) === before;
      }, 'no more frames while hidden');

      bob.transport.setViewSize('alice', 'camera', { width: 640, height: 360 });
      await framesArrive(stream(remote(bob, 'alice', 'camera')));
    });
  });
}
