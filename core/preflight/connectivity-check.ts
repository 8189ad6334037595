/**
 * `checkConnectivity()`: can this network hold a call with this server? Three steps, each with a
 * plain answer: the signaling socket opens; ICE gathers through the server's STUN and TURN and a
 * loopback pair of peer connections connects (through the TURN relay when there is one, the path
 * calls fall back to); a short data-channel probe over that pair measures the bitrate. The
 * peers' side of a call (their network) is not in it: it says what this browser and network can do.
 */
import { DEFAULTS } from '../defaults.js';
import { apiUrl } from '../dev-token.js';
import { signalingUrl } from '../signaling/signaling-url.js';
import type { WebSocketLike } from '../rtc-client.js';

/** `good`: ready for calls; `slow`: the probe measured less than a camera needs; `no-relay`: the TURN server is unreachable, so strict networks may fail; `no-media`: no media path; `no-signaling`: the server is unreachable. */
export type ConnectivityVerdict = 'good' | 'slow' | 'no-relay' | 'no-media' | 'no-signaling';

export interface ConnectivityReport {
  verdict: ConnectivityVerdict;
  /** The signaling socket opened. */
  signaling: boolean;
  /** How many STUN/TURN servers were tried (the server's plus the options'). */
  iceServers: number;
  /** A server-reflexive candidate came back (null: no STUN server to ask). */
  stun: boolean | null;
  /** A relay candidate came back (null: no TURN server to ask). */
  turn: boolean | null;
  /** The loopback pair connected, `direct`ly or `relayed` through TURN; null when it did not. */
  path: 'direct' | 'relayed' | null;
  /** What the probe carried, in kbit/s (null when nothing connected). */
  bitrateKbps: number | null;
  /** Round-trip time of the connected pair (null when unknown). */
  rttMs: number | null;
}

export interface ConnectivityCheckOptions {
  /** Server base URL (http, https, ws or wss); default the page's origin. */
  server?: string;
  /** WebSocket path; default `/rtc`. */
  path?: string;
  /** A join token: a server with a secret hands out its STUN/TURN servers only with one (`GET /api/ice`). */
  token?: string;
  /** More ICE servers, tried beside the server's. */
  iceServers?: RTCIceServer[];
  /** Longest wait for each step (ms, default 8000). */
  timeoutMs?: number;
  /** How long the bitrate probe runs (ms, default 1500). */
  probeMs?: number;
  /** Below this the verdict is `slow` (kbit/s, default 500: a 360p camera and audio). */
  slowBelowKbps?: number;
  /** Opens the socket; replace for the in-page loopback. */
  connect?: (url: string) => WebSocketLike;
}

export async function checkConnectivity(options: ConnectivityCheckOptions = {}): Promise<ConnectivityReport> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const report: ConnectivityReport = { verdict: 'no-signaling', signaling: false, iceServers: 0, stun: null, turn: null, path: null, bitrateKbps: null, rttMs: null };
  report.signaling = await socketOpens(options, timeoutMs);
  if (!report.signaling) return report;

  const iceServers = [...(await serverIceServers(options)), ...(options.iceServers ?? [])];
  report.iceServers = iceServers.length;
  const gathered = await gatherCandidateTypes(iceServers, timeoutMs);
  report.stun = hasUrl(iceServers, /^stuns?:/) ? gathered.has('srflx') : null;
  report.turn = hasUrl(iceServers, /^turns?:/) ? gathered.has('relay') : null;

  // Through the relay when there is one: the path a call takes when nothing direct gets through.
  const probe = await probeLoopbackPair(iceServers, report.turn === true ? 'relay' : 'all', options.probeMs ?? 1_500, timeoutMs);
  if (probe) Object.assign(report, probe);
  report.verdict = verdictOf(report, options.slowBelowKbps ?? 500);
  return report;
}

function verdictOf(report: ConnectivityReport, slowBelowKbps: number): ConnectivityVerdict {
  if (!report.signaling) return 'no-signaling';
  if (!report.path) return 'no-media';
  if (report.turn === false) return 'no-relay';
  if ((report.bitrateKbps ?? 0) < slowBelowKbps) return 'slow';
  return 'good';
}

function socketOpens({ server, path, connect }: ConnectivityCheckOptions, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: WebSocketLike;
    try {
      const url = signalingUrl(server, path ?? DEFAULTS.path);
      socket = connect ? connect(url) : (new WebSocket(url) as unknown as WebSocketLike);
    } catch {
      return resolve(false);
    }
    const done = (open: boolean) => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      if (open) socket.close(1000, 'connectivity check');
      resolve(open);
    };
    const timer = setTimeout(() => {
      done(false);
      socket.close();
    }, timeoutMs);
    socket.onopen = () => done(true);
    socket.onerror = socket.onclose = () => done(false);
  });
}

