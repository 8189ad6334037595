import type { RateLimit } from './hub-config.js';

/** Allows bursts of `capacity`, refilled continuously at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly limit: RateLimit) {
    this.tokens = limit.capacity;
  }

  /** Spends `amount` tokens (one by default); false, spending nothing, when fewer are left. */
  take(amount = 1): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limit.capacity, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /** Gives back a token taken for something that turned out not to count. */
  refund(): void {
    this.tokens = Math.min(this.limit.capacity, this.tokens + 1);
  }

  /** True while no token is left, without spending one. */
  get empty(): boolean {
    return this.refilled() < 1;
  }

  /** True once refilled to capacity: no different from a new bucket. */
  get full(): boolean {
    return this.refilled() >= this.limit.capacity;
  }

  private refilled(): number {
    return this.tokens + ((Date.now() - this.last) / 1000) * this.limit.perSecond;
  }
}
