/**
 * One RTCPeerConnection to one remote participant, negotiated with the "perfect negotiation"
 * pattern (MDN). Transceivers are fixed: audio (microphone), video (camera), video (screen), audio
 * (the screen's sound), created by the offerer and adopted by the answerer, so every remote track's source is its m-line index and
 * turning the camera or the screen on and off is a `replaceTrack`, never a renegotiation.
 */
import { DEFAULTS } from '../defaults.js';
import type { SignalPayload } from '../../protocol/model.js';
import type { LinkState, TrackSource } from '../types.js';
import { encodingForView, type ViewSize } from '../media/view-layer.js';
import type { PeerStatsReport, RemotePeer } from './transport.js';

export const SOURCES: readonly TrackSource[] = ['microphone', 'camera', 'screen', 'screen-audio'];
const KINDS: Record<TrackSource, 'audio' | 'video'> = { microphone: 'audio', camera: 'video', screen: 'video', 'screen-audio': 'audio' };

export interface PeerSessionOptions {
  remote: RemotePeer;
  /** Perfect negotiation: the polite side yields when both offer at once. */
  polite: boolean;
  /** Create the transceivers and make the first offer (we are the newcomer). */
  initiator: boolean;
  /** We are a viewer: receive only. */
  receiveOnly: boolean;
  configuration: RTCConfiguration;
  localTrack: (source: TrackSource) => MediaStreamTrack | null;
  /** Streams that group our tracks for the remote side's msid (camera+microphone, screen and its sound). */
  localStreams: Record<TrackSource, MediaStream>;
  /** The camera's layers, top first (`cameraLayers`); a mesh link sends the one its receiver needs. */
  cameraLayers: () => RTCRtpEncodingParameters[];
  /** The size at which they show our camera (undefined: they never said). */
  remoteView: () => ViewSize | undefined;
  send: (payload: SignalPayload) => void;
  onTrack: (source: TrackSource, track: MediaStreamTrack) => void;
  onLinkState: (state: LinkState) => void;
  log?: (message: string) => void;
}

/**
 * What handling a signal asks of the owner (see `handleSignal`): a fresh answering session
 * (`recreate`), or a fresh offering one (`reoffer`) because the answer came from another connection.
 */
export type SignalOutcome = 'handled' | 'recreate' | 'reoffer';

export class PeerSession {
  #remote: RemotePeer;
  readonly #pc: RTCPeerConnection;
  readonly #options: PeerSessionOptions;
  #makingOffer = false;
  #ignoreOffer = false;
  #adopted = false;
  #closed = false;
  #disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  #offerTimer: ReturnType<typeof setTimeout> | undefined;
  #trackChanges: Promise<void> = Promise.resolve();
  #encodingChanges: Promise<void> = Promise.resolve();

