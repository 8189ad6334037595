/**
 * Through the media server (Janus): one connection sends our microphone, camera and screen to it, one
 * receives everyone else's streams, renegotiated by the server as people start and stop sending. Our
 * server relays the descriptions (`sfu-publish`, `sfu-offer`, `sfu-answer`); Janus's ids never reach us.
 * Descriptions go out with their candidates gathered (Janus does not wait for trickled ones).
 */
import { Emitter } from '../emitter.js';
import { DEFAULTS } from '../defaults.js';
import type { SfuStream, SignalPayload } from '../../protocol/model.js';
import type { LinkState, TrackSource, TransportState } from '../types.js';
import { meshState } from './transport-state.js';
import { applyBrowserShims } from './browser-shims.js';
import { ViewReports } from './view-reports.js';
import type { ViewSize } from '../media/view-layer.js';
import type { PeerStatsReport, RemotePeer, Transport, TransportEvents } from './transport.js';

const SOURCES: readonly TrackSource[] = ['microphone', 'camera', 'screen'];
const KINDS: Record<TrackSource, 'audio' | 'video'> = { microphone: 'audio', camera: 'video', screen: 'video' };
/** Longest wait for candidates before a description goes out with those found so far. */
const GATHER_TIMEOUT_MS = 3000;
/** A level that counts as speech to the active-speaker detector (0.02), and one that does not. */
const SPEAKING_LEVEL = 0.1;
const SILENT_LEVEL = 0.01;
/** How often the sending connection's stats are read to learn which camera layers really go out. */
const LAYER_WATCH_MS = 2000;

/** How the transport reaches the media server: through our own signaling socket. */
export interface SfuSignaling {
  /** Our sending connection's offer and each mid's source; resolves with the media server's answer. */
  publish(sdp: string, sources: Record<string, TrackSource>): Promise<string>;
  /** Our receiving connection's answer to the last offer. */
  answer(sdp: string): void;
  /** We show `userId`'s camera at this size in device pixels (0 × 0: not shown): Janus picks the layer. */
  view(userId: string, size: ViewSize): void;
  /** The sizes of the camera layers we send, top first. */
  layers(layers: ViewSize[]): void;
}

export interface SfuTransportOptions {
  /** We are a viewer: no sending connection at all. */
  receiveOnly: boolean;
  iceServers: RTCIceServer[];
  /** The camera's layers, best first: all of them go to the media server (simulcast). */
  cameraLayers: () => RTCRtpEncodingParameters[];
  signaling: SfuSignaling;
  log?: (message: string) => void;
}

interface Received {
  userId: string;
  source: TrackSource;
  track: MediaStreamTrack;
}

export class SfuTransport extends Emitter<TransportEvents> implements Transport {
  readonly #options: SfuTransportOptions;
  readonly #tracks: Record<TrackSource, MediaStreamTrack | null> = { microphone: null, camera: null, screen: null };
  readonly #streams: Record<TrackSource, MediaStream>;
  readonly #peers = new Map<string, RemotePeer>();
  /** What the receiving connection carries now, by mid (the server's last offer said so). */
  #received = new Map<string, Received>();
  #publisher: RTCPeerConnection | null = null;
  #subscriber: RTCPeerConnection | null = null;
  /** Offers are answered one after the other, in the order they came. */
  #offers: Promise<void> = Promise.resolve();
  #closed = false;
  #state: TransportState = 'connecting';
  /** What we show of each sender's camera, told to the server once it holds still. */
  readonly #views: ViewReports;
  /** The layer sizes last told (`w×h,…`), so only changes go out. */
  #layersSent = '';
  /** How many camera layers really go out (the browser drops the lowest of a small picture), from stats. */
  #layersGoingOut = 0;
  #layerWatch: ReturnType<typeof setInterval> | undefined;
  /** Janus's verdict per person: talking or not (absent: it said nothing yet). */
  readonly #speaking = new Map<string, boolean>();

