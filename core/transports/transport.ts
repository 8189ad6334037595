/**
 * The media transport seam. RtcClient only speaks in participants and sources; how media travels
 * (a full mesh of peer connections now, a Janus SFU later) stays behind this interface.
 */
import type { Emitter } from '../emitter.js';
import type { SignalPayload } from '../../protocol/model.js';
import type { LinkState, TrackSource, TransportState } from '../types.js';
import type { ViewSize } from '../media/view-layer.js';

export interface RemotePeer {
  userId: string;
  sessionId: string;
  /** A viewer neither sends nor, to another viewer, receives: tracks from it are ignored, whatever its SDP says. */
  receiveOnly: boolean;
}

export interface TransportEvents {
  /** A remote track is available; its source is known from the transport, never guessed from the track. */
  'track-added': { userId: string; source: TrackSource; track: MediaStreamTrack };
  'track-removed': { userId: string; source: TrackSource; track: MediaStreamTrack };
  'link-state': { userId: string; state: LinkState };
  /** The transport as a whole (see `TransportState`); emitted on change only. */
  'transport-state': { state: TransportState; previous: TransportState };
  /** Signaling to relay to a participant through the server. */
  signal: { to: string; payload: SignalPayload };
}

/** What a transport measured for one remote participant: the raw report, and which stats belong to which source. */
export interface PeerStatsReport {
  report: RTCStatsReport;
  /** Source of each RTP stream's `mid`. */
  sources: ReadonlyMap<string, TrackSource>;
}

export interface Transport extends Pick<Emitter<TransportEvents>, 'on' | 'once' | 'off'> {
  /** What we send for a source (null: nothing). Never renegotiates. */
  setLocalTrack(source: TrackSource, track: MediaStreamTrack | null): Promise<void>;
  /** Apply the camera's encoding limits again (the preset or the captured size changed). */
  setCameraEncoding(): Promise<void>;
  /**
   * We show their `source` at this size in device pixels (null: nowhere, or hidden), so they need not
   * send more: the mesh tells the sender, a media server picks the layer. Never called: full quality.
   */
  setViewSize(userId: string, source: 'camera' | 'screen', size: ViewSize | null): void;
  /** The transport's connection state now (see `TransportState`). */
  readonly state: TransportState;
  /** We arrived after them: open the media link. */
  connect(peer: RemotePeer): void;
  /**
   * The same person under a new session (one of us rejoined, e.g. after a server restart): keep the
   * link, media flowing, and address its signaling to the new session. False when there is no link.
   */
  reattach(peer: RemotePeer): boolean;
  /** Negotiate again on the link we have (we rejoined): an answer from a new connection on their side replaces it. */
  renegotiate(userId: string): void;
  /** They left, or a newer session of theirs replaces this one. */
  disconnect(userId: string): void;
  /** A `signal` frame from the server, from `from` (a receive-only one's media is never taken). */
  handleSignal(from: RemotePeer, payload: SignalPayload): void;
  getStats(): Promise<ReadonlyMap<string, PeerStatsReport>>;
  /** sfu2: what a transport sends to a media server (one connection for everyone), when it has one. */
  getSendStats?(): Promise<PeerStatsReport | null>;
  /** Latest received audio level (0..1) per participant. */
  audioLevels(): ReadonlyMap<string, number>;
  close(): void;
}