  constructor(options: PeerSessionOptions) {
    this.#options = options;
    this.#remote = options.remote;
    const pc = (this.#pc = new RTCPeerConnection(options.configuration));
    pc.onnegotiationneeded = () => void this.#negotiate();
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return; // end of candidates: not needed, the remote side does not wait for it
      const { sdpMid, sdpMLineIndex, usernameFragment } = candidate;
      options.send({ candidate: { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment } });
    };
    pc.ontrack = ({ transceiver, track }) => {
      // Their role does not send: whatever their description claimed, their media is not ours to show.
      if (this.#remote.receiveOnly) return this.#log('ignored a track from a receive-only participant');
      const source = SOURCES[pc.getTransceivers().indexOf(transceiver)];
      if (source) options.onTrack(source, track);
    };
    pc.onconnectionstatechange = () => this.#linkChanged();

    if (options.initiator) {
      for (const source of SOURCES) {
        const track = options.receiveOnly ? null : options.localTrack(source);
        pc.addTransceiver(track ?? KINDS[source], {
          direction: this.#direction(),
          streams: [options.localStreams[source]],
          sendEncodings: [this.#encodingFor(source)],
        });
      }
      this.#adopted = true;
      // Offer now rather than on `negotiationneeded`, a task later that may queue behind the page's rendering.
      void this.#negotiate();
    }
  }

  /**
   * Apply a description or candidate from the remote side. An offer that reaches an initiator whose
   * own first offer never completed cannot reuse its transceivers: the owner then replaces this
   * session with an answering one (`recreate`), unless we are the impolite side of a collision.
   */
  async handleSignal({ description, candidate }: SignalPayload): Promise<SignalOutcome> {
    const pc = this.#pc;
    if (this.#closed) return 'handled';
    if (description) {
      const isOffer = description.type === 'offer';
      // A description from another connection than the one we negotiated with (the remote side started
      // over, e.g. a reload, or closed its link while we kept ours through a rejoin): this one cannot take it.
      const known = pc.currentRemoteDescription;
      if (known && sdpOrigin(known.sdp) !== sdpOrigin(description.sdp ?? '')) {
        this.#log(`${description.type} from a new connection on their side: starting over`);
        return isOffer ? 'recreate' : 'reoffer';
      }
      const collision = isOffer && (this.#makingOffer || pc.signalingState !== 'stable');
      this.#ignoreOffer = !this.#options.polite && collision;
      if (this.#ignoreOffer) {
        this.#log('ignored a colliding offer (impolite side)');
        return 'handled';
      }
      if (isOffer && this.#options.initiator && !pc.currentRemoteDescription) {
        this.#log('an offer crossed our first one: answering it on a fresh connection');
        return 'recreate';
      }
      if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') {
        this.#log('ignored an answer to an offer already answered');
        return 'handled';
      }
      await pc.setRemoteDescription(description);
      if (isOffer) {
        // Our tracks go onto the offered transceivers in the same breath as the answer: both wait in
        // the connection's operations chain, so the answer needn't wait a task per track first.
        const adopting = this.#adopted ? undefined : this.#adoptTransceivers();
        await pc.setLocalDescription();
        await adopting;
        this.#log('answering an offer');
        this.#sendDescription();
        await this.#applyEncodings();
      } else {
        clearTimeout(this.#offerTimer);
        await this.#applyEncodings();
      }
    } else if (candidate) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        if (!this.#ignoreOffer) this.#log(`candidate refused: ${String(error)}`);
      }
    }
    return 'handled';
  }

  /**
   * Send the current local track of a source. Calls are applied one at a time and each applies the
   * latest track, so quick changes can't finish out of order and leave a stale track on the wire.
   */
  setTrack(source: TrackSource): Promise<void> {
    const run = async () => {
      if (this.#closed || this.#options.receiveOnly) return;
      const sender = this.#pc.getTransceivers()[SOURCES.indexOf(source)]?.sender;
      const track = this.#options.localTrack(source);
      if (sender && sender.track !== track) await sender.replaceTrack(track);
    };
    this.#trackChanges = this.#trackChanges.then(run).catch((error: unknown) => this.#log(`replaceTrack: ${String(error)}`));
    return this.#trackChanges;
  }

  /** Who we talk to; the session id follows them when they rejoin (`rebind`), the connection stays. */
  get remote(): RemotePeer { return this.#remote; }

  /** They rejoined under a new session: keep this connection and address it to that session. */
  rebind(sessionId: string): void {
    this.#remote = { ...this.#remote, sessionId };
  }

  /**
   * Offer again on this connection, changing nothing: a remote side that still holds its end answers on
   * it and media never stops; one that started over answers from a new connection (`reoffer` follows).
   */
  renegotiate(): void {
    if (this.#closed || !this.#pc.currentRemoteDescription || this.#pc.signalingState !== 'stable') return;
    void this.#negotiate();
  }

  /** Apply the camera's encoding again: the profile, the captured size or their view of it changed. */
  async setCameraEncoding(): Promise<void> {
    await this.#applyEncodings();
  }

  /** The last audio level heard from them (0..1), 0 when silent for a while. */
  audioLevel(): number {
    const receiver = this.#pc.getTransceivers()[0]?.receiver;
    return receiver?.getSynchronizationSources?.()[0]?.audioLevel ?? 0;
  }

  async getStats(): Promise<PeerStatsReport> {
    const sources = new Map<string, TrackSource>();
    this.#pc.getTransceivers().forEach((t, i) => {
      if (t.mid !== null && SOURCES[i]) sources.set(t.mid, SOURCES[i]);
    });
    return { report: await this.#pc.getStats(), sources, askedBitrate: this.#askedBitrate() };
  }

  /** What we ask this link to carry: the layer chosen for its receiver, not the profile's top (see `PeerStatsReport`). */
  #askedBitrate(): number {
    const { localTrack, receiveOnly } = this.#options;
    if (receiveOnly) return 0;
    let asked = localTrack('microphone') ? DEFAULTS.microphoneAimBps : 0;
    for (const source of ['camera', 'screen'] as const) {
      if (!localTrack(source)) continue;
      const encoding = this.#encodingFor(source);
      // Paused: the link says nothing about what the network lets our camera send.
      if (encoding.active === false) return 0;
      asked += encoding.maxBitrate ?? 0;
    }
    return asked;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#disconnectedTimer);
    clearTimeout(this.#offerTimer);
    this.#pc.onnegotiationneeded = this.#pc.onicecandidate = this.#pc.ontrack = null;
    this.#pc.onconnectionstatechange = null;
    this.#pc.close();
    this.#options.onLinkState('closed');
  }

  async #negotiate(): Promise<void> {
    // The first offer went out from the constructor: the `negotiationneeded` that follows is the same one.
    if (this.#closed || this.#makingOffer || this.#pc.signalingState !== 'stable') return;
    try {
      this.#makingOffer = true;
      await this.#pc.setLocalDescription();
      this.#log('sending an offer');
      this.#sendDescription();
      this.#armOfferResend();
    } catch (error) {
      this.#log(`offer failed: ${String(error)}`);
    } finally {
      this.#makingOffer = false;
    }
  }

  /** The answerer takes the offerer's transceivers as they are: one per source, in order. */
  async #adoptTransceivers(): Promise<void> {
    this.#adopted = true;
    const { receiveOnly, localTrack, localStreams } = this.#options;
    const transceivers = this.#pc.getTransceivers();
    await Promise.all(SOURCES.map(async (source, index) => {
      const transceiver = transceivers[index];
      if (!transceiver) return;
      transceiver.direction = this.#direction();
      if (receiveOnly) return;
      transceiver.sender.setStreams?.(localStreams[source]);
      await transceiver.sender.replaceTrack(localTrack(source));
    }));
  }

  /** Receive only as a viewer; send only to a viewer (nothing comes back from one). */
  #direction(): RTCRtpTransceiverDirection {
    if (this.#options.receiveOnly) return 'recvonly';
    return this.#remote.receiveOnly ? 'sendonly' : 'sendrecv';
  }

  #sendDescription(): void {
    const local = this.#pc.localDescription;
    if (local) this.#options.send({ description: { type: local.type, sdp: local.sdp } });
  }

  /** An offer may be lost (a resume whose replay ran out); send it again until it is answered. */
  #armOfferResend(): void {
    clearTimeout(this.#offerTimer);
    this.#offerTimer = setTimeout(() => {
      if (this.#closed || this.#pc.signalingState !== 'have-local-offer') return;
      this.#log('offer unanswered: sending it again');
      this.#sendDescription();
      this.#armOfferResend();
    }, DEFAULTS.offerResendMs);
  }

  #encodingFor(source: TrackSource): RTCRtpEncodingParameters {
    if (source === 'camera') {
      const { cameraLayers, localTrack, remoteView } = this.#options;
      return encodingForView(cameraLayers(), localTrack('camera')?.getSettings(), remoteView());
    }
    if (source === 'screen') return { maxBitrate: DEFAULTS.screen.maxBitrate, maxFramerate: DEFAULTS.screen.maxFramerate };
    return {};
  }

  /** One at a time: a `setParameters` started on parameters read before another finished would be refused. */
  #applyEncodings(): Promise<void> {
    this.#encodingChanges = this.#encodingChanges.then(() => this.#applyEncodingsNow());
    return this.#encodingChanges;
  }

