/**
 * Turns raw WebRTC stats reports into the engine's ParticipantStats: cumulative counters are
 * sampled per media link, then rates come from the difference between two samples.
 */
import type { ParticipantStats, TrackSource } from '../types.js';

/** One entry of an RTCStatsReport, as plain data (recorded reports in tests are the same shape). */
export interface StatsEntry {
  id: string;
  type: string;
  timestamp: number;
  [key: string]: unknown;
}

interface MediaFacts {
  framesPerSecond: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
  audioLevel: number;
  /** Camera frames decoded (received) or encoded (sent) so far: a count that stops is a frozen picture. */
  frames: number;
  /** The camera's codec (`VP8`, `H264`…), null before it is known. */
  codec: string | null;
}

/** Cumulative counters of one peer link at one moment. */
export interface LinkSample {
  timestamp: number;
  bytesSent: number;
  bytesReceived: number;
  packetsSent: number;
  packetsReceived: number;
  packetsLost: number;
  /** What the remote side reports losing of ours (RTCP receiver reports). */
  remotePacketsLost: number;
  roundTripTime: number | null;
  /** Seconds: theirs as we receive it (inbound), ours as they report receiving it (remote-inbound). */
  receiveJitter: number | null;
  sendJitter: number | null;
  /** What our encoders may send on this link now (bits per second, summed over our streams): the network's say. */
  targetBitrate: number | null;
  /** What we asked this link to carry (`PeerStatsReport.askedBitrate`); null when the transport did not say. */
  askedBitrate: number | null;
  /** Whether the chosen candidate pair goes through a TURN relay; null before a pair is chosen. */
  relayed: boolean | null;
  /** Their camera and microphone as we receive them. */
  received: MediaFacts;
  /** Our camera and microphone as we send them. */
  sent: MediaFacts;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const optional = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The larger of two optional readings (jitter: the worst stream is what people notice). */
const worst = (a: number | null, b: unknown): number | null => (optional(b) === null ? a : Math.max(a ?? 0, optional(b)!));

function sourceOf(entry: StatsEntry, sources: ReadonlyMap<string, TrackSource>): TrackSource {
  const byMid = typeof entry.mid === 'string' ? sources.get(entry.mid) : undefined;
  return byMid ?? (entry.kind === 'audio' ? 'microphone' : 'camera');
}

function emptyFacts(): MediaFacts {
  return { framesPerSecond: null, frameWidth: null, frameHeight: null, audioLevel: 0, frames: 0, codec: null };
}

/** Sample one peer connection's report. `sources` maps each RTP stream's mid to its source. */
export function sampleLink(
  entries: Iterable<StatsEntry>,
  sources: ReadonlyMap<string, TrackSource>,
  askedBitrate: number | null = null,
): LinkSample {
  const all = [...entries];
  const byId = new Map(all.map((e) => [e.id, e]));
  const sample: LinkSample = {
    timestamp: 0, bytesSent: 0, bytesReceived: 0, packetsSent: 0, packetsReceived: 0, packetsLost: 0,
    remotePacketsLost: 0, roundTripTime: null, receiveJitter: null, sendJitter: null, targetBitrate: null, relayed: null,
    askedBitrate, received: emptyFacts(), sent: emptyFacts(),
  };
  let remoteRtt: number | null = null;
  const codecOf = (entry: StatsEntry): string | null => {
    const mime = byId.get(entry.codecId as string)?.mimeType;
    return typeof mime === 'string' ? mime.replace(/^video\//i, '') : null;
  };

  for (const entry of all) {
    sample.timestamp = Math.max(sample.timestamp, num(entry.timestamp));
    switch (entry.type) {
      case 'inbound-rtp': {
        sample.bytesReceived += num(entry.bytesReceived);
        sample.packetsReceived += num(entry.packetsReceived);
        sample.packetsLost += Math.max(0, num(entry.packetsLost));
        const source = sourceOf(entry, sources);
        if (source === 'microphone') sample.received.audioLevel = num(entry.audioLevel);
        if (num(entry.packetsReceived) > 0) sample.receiveJitter = worst(sample.receiveJitter, entry.jitter);
        if (source === 'camera') {
          sample.received.framesPerSecond = optional(entry.framesPerSecond);
          sample.received.frameWidth = optional(entry.frameWidth);
          sample.received.frameHeight = optional(entry.frameHeight);
          sample.received.frames = num(entry.framesDecoded);
          sample.received.codec = codecOf(entry);
        }
        break;
      }
      case 'outbound-rtp': {
        sample.bytesSent += num(entry.bytesSent);
        sample.packetsSent += num(entry.packetsSent);
        if (optional(entry.targetBitrate) !== null) sample.targetBitrate = (sample.targetBitrate ?? 0) + num(entry.targetBitrate);
        if (sourceOf(entry, sources) === 'camera') {
          sample.sent.frames = Math.max(sample.sent.frames, num(entry.framesEncoded));
          sample.sent.codec ??= num(entry.framesEncoded) > 0 ? codecOf(entry) : null;
        }
        if (sourceOf(entry, sources) === 'camera' && num(entry.framesPerSecond) > 0) {
          sample.sent.framesPerSecond = optional(entry.framesPerSecond);
          sample.sent.frameWidth = optional(entry.frameWidth);
          sample.sent.frameHeight = optional(entry.frameHeight);
        }
        break;
      }
      case 'remote-inbound-rtp':
        sample.remotePacketsLost += Math.max(0, num(entry.packetsLost));
        remoteRtt ??= optional(entry.roundTripTime);
        sample.sendJitter = worst(sample.sendJitter, entry.jitter);
        break;
      case 'media-source':
        if (entry.kind === 'audio') sample.sent.audioLevel = Math.max(sample.sent.audioLevel, num(entry.audioLevel));
        break;
    }
  }

  const transport = all.find((e) => e.type === 'transport' && typeof e.selectedCandidatePairId === 'string');
  const pair = transport
    ? byId.get(transport.selectedCandidatePairId as string)
    : all.find((e) => e.type === 'candidate-pair' && e.nominated === true && e.state === 'succeeded');
  sample.roundTripTime = optional(pair?.currentRoundTripTime) ?? remoteRtt;
  if (pair) {
    const types = [pair.localCandidateId, pair.remoteCandidateId].map((id) => byId.get(id as string)?.candidateType);
    sample.relayed = types.includes('relay');
  }
  return sample;
}

export interface LinkRates {
  sendBitrate: number;
  receiveBitrate: number;
  /** Share of their packets we lost. */
  receiveLoss: number;
  /** Share of our packets they lost. */
  sendLoss: number;
}

const ratio = (lost: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, lost / total)) : 0);

