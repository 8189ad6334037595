import type { RateLimits } from './hub-config.js';
import { KeyedRateLimit } from './keyed-rate-limit.js';

/**
 * Room password attempts, counted per client: a remote address and a user id together, so neither
 * a shared address (NAT, a proxy) nor someone else's failures lock a person out. A user id also has
 * a larger budget of its own across addresses. An attempt is counted before the (slow) check, so
 * parallel guesses cannot overtake the count; a right password gives it back.
 */
export class PasswordThrottle {
  private readonly perClient: KeyedRateLimit;
  private readonly perUser: KeyedRateLimit;

  constructor(limits: RateLimits) {
    this.perClient = new KeyedRateLimit(limits.passwordFailures);
    this.perUser = new KeyedRateLimit(limits.passwordFailuresPerUser);
  }

  /** Counts an attempt; false when this client's attempts are spent (then it is refused, right or wrong). */
  attempt(address: string, userId: string): boolean {
    const client = clientKey(address, userId);
    if (!this.perClient.take(client)) return false;
    if (this.perUser.take(userId)) return true;
    this.perClient.refund(client);
    return false;
  }

  succeeded(address: string, userId: string): void {
    this.perClient.refund(clientKey(address, userId));
    this.perUser.refund(userId);
  }
}

function clientKey(address: string, userId: string): string {
  return `${address} ${userId}`;
}
