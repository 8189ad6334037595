/**
 * When a link counts as weak and when it counts as recovered (pure; time comes in with each reading).
 * It turns weak after `enterMs` under the thresholds, and back only after `recoverMs` clearly above
 * them (hysteresis: a link that hovers at the edge does not flap).
 */
export interface WeakNetworkThresholds {
  /** Below this many bits per second the link is weak (the seeds' 200 kbps). 0 turns the bitrate check off. */
  minBitrate: number;
  /** Above this share of packets lost the link is weak (the seeds' 20%). */
  maxLoss: number;
  /** How long a link must stay under the thresholds before it counts as weak (ms). */
  enterMs: number;
  /** How long it must stay clearly above them (1.5 × the bitrate, half the loss) before it recovers (ms). */
  recoverMs: number;
}

export const WEAK_NETWORK_DEFAULTS: WeakNetworkThresholds = { minBitrate: 200_000, maxLoss: 0.2, enterMs: 3_000, recoverMs: 6_000 };

export interface WeakReading {
  /** Bits per second the link carries or may carry; null when bitrate says nothing (no video sent). */
  bitrate: number | null;
  loss: number;
}

export type WeakChange = 'weak' | 'recovered' | null;

export class WeakNetworkDetector {
  #weak = false;
  /** Since when the readings have pointed the other way (null: they agree with the state). */
  #since: number | null = null;

  constructor(readonly thresholds: WeakNetworkThresholds) {}

  get weak(): boolean { return this.#weak; }

  update(reading: WeakReading, now: number): WeakChange {
    const { minBitrate, maxLoss, enterMs, recoverMs } = this.thresholds;
    const bitrateLow = (factor: number) => minBitrate > 0 && reading.bitrate !== null && reading.bitrate < minBitrate * factor;
    const pointsAway = this.#weak
      ? !bitrateLow(1.5) && reading.loss <= maxLoss / 2
      : bitrateLow(1) || reading.loss > maxLoss;
    if (!pointsAway) {
      this.#since = null;
      return null;
    }
    this.#since ??= now;
    if (now - this.#since < (this.#weak ? recoverMs : enterMs)) return null;
    this.#weak = !this.#weak;
    this.#since = null;
    return this.#weak ? 'weak' : 'recovered';
  }
}
