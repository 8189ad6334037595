import type { RateLimit } from './hub-config.js';
import { TokenBucket } from './token-bucket.js';

/**
 * One token bucket per key (a client, a bearer), in bounded memory: a bucket that has refilled is
 * the same as none and is the first to go; past `maxKeys` the oldest go.
 */
export class KeyedRateLimit {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly limit: RateLimit, private readonly maxKeys = 10_000) {}

  /** Spends one token of `key`'s bucket; false when none is left. */
  take(key: string): boolean {
    return this.bucket(key).take();
  }

  /** Gives back a token `take` spent. */
  refund(key: string): void {
    this.buckets.get(key)?.refund();
  }

  private bucket(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evict();
      bucket = new TokenBucket(this.limit);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private evict(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
