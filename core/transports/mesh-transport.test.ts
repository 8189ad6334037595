/** Mesh transports wired to each other in one page (no server): real peer connections, fake camera. */
import { expect } from '@open-wc/testing';
import { framesArrive, until } from '../testing/media-probes.js';
import type { SignalPayload } from '../../protocol/model.js';
import { cameraLayers, resolveVideoProfile } from '../media/profiles.js';
import type { TrackSource } from '../types.js';
import { MeshTransport } from './mesh-transport.js';
import { transportContract, type TransportHarness } from '../testing/transport-contract.js';

interface End {
  transport: MeshTransport;
  /** What the other side knows of this end's role (a viewer's is receive-only, whatever it does). */
  knownAsReceiveOnly: boolean;
  tracks: Map<TrackSource, MediaStreamTrack>;
  offers: number;
}

/** The contract's cameras capture 640 × 360, the 360p profile's size. */
const layers = cameraLayers(resolveVideoProfile('360p_15'), { width: 640, height: 360 });

function meshTransport(localUserId: string, receiveOnly: boolean): MeshTransport {
  return new MeshTransport({ localUserId, receiveOnly, iceServers: [], cameraLayers: () => layers });
}

/** Every mesh transport of a test in one page, relaying signals as the server would (asynchronously, in order). */
function meshHarness(): TransportHarness {
  const transports = new Map<string, MeshTransport>();
  let offers = 0;
  return {
    async join(userId, { receiveOnly }) {
      const transport = meshTransport(userId, receiveOnly);
      transports.set(userId, transport);
      transport.on('signal', ({ to, payload }) => {
        if (payload.description?.type === 'offer') offers++;
        setTimeout(() => transports.get(to)?.handleSignal({ userId, sessionId: `s-${userId}`, receiveOnly }, payload), 0);
      });
      return { transport, peer: { userId, sessionId: `s-${userId}`, receiveOnly } };
    },
    offers: () => offers,
    close: () => transports.clear(),
  };
}

transportContract('MeshTransport', meshHarness);

function end(localUserId: string, receiveOnly = false): End {
  const transport = meshTransport(localUserId, receiveOnly);
  const e: End = { transport, knownAsReceiveOnly: receiveOnly, tracks: new Map(), offers: 0 };
  transport.on('track-added', ({ source, track }) => e.tracks.set(source, track));
  transport.on('track-removed', ({ source }) => e.tracks.delete(source));
  return e;
}

/** Relay signals between the two ends as the server would (asynchronously, in order). */
function wire(a: End, aSession: string, b: End, bSession: string, ids: [string, string]): void {
  const relay = (from: End, to: End, fromId: string, session: string) =>
    from.transport.on('signal', ({ payload }: { payload: SignalPayload }) => {
      if (payload.description?.type === 'offer') from.offers++;
      setTimeout(() => to.transport.handleSignal({ userId: fromId, sessionId: session, receiveOnly: from.knownAsReceiveOnly }, payload), 0);
    });
  relay(a, b, ids[0], aSession);
  relay(b, a, ids[1], bSession);
}

async function capture(): Promise<{ microphone: MediaStreamTrack; camera: MediaStreamTrack }> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  return { microphone: stream.getAudioTracks()[0], camera: stream.getVideoTracks()[0] };
}

/**
 * Records the peer connections the page creates. A broken network path can't be made on loopback, so
 * the ICE-restart test makes one real connection report a failed state once and watches the recovery.
 */
function recordPeerConnections(): { created: RTCPeerConnection[]; restore: () => void } {
  const Native = window.RTCPeerConnection;
  const created: RTCPeerConnection[] = [];
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      created.push(this);
    }
  };
  return { created, restore: () => (window.RTCPeerConnection = Native) };
}

/** Makes `pc` report `state` (and fire its change event) until the returned function puts the real state back. */
function reportState(pc: RTCPeerConnection, state: RTCPeerConnectionState): () => void {
  Object.defineProperty(pc, 'connectionState', { configurable: true, get: () => state });
  pc.dispatchEvent(new Event('connectionstatechange'));
  return () => delete (pc as { connectionState?: unknown }).connectionState;
}

const iceUfrag = (description: RTCSessionDescription | null) => description?.sdp.match(/a=ice-ufrag:(\S+)/)?.[1];

