/** Full mesh: one RTCPeerConnection per remote participant. Fine for 2-6 people. */
import { Emitter } from '../emitter.js';
import type { SignalPayload, ViewSizeSignal } from '../../protocol/model.js';
import type { LinkState, TrackSource, TransportState } from '../types.js';
import type { ViewSize } from '../media/view-layer.js';
import { applyBrowserShims } from './browser-shims.js';
import { PeerSession } from './peer-session.js';
import type { PeerStatsReport, RemotePeer, Transport, TransportEvents } from './transport.js';
import { meshState } from './transport-state.js';
import { ViewReports } from './view-reports.js';

export interface MeshTransportOptions {
  localUserId: string;
  /** We are a viewer: receive only. */
  receiveOnly: boolean;
  iceServers: RTCIceServer[];
  /** The camera's layers, top first (`cameraLayers`): each link sends the one its receiver needs. */
  cameraLayers: () => RTCRtpEncodingParameters[];
  log?: (message: string) => void;
}

interface PeerEntry {
  session: PeerSession;
  /** Signals for this participant are applied one after the other. */
  chain: Promise<unknown>;
  remoteTracks: Map<TrackSource, MediaStreamTrack>;
  link: LinkState;
}

export class MeshTransport extends Emitter<TransportEvents> implements Transport {
  readonly #options: MeshTransportOptions;
  readonly #peers = new Map<string, PeerEntry>();
  readonly #tracks: Record<TrackSource, MediaStreamTrack | null> = { microphone: null, camera: null, screen: null, 'screen-audio': null };
  readonly #streams: Record<TrackSource, MediaStream>;
  /** How each receiver shows our camera, as it told us. */
  readonly #remoteViews = new Map<string, ViewSize>();
  readonly #viewReports = new ViewReports((to, view) => this.emit('signal', { to, payload: { view } }));
  #state: TransportState = 'connected';
  #closed = false;

  constructor(options: MeshTransportOptions) {
    super();
    applyBrowserShims();
    this.#options = options;
    const cameraAndMicrophone = new MediaStream();
    const screen = new MediaStream();
    this.#streams = { microphone: cameraAndMicrophone, camera: cameraAndMicrophone, screen, 'screen-audio': screen };
  }

  async setLocalTrack(source: TrackSource, track: MediaStreamTrack | null): Promise<void> {
    this.#tracks[source] = track;
    await Promise.all([...this.#peers.values()].map((peer) => peer.session.setTrack(source)));
  }

  async setCameraEncoding(): Promise<void> {
    await Promise.all([...this.#peers.values()].map((peer) => peer.session.setCameraEncoding()));
  }

  setViewSize(userId: string, source: 'camera' | 'screen', size: ViewSize | null): void {
    // A shared screen is sent whole: its text must stay readable at any tile size.
    if (source === 'camera' && !this.#closed) this.#viewReports.set(userId, size);
  }

  get state(): TransportState {
    return this.#state;
  }

  connect(peer: RemotePeer): void {
    if (this.#closed || (peer.receiveOnly && this.#options.receiveOnly)) return;
    this.disconnect(peer.userId);
    this.#peers.set(peer.userId, this.#entry(peer, true));
    this.#updateState();
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
    this.#remoteViews.delete(userId);
    this.#closeEntry(entry);
    this.#updateState();
  }

  handleSignal(remote: RemotePeer, payload: SignalPayload): void {
    if (this.#closed) return;
    const { userId: from, sessionId: fromSession } = remote;
    let entry = this.#peers.get(from);
    if (payload.view) {
      if (entry?.session.remote.sessionId === fromSession) this.#viewFrom(entry, payload.view);
      return;
    }
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
      this.#updateState();
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
      this.#updateState();
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
    this.#viewReports.close();
    for (const userId of [...this.#peers.keys()]) this.disconnect(userId);
    this.#updateState();
  }

  /** A receiver told us how it shows our camera: send it no more than that. */
  #viewFrom(entry: PeerEntry, view: ViewSizeSignal): void {
    if (view.source !== 'camera') return;
    this.#remoteViews.set(entry.session.remote.userId, { width: view.width, height: view.height });
    void entry.session.setCameraEncoding();
  }

  #updateState(): void {
    const state = meshState([...this.#peers.values()].map((peer) => peer.link), this.#closed);
    if (state === this.#state) return;
    const previous = this.#state;
    this.#state = state;
    this.emit('transport-state', { state, previous });
  }

  #entry(remote: RemotePeer, initiator: boolean): PeerEntry {
    const { localUserId, receiveOnly, iceServers, cameraLayers, log } = this.#options;
    const remoteTracks = new Map<TrackSource, MediaStreamTrack>();
    const entry: PeerEntry = { chain: Promise.resolve(), remoteTracks, session: null!, link: 'new' };
    entry.session = new PeerSession({
      remote,
      polite: localUserId < remote.userId,
      initiator,
      receiveOnly,
      configuration: { iceServers, bundlePolicy: 'max-bundle' },
      localTrack: (source) => this.#tracks[source],
      localStreams: this.#streams,
      cameraLayers,
      remoteView: () => this.#remoteViews.get(remote.userId),
      send: (payload) => this.emit('signal', { to: remote.userId, payload }),
      onTrack: (source, track) => {
        if (this.#peers.get(remote.userId) !== entry || remoteTracks.get(source) === track) return;
        remoteTracks.set(source, track);
        this.emit('track-added', { userId: remote.userId, source, track });
      },
      onLinkState: (state) => {
        entry.link = state;
        if (this.#peers.get(remote.userId) !== entry) return;
        this.emit('link-state', { userId: remote.userId, state });
        if (state === 'connected') this.#viewReports.linkUp(remote.userId);
        this.#updateState();
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