/** The server's STUN/TURN for this token; none from a server without `/api/ice` or that refuses (the check goes on without). */
async function serverIceServers({ server, token }: ConnectivityCheckOptions): Promise<RTCIceServer[]> {
  const base = server ?? (typeof location !== 'undefined' ? location.origin : undefined);
  if (!base) return [];
  try {
    const response = await fetch(apiUrl(base, '/api/ice'), token ? { headers: { authorization: `Bearer ${token}` } } : {});
    if (!response.ok) return [];
    const { iceServers } = (await response.json()) as { iceServers?: unknown };
    return Array.isArray(iceServers) ? (iceServers as RTCIceServer[]) : [];
  } catch {
    return [];
  }
}

function hasUrl(servers: readonly RTCIceServer[], scheme: RegExp): boolean {
  return servers.some(({ urls }) => (Array.isArray(urls) ? urls : [urls]).some((url) => scheme.test(url)));
}

/** The candidate types (`host`, `srflx`, `relay`) one peer connection gathers with these servers. */
async function gatherCandidateTypes(iceServers: RTCIceServer[], timeoutMs: number): Promise<Set<string>> {
  const types = new Set<string>();
  if (!iceServers.length) return types;
  const pc = new RTCPeerConnection({ iceServers });
  try {
    pc.createDataChannel('gather');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      pc.onicecandidate = ({ candidate }) => {
        if (candidate?.type) types.add(candidate.type);
        if (!candidate) {
          clearTimeout(timer);
          resolve();
        }
      };
      void pc.createOffer().then((offer) => pc.setLocalDescription(offer)).catch(() => resolve());
    });
  } finally {
    pc.close();
  }
  return types;
}

/** Connects two peer connections in this page and sends data between them for `probeMs`; null when they do not connect. */
async function probeLoopbackPair(
  iceServers: RTCIceServer[], policy: RTCIceTransportPolicy, probeMs: number, timeoutMs: number,
): Promise<Pick<ConnectivityReport, 'path' | 'bitrateKbps' | 'rttMs'> | null> {
  const sender = new RTCPeerConnection({ iceServers, iceTransportPolicy: policy });
  const receiver = new RTCPeerConnection({ iceServers });
  sender.onicecandidate = ({ candidate }) => candidate && void receiver.addIceCandidate(candidate).catch(() => {});
  receiver.onicecandidate = ({ candidate }) => candidate && void sender.addIceCandidate(candidate).catch(() => {});
  try {
    const channel = sender.createDataChannel('probe', { ordered: false, maxRetransmits: 0 });
    const incoming = new Promise<RTCDataChannel>((resolve) => (receiver.ondatachannel = ({ channel }) => resolve(channel)));
    const offer = await sender.createOffer();
    await sender.setLocalDescription(offer);
    await receiver.setRemoteDescription(offer);
    const answer = await receiver.createAnswer();
    await receiver.setLocalDescription(answer);
    await sender.setRemoteDescription(answer);
    const opened = await withTimeout(Promise.all([channelOpen(channel), incoming]), timeoutMs);
    if (!opened) return null;
    const bitrateKbps = await measure(channel, opened[1], probeMs);
    const { relayed, rttMs } = await selectedPair(sender);
    return { path: relayed ? 'relayed' : 'direct', bitrateKbps, rttMs };
  } catch {
    return null;
  } finally {
    sender.close();
    receiver.close();
  }
}

const CHUNK = new Uint8Array(16 * 1024);
/** The send buffer is kept this full: enough to fill the path, little enough that the probe stops on time. */
const BUFFER_HIGH = 1024 * 1024;

async function measure(out: RTCDataChannel, into: RTCDataChannel, probeMs: number): Promise<number> {
  let received = 0;
  into.onmessage = ({ data }) => (received += (data as ArrayBuffer).byteLength ?? (data as Blob).size ?? 0);
  into.binaryType = 'arraybuffer';
  const started = performance.now();
  out.bufferedAmountLowThreshold = BUFFER_HIGH / 2;
  while (performance.now() - started < probeMs) {
    while (out.bufferedAmount < BUFFER_HIGH && out.readyState === 'open') out.send(CHUNK);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 50);
      out.onbufferedamountlow = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  const elapsed = performance.now() - started;
  return Math.round((received * 8) / elapsed);
}

async function selectedPair(pc: RTCPeerConnection): Promise<{ relayed: boolean; rttMs: number | null }> {
  const stats = await pc.getStats();
  type Pair = { type: string; state?: string; nominated?: boolean; localCandidateId?: string; currentRoundTripTime?: number };
  let pair: Pair | undefined;
  stats.forEach((entry: Pair) => {
    if (entry.type === 'candidate-pair' && entry.state === 'succeeded' && (entry.nominated || !pair)) pair = entry;
  });
  const local = pair?.localCandidateId ? (stats.get(pair.localCandidateId) as { candidateType?: string } | undefined) : undefined;
  const rtt = pair?.currentRoundTripTime;
  return { relayed: local?.candidateType === 'relay', rttMs: typeof rtt === 'number' ? Math.round(rtt * 1000) : null };
}

function channelOpen(channel: RTCDataChannel): Promise<RTCDataChannel> {
  return new Promise((resolve, reject) => {
    if (channel.readyState === 'open') return resolve(channel);
    channel.onopen = () => resolve(channel);
    channel.onclose = () => reject(new Error('closed'));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(timer));
}
