/**
 * Delivers the hub's events to the webhook URL: signed JSON POSTs, in order per room, retried with
 * exponential backoff, dropped with a log line after the last attempt. `emit` only enqueues, so a
 * slow or dead receiver never delays a join; each room's queue waits for its own head, the others
 * carry on.
 */
import type { HubEvent } from '../hub/hub-events.js';
import { randomId } from '../hub/encoding.js';
import type { Logger } from '../hub/logger.js';
import type { WebhookEvent } from './events.js';
import { SIGNATURE_HEADER, signWebhook } from './signature.js';

export interface WebhookDispatcherOptions {
  url: string;
  /** Signs every POST (HMAC-SHA256). */
  secret: string;
  /** A POST that has not answered after this counts as failed (ms). */
  timeoutMs: number;
  /** Tries per event, the first included. */
  maxAttempts: number;
  /** Wait before retry `retry` (1 for the second attempt) (ms). Default: `defaultRetryDelay`. */
  retryDelayMs?: (retry: number) => number;
  /** Events waiting in all; past it, new ones are dropped (with one log line until there is room again). */
  maxQueued: number;
  log: Logger;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  now?: () => number;
}

/** 1 s, 2 s, 4 s … at most 60 s, each up to 20 % shorter so that many rooms' retries do not bunch up. */
export function defaultRetryDelay(retry: number): number {
  return Math.min(1000 * 2 ** (retry - 1), 60_000) * (0.8 + 0.2 * Math.random());
}

export class WebhookDispatcher {
  /** Per room id, oldest first; the head is being delivered. */
  private readonly queues = new Map<string, WebhookEvent[]>();
  private queued = 0;
  private overflowing = false;
  private seq: number;
  /** Set when closing gives up: workers stop, requests and waits are cut short. */
  private readonly stop = new AbortController();
  private readonly idleWaiters = new Set<() => void>();
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly retryDelayMs: (retry: number) => number;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
    // Microseconds since the epoch: later than any seq sent before a restart, as long as the clock does not go back.
    this.seq = this.now() * 1000;
  }

  /** Stamps and enqueues; returns at once. */
  emit(event: HubEvent): void {
    if (this.stop.signal.aborted) return;
    if (this.queued >= this.options.maxQueued) {
      if (!this.overflowing) this.options.log.warn(`webhooks: ${this.queued} events waiting; dropping new ones until the receiver catches up`);
      this.overflowing = true;
      return;
    }
    const stamped = { ...event, id: `evt_${randomId(15)}`, seq: ++this.seq, createdAt: this.now() } as WebhookEvent;
    const queue = this.queues.get(event.roomId);
    this.queued++;
    if (queue) {
      queue.push(stamped);
      return;
    }
    this.queues.set(event.roomId, [stamped]);
    void this.work(event.roomId);
  }

  /** Events not yet delivered (nor dropped). */
  get pending(): number {
    return this.queued;
  }

  /**
   * Waits up to `drainMs` for what is queued (the shutdown's own events included), then cuts the rest
   * short and logs how many were not delivered.
   */
  async close(drainMs = 2000): Promise<void> {
    if (this.queued > 0 && drainMs > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.add(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, drainMs))),
      ]);
      clearTimeout(timer);
    }
    if (this.queued > 0) this.options.log.warn(`webhooks: closing with ${this.queued} events not delivered`);
    this.stop.abort();
    this.queues.clear();
    this.queued = 0;
  }

  /** Delivers one room's queue, head first, until it is empty. */
  private async work(roomId: string): Promise<void> {
    const queue = this.queues.get(roomId)!;
    while (queue.length > 0 && !this.stop.signal.aborted) {
      await this.deliver(queue[0]);
      if (this.stop.signal.aborted) return;
      queue.shift();
      this.queued--;
      if (this.queued < this.options.maxQueued) this.overflowing = false;
    }
    this.queues.delete(roomId);
    if (this.queued === 0) for (const resolve of this.idleWaiters) resolve();
  }

  private async deliver(event: WebhookEvent): Promise<void> {
    const body = JSON.stringify(event);
    let problem = '';
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      if (attempt > 1 && !(await this.wait(this.retryDelayMs(attempt - 1)))) return;
      problem = await this.post(body, event.id, attempt);
      if (!problem || this.stop.signal.aborted) return;
    }
    this.options.log.warn(`webhooks: dropped ${event.type} ${event.id} for room ${event.roomId} after ${this.options.maxAttempts} attempts (${problem})`);
  }

  /** '' when the receiver answered 2xx, else what went wrong. */
  private async post(body: string, eventId: string, attempt: number): Promise<string> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    const cancel = () => timeout.abort();
    this.stop.signal.addEventListener('abort', cancel);
    try {
      const response = await this.fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'rtc-kit-webhooks',
          [SIGNATURE_HEADER]: signWebhook(body, this.options.secret, Math.floor(this.now() / 1000)),
          'rtc-event-id': eventId,
          'rtc-attempt': String(attempt),
        },
        body,
        redirect: 'manual',
        signal: timeout.signal,
      });
      await response.body?.cancel().catch(() => {});
      return response.ok ? '' : `HTTP ${response.status}`;
    } catch (error) {
      if (timeout.signal.aborted) return `no answer within ${this.options.timeoutMs} ms`;
      return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    } finally {
      clearTimeout(timer);
      this.stop.signal.removeEventListener('abort', cancel);
    }
  }

  /** False when closing cut the wait short. */
  private wait(ms: number): Promise<boolean> {
    if (this.stop.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stop.signal.removeEventListener('abort', done);
        resolve(!this.stop.signal.aborted);
      };
      const timer = setTimeout(done, ms);
      this.stop.signal.addEventListener('abort', done);
    });
  }
}