  constructor(options: SfuTransportOptions) {
    super();
    applyBrowserShims();
    this.#options = options;
    this.#views = new ViewReports((userId, view) => options.signaling.view(userId, { width: view.width, height: view.height }));
    const cameraAndMicrophone = new MediaStream();
    this.#streams = { microphone: cameraAndMicrophone, camera: cameraAndMicrophone, screen: new MediaStream() };
    // A task later: the owner sets its local tracks first, so the first offer already carries them.
    if (!options.receiveOnly) queueMicrotask(() => void this.#publish());
  }

  /** Both connections, the sending one and the receiving one, as one state (the worst of them). */
  get state(): TransportState {
    return this.#state;
  }

  /** The media server sends us the camera layer that fits (a screen share always comes whole). */
  setViewSize(userId: string, source: 'camera' | 'screen', size: ViewSize | null): void {
    if (source === 'camera') this.#views.set(userId, size);
  }

  async setLocalTrack(source: TrackSource, track: MediaStreamTrack | null): Promise<void> {
    this.#tracks[source] = track;
    if (source === 'camera') this.#tellLayers();
    const sender = this.#publisher?.getTransceivers()[SOURCES.indexOf(source)]?.sender;
    if (sender && sender.track !== track) await sender.replaceTrack(track).catch((error: unknown) => this.#log(`replaceTrack: ${String(error)}`));
  }

  /** Every layer takes the profile's limits again; rids stay (a negotiated layer cannot be renamed). */
  async setCameraEncoding(): Promise<void> {
    this.#tellLayers();
    const sender = this.#publisher?.getTransceivers()[SOURCES.indexOf('camera')]?.sender;
    if (!sender) return;
    const parameters = sender.getParameters();
    if (!parameters.encodings?.length) return;
    const layers = this.#options.cameraLayers();
    parameters.encodings = parameters.encodings.map((encoding, index) => {
      const { rid: _rid, ...limits } = layers[index] ?? layers[layers.length - 1] ?? {};
      return { ...encoding, ...limits };
    });
    await sender.setParameters(parameters).catch((error: unknown) => this.#log(`setParameters: ${String(error)}`));
  }

  /** Someone was in the room before us: their streams come when the server's offer carries them. */
  connect(peer: RemotePeer): void {
    if (this.#closed) return;
    this.#peers.set(peer.userId, peer);
    this.emit('link-state', { userId: peer.userId, state: this.#linkState() });
  }

  reattach(peer: RemotePeer): boolean {
    if (this.#closed || !this.#peers.has(peer.userId)) return false;
    this.#peers.set(peer.userId, peer);
    return true;
  }

  /** Nothing to do: the media server, not the other person, holds our links. */
  renegotiate(): void {}

  disconnect(userId: string): void {
    this.#speaking.delete(userId);
    if (!this.#peers.delete(userId)) return;
    for (const [mid, received] of this.#received) {
      if (received.userId !== userId) continue;
      this.#received.delete(mid);
      this.emit('track-removed', received);
    }
    this.emit('link-state', { userId, state: 'closed' });
  }

  /** Peer-to-peer signaling has no place in an SFU room. */
  handleSignal(_from: RemotePeer, _payload: SignalPayload): void {}

  /** The server's offer for our receiving connection, with whose stream each mid carries. */
  handleOffer(sdp: string, streams: SfuStream[]): void {
    this.#offers = this.#offers
      .then(() => this.#answer(sdp, streams))
      .catch((error: unknown) => this.#log(`answering the media server failed: ${String(error)}`));
  }

  async getStats(): Promise<ReadonlyMap<string, PeerStatsReport>> {
    const subscriber = this.#subscriber;
    if (!subscriber) return new Map();
    const report = await subscriber.getStats();
    const byUser = new Map<string, Map<string, TrackSource>>();
    for (const [mid, { userId, source }] of this.#received) {
      const sources = byUser.get(userId) ?? new Map<string, TrackSource>();
      sources.set(mid, source);
      byUser.set(userId, sources);
    }
    // One connection carries everyone: each person's report keeps only their own RTP streams (and the
    // shared entries: codecs, the candidate pair), so nothing is counted once per person.
    return new Map([...byUser].map(([userId, sources]) => [userId, { report: streamsOf(report, sources), sources }]));
  }

  /** The sending connection's streams: the camera once per simulcast layer, as the media server gets them. */
  async getSendStats(): Promise<PeerStatsReport | null> {
    const publisher = this.#publisher;
    if (!publisher) return null;
    const sources = new Map<string, TrackSource>();
    publisher.getTransceivers().forEach((transceiver, index) => {
      if (transceiver.mid !== null) sources.set(transceiver.mid, SOURCES[index]);
    });
    return { report: await publisher.getStats(), sources };
  }

  /**
   * Levels as received, bent to Janus's verdict where it gave one (`setSpeaking`): someone it hears
   * talking counts as speaking, someone it found silent does not, so the engine's own hysteresis
   * picks the active speaker from what the media server heard.
   */
  audioLevels(): ReadonlyMap<string, number> {
    const levels = new Map<string, number>();
    const transceivers = this.#subscriber?.getTransceivers() ?? [];
    for (const transceiver of transceivers) {
      const received = transceiver.mid !== null ? this.#received.get(transceiver.mid) : undefined;
      if (received?.source !== 'microphone') continue;
      const level = transceiver.receiver.getSynchronizationSources?.()[0]?.audioLevel ?? 0;
      const verdict = this.#speaking.get(received.userId);
      levels.set(received.userId, verdict === undefined ? level : verdict ? Math.max(level, SPEAKING_LEVEL) : Math.min(level, SILENT_LEVEL));
    }
    return levels;
  }

  /** The media server heard `userId` start or stop talking. */
  setSpeaking(userId: string, speaking: boolean): void {
    this.#speaking.set(userId, speaking);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#views.close();
    clearInterval(this.#layerWatch);
    for (const userId of [...this.#peers.keys()]) this.disconnect(userId);
    for (const pc of [this.#publisher, this.#subscriber]) {
      if (!pc) continue;
      pc.onconnectionstatechange = null;
      pc.close();
    }
    this.#publisher = this.#subscriber = null;
    this.#updateState();
  }

  async #publish(): Promise<void> {
    if (this.#closed) return;
    const pc = (this.#publisher = new RTCPeerConnection({ iceServers: this.#options.iceServers, bundlePolicy: 'max-bundle' }));
    for (const source of SOURCES) {
      pc.addTransceiver(this.#tracks[source] ?? KINDS[source], {
        direction: 'sendonly',
        streams: [this.#streams[source]],
        sendEncodings: this.#encodingsFor(source),
      });
    }
    pc.onconnectionstatechange = () => {
      this.#log(`sending connection ${pc.connectionState}`);
      this.#updateState();
    };
    try {
      await pc.setLocalDescription();
      await gathered(pc);
      const sources: Record<string, TrackSource> = {};
      pc.getTransceivers().forEach((transceiver, index) => {
        if (transceiver.mid !== null) sources[transceiver.mid] = SOURCES[index];
      });
      const answer = await this.#options.signaling.publish(pc.localDescription!.sdp, sources);
      if (this.#closed) return;
      await pc.setRemoteDescription({ type: 'answer', sdp: answer });
      // Tracks set while the offer was out go on now.
      await Promise.all(SOURCES.map((source) => this.setLocalTrack(source, this.#tracks[source])));
      this.#watchLayers();
      this.#log('publishing to the media server');
    } catch (error) {
      this.#log(`publishing failed: ${String(error)}`);
    }
  }

  async #answer(sdp: string, streams: SfuStream[]): Promise<void> {
    if (this.#closed) return;
    let pc = this.#subscriber;
    if (!pc) {
      pc = this.#subscriber = new RTCPeerConnection({ iceServers: this.#options.iceServers, bundlePolicy: 'max-bundle' });
      const subscriber = pc;
      subscriber.onconnectionstatechange = () => {
        for (const userId of this.#peers.keys()) this.emit('link-state', { userId, state: this.#linkState() });
        this.#updateState();
      };
    }
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription();
    await gathered(pc);
    if (this.#closed) return;
    this.#options.signaling.answer(pc.localDescription!.sdp);
    this.#update(pc, streams);
  }

  /** Tells the owner which tracks came and went with this offer. */
  #update(pc: RTCPeerConnection, streams: SfuStream[]): void {
    const next = new Map<string, Received>();
    const byMid = new Map(pc.getTransceivers().filter((t) => t.mid !== null).map((t) => [t.mid!, t.receiver.track]));
    for (const { mid, userId, source } of streams) {
      const track = byMid.get(mid);
      if (track) next.set(mid, { userId, source, track });
    }
    const same = (a: Received | undefined, b: Received) => !!a && a.userId === b.userId && a.source === b.source && a.track === b.track;
    for (const [mid, before] of this.#received) {
      if (!same(next.get(mid), before)) this.emit('track-removed', before);
    }
    const previous = this.#received;
    this.#received = next;
    for (const [mid, now] of next) {
      if (same(previous.get(mid), now)) continue;
      // People who joined after us were never `connect`ed (nobody offers in an SFU room): the server's offer names them.
      this.#peers.set(now.userId, this.#peers.get(now.userId) ?? { userId: now.userId, sessionId: '', receiveOnly: false });
      this.emit('track-added', now);
    }
  }

  #linkState(): LinkState {
    return (this.#subscriber?.connectionState as LinkState | undefined) ?? 'new';
  }

  #updateState(): void {
    const links = [this.#publisher, this.#subscriber].filter((pc) => pc !== null).map((pc) => pc.connectionState as LinkState);
    const next = meshState(links, this.#closed);
    if (next === this.#state) return;
    const previous = this.#state;
    this.#state = next;
    this.emit('transport-state', { state: next, previous });
  }

  /** The camera in its simulcast layers (rids h/m/l), the screen whole, the microphone as is. */
  #encodingsFor(source: TrackSource): RTCRtpEncodingParameters[] {
    if (source === 'camera') return this.#options.cameraLayers();
    if (source === 'screen') return [{ maxBitrate: DEFAULTS.screen.maxBitrate, maxFramerate: DEFAULTS.screen.maxFramerate }];
    return [{}];
  }

  /**
   * The browser sends fewer layers than asked of a small picture (Chromium: 3 from 960 × 540, 2 from
   * 480 × 270, else 1), so the sending connection's stats say which go out: the top one down to the
   * lowest that sent anything. A layer Janus was asked for that never comes would leave a tile black.
   */
  #watchLayers(): void {
    clearInterval(this.#layerWatch);
    const look = async () => {
      const publisher = this.#publisher;
      if (!publisher || this.#closed) return;
      const rids = this.#options.cameraLayers().map((layer) => layer.rid);
      let lowest = -1;
      for (const entry of (await publisher.getStats()).values() as IterableIterator<Record<string, unknown>>) {
        if (entry.type !== 'outbound-rtp' || !Number(entry.bytesSent)) continue;
        lowest = Math.max(lowest, rids.indexOf(entry.rid as string | undefined));
      }
      this.#layersGoingOut = lowest + 1;
      this.#tellLayers();
    };
    this.#layerWatch = setInterval(() => void look().catch(() => undefined), LAYER_WATCH_MS);
    void look().catch(() => undefined);
  }

  /** The server matches subscribers' tiles against our layers' sizes: tell it when they change. */
  #tellLayers(): void {
    if (this.#options.receiveOnly || !this.#publisher?.remoteDescription || this.#closed) return;
    const settings = this.#tracks.camera?.getSettings();
    if (!settings?.width || !settings.height || !this.#layersGoingOut) return;
    const { width, height } = settings;
    const layers = this.#options.cameraLayers().slice(0, this.#layersGoingOut).map((layer) => {
      const scale = Math.max(layer.scaleResolutionDownBy ?? 1, 1);
      return { width: Math.round(width / scale), height: Math.round(height / scale) };
    });
    const key = layers.map((l) => `${l.width}x${l.height}`).join(',');
    if (key === this.#layersSent) return;
    this.#layersSent = key;
    this.#options.signaling.layers(layers);
  }

  #log(message: string): void {
    this.#options.log?.(`[sfu] ${message}`);
  }
}

/** `report` without the RTP streams of mids outside `sources`. */
function streamsOf(report: RTCStatsReport, sources: ReadonlyMap<string, TrackSource>): RTCStatsReport {
  const kept = new Map<string, unknown>();
  report.forEach((entry: { type: string; mid?: string }, id: string) => {
    const rtp = entry.type === 'inbound-rtp' || entry.type === 'outbound-rtp';
    if (!rtp || (entry.mid !== undefined && sources.has(entry.mid))) kept.set(id, entry);
  });
  return kept as unknown as RTCStatsReport;
}

/** Resolves once the connection has gathered its candidates, or after GATHER_TIMEOUT_MS with what it has. */
function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, GATHER_TIMEOUT_MS);
    pc.addEventListener('icegatheringstatechange', check);
  });
}
