/** Full mesh: one RTCPeerConnection per remote participant. Fine for 2-6 people. */
import { Emitter } from '../emitter.js';
import type { SignalPayload } from '../../protocol/model.js';
import type { TrackSource } from '../types.js';
import { applyBrowserShims } from './browser-shims.js';
import { PeerSession } from './peer-session.js';
import type { PeerStatsReport, RemotePeer, Transport, TransportEvents } from './transport.js';

export interface MeshTransportOptions {
  localUserId: string;
  /** We are a viewer: receive only. */
  receiveOnly: boolean;
  iceServers: RTCIceServer[];
  cameraEncoding: () => RTCRtpEncodingParameters;
  log?: (message: string) => void;
}

interface PeerEntry {
  session: PeerSession;
  /** Signals for this participant are applied one after the other. */
  chain: Promise<unknown>;
  remoteTracks: Map<TrackSource, MediaStreamTrack>;
}

export class MeshTransport extends Emitter<TransportEvents> implements Transport {
  readonly #options: MeshTransportOptions;
  readonly #peers = new Map<string, PeerEntry>();
  readonly #tracks: Record<TrackSource, MediaStreamTrack | null> = { microphone: null, camera: null, screen: null };
  readonly #streams: Record<TrackSource, MediaStream>;
  #closed = false;

  constructor(options: MeshTransportOptions) {
    super();
    applyBrowserShims();
    this.#options = options;
    const cameraAndMicrophone = new MediaStream();
    this.#streams = { microphone: cameraAndMicrophone, camera: cameraAndMicrophone, screen: new MediaStream() };
  }

  async setLocalTrack(source: TrackSource, track: MediaStreamTrack | null): Promise<void> {
    this.#tracks[source] = track;
    await Promise.all([...this.#peers.values()].map((peer) => peer.session.setTrack(source)));
  }

  async setCameraEncoding(): Promise<void> {
    await Promise.all([...this.#peers.values()].map((peer) => peer.session.setCameraEncoding()));
  }

  connect(peer: RemotePeer): void {
    if (this.#closed || (peer.receiveOnly && this.#options.receiveOnly)) return;
    this.disconnect(peer.userId);
    this.#peers.set(peer.userId, this.#entry(peer, true));
  }

  reattach(peer: RemotePeer): boolean {
    const entry = this.#peers.get(peer.userId);
    if (this.#closed || !entry) return false;
    entry.session.rebind(peer.sessionId);
    return true;
  }

  renegotiate(userId: string): void {
    const entry = this.#peers.get(userId);
    if (entry) entry.chain = entry.chain.then(() => entry.session.renegotiate());
  }

  disconnect(userId: string): void {
    const entry = this.#peers.get(userId);
    if (!entry) return;
    this.#peers.delete(userId);
    this.#closeEntry(entry);
  }

  handleSignal(remote: RemotePeer, payload: SignalPayload): void {
    if (this.#closed) return;
    const { userId: from, sessionId: fromSession } = remote;
    let entry = this.#peers.get(from);
    const isOffer = payload.description?.type === 'offer';
    if (entry && entry.session.remote.sessionId !== fromSession) {
      // A newer session of the same user (signed in again): its offer starts a new link.
      if (!isOffer) return;
      this.disconnect(from);
      entry = undefined;
    }
    if (!entry) {
      if (!isOffer) return; // late candidates of a link already closed
      entry = this.#entry(remote, false);
      this.#peers.set(from, entry);
    }
    // Look the session up when the signal's turn comes: an offer before it may have replaced it.
    const apply = async () => {
      const current = this.#peers.get(from);
      if (!current || current.session.remote.sessionId !== fromSession) return;
      const outcome = await current.session.handleSignal(payload);
      if (outcome === 'handled' || this.#peers.get(from) !== current) return;
      // `recreate` answers this offer on a fresh connection; `reoffer` makes a fresh offer of our own.
      const fresh = this.#entry(current.session.remote, outcome === 'reoffer');
      fresh.chain = current.chain;
      this.#peers.set(from, fresh);
      this.#closeEntry(current);
      if (outcome === 'recreate') await fresh.session.handleSignal(payload);
    };
    entry.chain = entry.chain
      .then(apply)
      .catch((error: unknown) => this.#options.log?.(`[peer ${from}] signal failed: ${String(error)}`));
  }

  async getStats(): Promise<ReadonlyMap<string, PeerStatsReport>> {
    const entries = await Promise.all(
      [...this.#peers].map(async ([userId, peer]) => [userId, await peer.session.getStats()] as const),
    );
    return new Map(entries);
  }

  audioLevels(): ReadonlyMap<string, number> {
    return new Map([...this.#peers].map(([userId, peer]) => [userId, peer.session.audioLevel()]));
  }

  close(): void {
    this.#closed = true;
    for (const userId of [...this.#peers.keys()]) this.disconnect(userId);
  }

  #entry(remote: RemotePeer, initiator: boolean): PeerEntry {
    const { localUserId, receiveOnly, iceServers, cameraEncoding, log } = this.#options;
    const remoteTracks = new Map<TrackSource, MediaStreamTrack>();
    const entry: PeerEntry = { chain: Promise.resolve(), remoteTracks, session: null! };
    entry.session = new PeerSession({
      remote,
      polite: localUserId < remote.userId,
      initiator,
      receiveOnly,
      configuration: { iceServers, bundlePolicy: 'max-bundle' },
      localTrack: (source) => this.#tracks[source],
      localStreams: this.#streams,
      cameraEncoding,
      send: (payload) => this.emit('signal', { to: remote.userId, payload }),
      onTrack: (source, track) => {
        if (this.#peers.get(remote.userId) !== entry || remoteTracks.get(source) === track) return;
        remoteTracks.set(source, track);
        this.emit('track-added', { userId: remote.userId, source, track });
      },
      onLinkState: (state) => {
        if (this.#peers.get(remote.userId) === entry) this.emit('link-state', { userId: remote.userId, state });
      },
      log,
    });
    return entry;
  }

  #closeEntry(entry: PeerEntry): void {
    entry.session.close();
    const { userId } = entry.session.remote;
    for (const [source, track] of entry.remoteTracks) this.emit('track-removed', { userId, source, track });
    entry.remoteTracks.clear();
    if (!this.#peers.has(userId)) this.emit('link-state', { userId, state: 'closed' });
  }
}