/** Rates between two samples of the same link; zero for the first sample. */
export function linkRates(current: LinkSample, previous: LinkSample | undefined): LinkRates {
  const seconds = previous ? (current.timestamp - previous.timestamp) / 1000 : 0;
  if (!previous || seconds <= 0) return { sendBitrate: 0, receiveBitrate: 0, receiveLoss: 0, sendLoss: 0 };
  const delta = (key: 'bytesSent' | 'bytesReceived' | 'packetsSent' | 'packetsReceived' | 'packetsLost' | 'remotePacketsLost') =>
    Math.max(0, current[key] - previous[key]);
  const lost = delta('packetsLost');
  return {
    sendBitrate: Math.round((delta('bytesSent') * 8) / seconds),
    receiveBitrate: Math.round((delta('bytesReceived') * 8) / seconds),
    receiveLoss: ratio(lost, lost + delta('packetsReceived')),
    sendLoss: ratio(delta('remotePacketsLost'), delta('packetsSent')),
  };
}

/** A remote participant: what we receive from them (and what we send them). */
export function remoteStats(userId: string, current: LinkSample, previous: LinkSample | undefined): ParticipantStats {
  const rates = linkRates(current, previous);
  return {
    userId,
    sendBitrate: rates.sendBitrate,
    receiveBitrate: rates.receiveBitrate,
    packetLoss: rates.receiveLoss,
    roundTripTime: current.roundTripTime,
    ...receivedFacts(current.received),
    timestamp: current.timestamp,
    jitter: current.receiveJitter,
    codec: current.received.codec,
    relayed: current.relayed,
    videoFrames: current.received.frames,
    targetBitrate: null,
    askedBitrate: null,
  };
}

