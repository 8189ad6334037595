/** Decides how long to wait before the next reconnect attempt, or gives up (LiveKit's ReconnectPolicy). */
export interface ReconnectContext {
  /** Attempts made so far in this outage (0 before the first). */
  retryCount: number;
  /** Milliseconds since the connection was lost. */
  elapsedMs: number;
  /** The last attempt never opened a socket: nothing answered (a server restarting, a proxy with no upstream). */
  refused?: boolean;
}

export interface ReconnectPolicy {
  /** Delay before the next attempt in ms, or `null` to give up (the session ends with `network`). */
  nextRetryDelayMs(context: ReconnectContext): number | null;
}

/** Delays of the first attempts; later attempts reuse the last entry. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [0, 300, 1_200, 2_700, 4_800, 7_000];

export interface DefaultReconnectPolicyOptions {
  delays?: readonly number[];
  /** Stop trying after this long (default 60 s). */
  maxElapsedMs?: number;
  /** Up to this many ms are added at random from the third attempt on, so clients that lost the same server don't return in lockstep. */
  maxJitterMs?: number;
  /**
   * At most this long (before jitter) after an attempt that was refused (default 2 s). A refused attempt
   * costs the server nothing, and a restarted server is then found within this plus the jitter, not the
   * full backoff (which can reach 7 s).
   */
  maxRefusedDelayMs?: number;
  random?: () => number;
}

export class DefaultReconnectPolicy implements ReconnectPolicy {
  readonly #delays: readonly number[];
  readonly #maxElapsedMs: number;
  readonly #maxJitterMs: number;
  readonly #maxRefusedDelayMs: number;
  readonly #random: () => number;

  constructor(options: DefaultReconnectPolicyOptions = {}) {
    this.#delays = options.delays?.length ? options.delays : DEFAULT_RETRY_DELAYS_MS;
    this.#maxElapsedMs = options.maxElapsedMs ?? 60_000;
    this.#maxJitterMs = options.maxJitterMs ?? 1_000;
    this.#maxRefusedDelayMs = options.maxRefusedDelayMs ?? 2_000;
    this.#random = options.random ?? Math.random;
  }

  nextRetryDelayMs({ retryCount, elapsedMs, refused = false }: ReconnectContext): number | null {
    const scheduled = this.#delays[Math.min(retryCount, this.#delays.length - 1)];
    const base = refused ? Math.min(scheduled, this.#maxRefusedDelayMs) : scheduled;
    const jitter = retryCount >= 2 ? Math.round(this.#random() * this.#maxJitterMs) : 0;
    const delay = base + jitter;
    return elapsedMs + delay > this.#maxElapsedMs ? null : delay;
  }
}