describe('MeshTransport: mesh only', function () {
  this.timeout(90_000);
  const cleanup: (() => void)[] = [];
  afterEach(() => cleanup.splice(0).forEach((f) => f()));

  it('settles when both sides offer at once (glare), whoever is polite', async () => {
    const alice = end('alice');
    const bob = end('bob');
    const [a, b] = [await capture(), await capture()];
    cleanup.push(() => [alice, bob].forEach((e) => e.transport.close()), () => [a, b].forEach((t) => [t.camera, t.microphone].forEach((x) => x.stop())));
    await alice.transport.setLocalTrack('camera', a.camera);
    await bob.transport.setLocalTrack('camera', b.camera);
    wire(alice, 'sa', bob, 'sb', ['alice', 'bob']);
    alice.transport.connect({ userId: 'bob', sessionId: 'sb', receiveOnly: false });
    bob.transport.connect({ userId: 'alice', sessionId: 'sa', receiveOnly: false });
    await until(() => alice.tracks.has('camera') && bob.tracks.has('camera'), 'tracks on both sides');
    await framesArrive(new MediaStream([alice.tracks.get('camera')!]));
    await framesArrive(new MediaStream([bob.tracks.get('camera')!]));
  });

  it('takes no media from a participant whose role does not send, even when its offer sends', async () => {
    const alice = end('alice');
    // A viewer as far as alice knows, whose own transport offers its camera anyway.
    const mallory = end('mallory');
    mallory.knownAsReceiveOnly = true;
    const [a, m] = [await capture(), await capture()];
    cleanup.push(() => [alice, mallory].forEach((e) => e.transport.close()), () => [a, m].forEach((t) => [t.camera, t.microphone].forEach((x) => x.stop())));
    await alice.transport.setLocalTrack('camera', a.camera);
    await mallory.transport.setLocalTrack('camera', m.camera);
    wire(alice, 'sa', mallory, 'sm', ['alice', 'mallory']);
    mallory.transport.connect({ userId: 'alice', sessionId: 'sa', receiveOnly: false });
    // Alice's answer went out (her camera plays at mallory's end), so her side has seen mallory's offer.
    await until(() => mallory.tracks.has('camera'), 'alice\'s camera at mallory');
    await framesArrive(new MediaStream([mallory.tracks.get('camera')!]));
    expect([...alice.tracks.keys()]).to.deep.equal([]);
  });

  /** Alice's camera reaches newcomer Bob; resolves once it does. */
  async function aliceToBob(): Promise<{ alice: End; bob: End }> {
    const alice = end('alice');
    const bob = end('bob');
    const a = await capture();
    cleanup.push(() => [alice, bob].forEach((e) => e.transport.close()), () => [a.camera, a.microphone].forEach((x) => x.stop()));
    await alice.transport.setLocalTrack('camera', a.camera);
    wire(alice, 'sa', bob, 'sb', ['alice', 'bob']);
    bob.transport.connect({ userId: 'alice', sessionId: 'sa', receiveOnly: false });
    await until(() => bob.tracks.has('camera'), 'first link');
    return { alice, bob };
  }

  it('replaces the link when the same user comes back with a new session', async () => {
    const { alice, bob } = await aliceToBob();
    const first = bob.tracks.get('camera');

    // Bob signs in again (new session 'sb2'): a fresh transport on his side offers to alice.
    bob.transport.close();
    const bob2 = end('bob');
    cleanup.push(() => bob2.transport.close());
    wire(alice, 'sa', bob2, 'sb2', ['alice', 'bob']);
    bob2.transport.connect({ userId: 'alice', sessionId: 'sa', receiveOnly: false });
    await until(() => bob2.tracks.has('camera'), 'second link');
    expect(bob2.tracks.get('camera')).to.not.equal(first);
    await framesArrive(new MediaStream([bob2.tracks.get('camera')!]));
  });

  for (const state of ['failed', 'disconnected'] as const) {
    it(`restarts ICE when a link goes ${state}, and media keeps flowing`, async () => {
      const recorder = recordPeerConnections();
      cleanup.push(recorder.restore);
      const { bob } = await aliceToBob();
      await framesArrive(new MediaStream([bob.tracks.get('camera')!]));
      const [bobsLink, alicesLink] = recorder.created;
      await until(() => alicesLink.connectionState === 'connected', 'alice connected');
      const before = iceUfrag(alicesLink.localDescription);

      const restore = reportState(alicesLink, state); // 'disconnected' waits a couple of seconds before restarting
      cleanup.push(restore);
      await until(() => iceUfrag(alicesLink.localDescription) !== before && iceUfrag(bobsLink.remoteDescription) !== before, 'new ICE credentials on both sides');
      restore();
      await until(() => alicesLink.connectionState === 'connected', 'reconnected');
      await framesArrive(new MediaStream([bob.tracks.get('camera')!]));
    });
  }

  describe('across a rejoin (the server restarted: everyone has a new session)', () => {
    /** Relays as the server would, stamping each sender's current session; `ends` and `sessions` may change. */
    function switchboard(ends: Record<string, End>, sessions: Record<string, string>) {
      const answers: Record<string, number> = {};
      const attach = (id: string) => ends[id].transport.on('signal', ({ to, payload }) => {
        if (payload.description?.type === 'offer') ends[id].offers++;
        if (payload.description?.type === 'answer') answers[id] = (answers[id] ?? 0) + 1;
        const session = sessions[id];
        setTimeout(() => ends[to]?.transport.handleSignal({ userId: id, sessionId: session, receiveOnly: ends[id].knownAsReceiveOnly }, payload), 0);
      });
      return { attach, answers };
    }

    it('keeps the link, media and all, when both come back: one offers on it, the other answers on it', async () => {
      const recorder = recordPeerConnections();
      cleanup.push(recorder.restore);
      const alice = end('alice');
      const bob = end('bob');
      const a = await capture();
      cleanup.push(() => [alice, bob].forEach((e) => e.transport.close()), () => [a.camera, a.microphone].forEach((x) => x.stop()));
      await alice.transport.setLocalTrack('camera', a.camera);
      const sessions = { alice: 'sa', bob: 'sb' };
      const board = switchboard({ alice, bob }, sessions);
      board.attach('alice');
      board.attach('bob');
      bob.transport.connect({ userId: 'alice', sessionId: 'sa', receiveOnly: false });
      await until(() => bob.tracks.has('camera'), 'first link');
      const track = bob.tracks.get('camera');

      // Alice is back first and keeps bob's link; bob comes back and offers on his.
      Object.assign(sessions, { alice: 'sa2', bob: 'sb2' });
      expect(alice.transport.reattach({ userId: 'bob', sessionId: 'sb2', receiveOnly: false })).to.equal(true);
      expect(bob.transport.reattach({ userId: 'alice', sessionId: 'sa2', receiveOnly: false })).to.equal(true);
      const offers = bob.offers;
      bob.transport.renegotiate('alice');
      await until(() => bob.offers > offers && (board.answers.alice ?? 0) >= 2, 'the offer on the kept link answered');
      await until(() => recorder.created.every((pc) => pc.signalingState === 'stable'), 'negotiation done');
      expect(recorder.created, 'no new peer connection').to.have.length(2);
      expect(bob.tracks.get('camera'), 'the same remote track').to.equal(track);
      await framesArrive(new MediaStream([track!]));
    });

    it('starts over when the other end is a new connection (their page reloaded meanwhile)', async () => {
      const alice = end('alice');
      const bob = end('bob');
      const a = await capture();
      cleanup.push(() => [alice, bob].forEach((e) => e.transport.close()), () => [a.camera, a.microphone].forEach((x) => x.stop()));
      await alice.transport.setLocalTrack('camera', a.camera);
      const sessions = { alice: 'sa', bob: 'sb' };
      const ends: Record<string, End> = { alice, bob };
      const board = switchboard(ends, sessions);
      board.attach('alice');
      board.attach('bob');
      bob.transport.connect({ userId: 'alice', sessionId: 'sa', receiveOnly: false });
      await until(() => bob.tracks.has('camera'), 'first link');
      const first = bob.tracks.get('camera');

      // Alice kept bob's link through her rejoin; the bob who comes back is a new page with a new connection.
      bob.transport.close();
      const bob2 = end('bob');
      cleanup.push(() => bob2.transport.close());
      ends.bob = bob2;
      Object.assign(sessions, { alice: 'sa2', bob: 'sb2' });
      board.attach('bob');
      alice.transport.reattach({ userId: 'bob', sessionId: 'sb2', receiveOnly: false });
      bob2.transport.connect({ userId: 'alice', sessionId: 'sa2', receiveOnly: false });
      await until(() => bob2.tracks.has('camera'), 'a link to the new connection');
      expect(bob2.tracks.get('camera')).to.not.equal(first);
      await framesArrive(new MediaStream([bob2.tracks.get('camera')!]));
    });

    it('starts over when it offers on a kept link the other end had closed', async () => {
      const recorder = recordPeerConnections();
      cleanup.push(recorder.restore);
      const alice = end('alice');
      const bob = end('bob');
      const a = await capture();
      cleanup.push(() => [alice, bob].forEach((e) => e.transport.close()), () => [a.camera, a.microphone].forEach((x) => x.stop()));
      await alice.transport.setLocalTrack('camera', a.camera);
      const sessions = { alice: 'sa', bob: 'sb' };
      const board = switchboard({ alice, bob }, sessions);
      board.attach('alice');
      board.attach('bob');
      alice.transport.connect({ userId: 'bob', sessionId: 'sb', receiveOnly: false });
      await until(() => bob.tracks.has('camera'), 'first link');
      const first = bob.tracks.get('camera');

      // Bob let alice go (closed his end); alice, back under a new session, offers on the link she kept.
      bob.transport.disconnect('alice');
      sessions.alice = 'sa2';
      alice.transport.renegotiate('bob');
      // Bob answers from a new connection; alice sees the answer is not from her old peer and offers anew.
      const [alicesOld] = recorder.created;
      await until(() => {
        const connected = recorder.created.filter((pc) => pc.connectionState === 'connected');
        return connected.length === 2 && !connected.includes(alicesOld) && alicesOld.connectionState === 'closed';
      }, 'a new link');
      expect(bob.tracks.get('camera')).to.not.equal(first);
      await framesArrive(new MediaStream([bob.tracks.get('camera')!]));
    });
  });
});