function receivedFacts({ framesPerSecond, frameWidth, frameHeight, audioLevel }: MediaFacts) {
  return { framesPerSecond, frameWidth, frameHeight, audioLevel };
}

/** The local participant: what we send, summed over every link. */
export function localStats(
  userId: string,
  links: ReadonlyArray<{ current: LinkSample; previous: LinkSample | undefined }>,
  fallbackAudioLevel: number,
  now: number,
): ParticipantStats {
  let sendBitrate = 0;
  let receiveBitrate = 0;
  let weightedLoss = 0;
  const rtts: number[] = [];
  let jitter: number | null = null;
  const weakest = weakestLink(links.map((l) => l.current));
  let relayed: boolean | null = null;
  let frames = 0;
  let codec: string | null = null;
  let sent: MediaFacts = { ...emptyFacts(), audioLevel: fallbackAudioLevel };
  for (const { current, previous } of links) {
    const rates = linkRates(current, previous);
    sendBitrate += rates.sendBitrate;
    receiveBitrate += rates.receiveBitrate;
    weightedLoss += rates.sendLoss * rates.sendBitrate;
    if (current.roundTripTime !== null) rtts.push(current.roundTripTime);
    jitter = worst(jitter, current.sendJitter);
    if (current.relayed !== null) relayed = (relayed ?? false) || current.relayed;
    frames = Math.max(frames, current.sent.frames);
    codec ??= current.sent.codec;
    if (sent.framesPerSecond === null && current.sent.framesPerSecond !== null) sent = { ...current.sent, audioLevel: sent.audioLevel };
    sent.audioLevel = Math.max(sent.audioLevel, current.sent.audioLevel);
  }
  return {
    userId,
    sendBitrate,
    receiveBitrate,
    packetLoss: sendBitrate > 0 ? weightedLoss / sendBitrate : 0,
    roundTripTime: rtts.length ? rtts.reduce((a, b) => a + b, 0) / rtts.length : null,
    ...receivedFacts(sent),
    timestamp: links.length ? Math.max(...links.map((l) => l.current.timestamp)) : now,
    jitter,
    codec,
    relayed,
    videoFrames: frames,
    targetBitrate: weakest?.targetBitrate ?? null,
    // 0: every link asks nothing, no one shows our camera.
    askedBitrate: weakest ? weakest.askedBitrate : links.length && links.every((l) => l.current.askedBitrate === 0) ? 0 : null,
  };
}

/**
 * The link that limits us (the mesh sends each person their own copy): the one whose encoders may send
 * the smallest share of what we asked of it, a receiver showing us small asking a small layer. A link
 * that asks nothing (our camera paused there) says nothing. Without what was asked: the lowest target.
 */
function weakestLink(links: readonly LinkSample[]): LinkSample | undefined {
  const measured = links.filter((l) => l.targetBitrate !== null && l.askedBitrate !== 0);
  const share = measured.every((l) => l.askedBitrate !== null)
    ? (l: LinkSample) => l.targetBitrate! / l.askedBitrate!
    : (l: LinkSample) => l.targetBitrate!;
  return measured.reduce<LinkSample | undefined>((weakest, l) => (!weakest || share(l) < share(weakest) ? l : weakest), undefined);
}
