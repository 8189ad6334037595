/**
 * What we publish, stream by stream: each outbound RTP stream (per receiver in a mesh, per layer with
 * simulcast) with its own rate and picture, rather than one figure summed over everything.
 */
import type { OutboundStats, TrackSource } from '../types.js';
import type { StatsEntry } from './normalise-stats.js';

/** An outbound stream's byte counter at one moment, kept between samples for its rate. */
export interface OutboundCounter {
  bytesSent: number;
  timestamp: number;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const optional = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The outbound streams of one report (`to`: its receiver, null for a media server). Streams that never
 * sent a byte (a source that is off) are left out. Reads the previous counters, writes the new ones.
 */
export function outboundStreams(
  to: string | null,
  entries: Iterable<StatsEntry>,
  sources: ReadonlyMap<string, TrackSource>,
  previous: ReadonlyMap<string, OutboundCounter>,
  next: Map<string, OutboundCounter>,
): OutboundStats[] {
  const streams: OutboundStats[] = [];
  for (const entry of entries) {
    if (entry.type !== 'outbound-rtp' || num(entry.bytesSent) === 0) continue;
    const key = `${to}\n${entry.id}`;
    const counter = { bytesSent: num(entry.bytesSent), timestamp: num(entry.timestamp) };
    next.set(key, counter);
    const before = previous.get(key);
    const seconds = before ? (counter.timestamp - before.timestamp) / 1000 : 0;
    const bytes = before ? counter.bytesSent - before.bytesSent : 0;
    const source = (typeof entry.mid === 'string' ? sources.get(entry.mid) : undefined) ?? (entry.kind === 'audio' ? 'microphone' : 'camera');
    streams.push({
      to,
      source,
      rid: typeof entry.rid === 'string' ? entry.rid : null,
      active: entry.active !== false,
      bitrate: seconds > 0 && bytes > 0 ? Math.round((bytes * 8) / seconds) : 0,
      frameWidth: optional(entry.frameWidth),
      frameHeight: optional(entry.frameHeight),
      framesPerSecond: optional(entry.framesPerSecond),
      qualityLimitationReason: typeof entry.qualityLimitationReason === 'string' ? entry.qualityLimitationReason : null,
    });
  }
  return streams;
}

/** The best camera picture we send anywhere: the largest active stream (null when none sends frames). */
export function bestCamera(streams: readonly OutboundStats[]): Pick<OutboundStats, 'frameWidth' | 'frameHeight' | 'framesPerSecond'> | null {
  const pixels = (s: OutboundStats) => (s.frameWidth ?? 0) * (s.frameHeight ?? 0);
  const camera = streams.filter((s) => s.source === 'camera' && s.active && pixels(s) > 0);
  if (!camera.length) return null;
  const best = camera.reduce((a, b) => (pixels(b) > pixels(a) ? b : a));
  return { frameWidth: best.frameWidth, frameHeight: best.frameHeight, framesPerSecond: best.framesPerSecond };
}
