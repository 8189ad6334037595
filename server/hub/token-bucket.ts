import type { RateLimit } from './hub-config.js';

/** Allows bursts of `capacity`, refilled continuously at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly limit: RateLimit) {
    this.tokens = limit.capacity;
  }

  /** Spends one token; false when none is left. */
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limit.capacity, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True while no token is left, without spending one. */
  get empty(): boolean {
    const refilled = this.tokens + ((Date.now() - this.last) / 1000) * this.limit.perSecond;
    return refilled < 1;
  }
}