  async #applyEncodingsNow(): Promise<void> {
    if (this.#options.receiveOnly || this.#closed) return;
    const transceivers = this.#pc.getTransceivers();
    for (const source of ['camera', 'screen'] as const) {
      const sender = transceivers[SOURCES.indexOf(source)]?.sender;
      if (!sender) continue;
      const parameters = sender.getParameters();
      const current = parameters.encodings?.[0];
      const wanted = this.#encodingFor(source);
      // Only when something differs: reconfiguring the encoder as media starts would delay the first frame.
      if (!current || Object.entries(wanted).every(([key, value]) => current[key as keyof RTCRtpEncodingParameters] === value)) continue;
      parameters.encodings[0] = { ...current, ...wanted };
      await sender.setParameters(parameters).catch((error: unknown) => this.#log(`setParameters: ${String(error)}`));
    }
  }

  #linkChanged(): void {
    const state = this.#pc.connectionState as LinkState;
    this.#options.onLinkState(state);
    clearTimeout(this.#disconnectedTimer);
    if (state === 'failed') {
      this.#log('connection failed: restarting ICE');
      this.#pc.restartIce();
    } else if (state === 'disconnected') {
      this.#disconnectedTimer = setTimeout(() => {
        if (this.#pc.connectionState !== 'disconnected') return;
        this.#log('still disconnected: restarting ICE');
        this.#pc.restartIce();
      }, DEFAULTS.iceRestartAfterDisconnectedMs);
    }
  }

  #log(message: string): void {
    this.#options.log?.(`[peer ${this.remote.userId}] ${message}`);
  }
}

/** The `o=` line's session id: the same for every description one RTCPeerConnection makes (RFC 8866 §5.2). */
function sdpOrigin(sdp: string): string {
  return /^o=\S+ (\S+)/m.exec(sdp)?.[1] ?? '';
}
