/**
 * Network quality 0–5 from a sliding window of readings (pure: tests feed it recorded numbers).
 * Each measure gets a level of its own and the worst one wins: a call with no loss but a second
 * of delay is not a good call. 0 means unknown (no reading yet) or lost (nothing arrives).
 */
export type NetworkQuality = 0 | 1 | 2 | 3 | 4 | 5;

/** One sample interval of one person's link. */
export interface QualityReading {
  /** Share of packets lost, 0..1. */
  loss: number;
  /** Seconds; null when not measured. */
  roundTripTime: number | null;
  /** Seconds; null when not measured. */
  jitter: number | null;
  /** What the sender may send against what it aims for (the profile's bitrate), 0..1; null when unknown. */
  bitrateRatio: number | null;
  /** Whether any media moved in the interval (false: the link is silent, so the reading says nothing else). */
  flowing: boolean;
}

/**
 * The upper edge of levels 5, 4, 3 and 2 for each measure (past the last edge: level 1). Loss after
 * WebRTC's own recovery (FEC, NACK) starts to show above a few percent; delay past ~400 ms makes
 * people talk over each other; jitter eats into the playout buffer.
 */
const LOSS = [0.02, 0.05, 0.1, 0.2] as const;
const RTT_S = [0.2, 0.4, 0.7, 1.2] as const;
const JITTER_S = [0.05, 0.1, 0.2, 0.4] as const;
/** Ratios: the encoder's target against the profile's aim; lower is worse, so these edges read the other way. */
const BITRATE_RATIO = [0.7, 0.45, 0.25, 0.1] as const;

function levelAbove(value: number, edges: readonly number[]): NetworkQuality {
  const index = edges.findIndex((edge) => value <= edge);
  return (index === -1 ? 1 : 5 - index) as NetworkQuality;
}

function levelBelow(value: number, edges: readonly number[]): NetworkQuality {
  const index = edges.findIndex((edge) => value >= edge);
  return (index === -1 ? 1 : 5 - index) as NetworkQuality;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Delay and jitter spike when the device is busy for a moment: the median keeps one spike from counting. */
function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The level of readings taken together: their mean loss and bitrate, their median delay and jitter. */
export function scoreQuality(readings: readonly QualityReading[]): NetworkQuality {
  const flowing = readings.filter((r) => r.flowing);
  if (!flowing.length) return 0;
  const present = (key: 'loss' | 'roundTripTime' | 'jitter' | 'bitrateRatio'): number[] =>
    flowing.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
  const levels: NetworkQuality[] = [levelAbove(mean(present('loss'))!, LOSS)];
  const rtt = median(present('roundTripTime'));
  if (rtt !== null) levels.push(levelAbove(rtt, RTT_S));
  const jitter = median(present('jitter'));
  if (jitter !== null) levels.push(levelAbove(jitter, JITTER_S));
  const ratio = mean(present('bitrateRatio'));
  if (ratio !== null) levels.push(levelBelow(ratio, BITRATE_RATIO));
  return Math.min(...levels) as NetworkQuality;
}

/** The last `size` readings of one link. */
export class QualityWindow {
  #readings: QualityReading[] = [];

  constructor(readonly size: number) {}

  /** Adds a reading and returns the level over the window. */
  push(reading: QualityReading): NetworkQuality {
    this.#readings = [...this.#readings, reading].slice(-this.size);
    // A link that went silent reads 0 at once rather than after the window has forgotten it.
    if (!reading.flowing) return 0;
    return scoreQuality(this.#readings);
  }
}
