/**
 * Requests waiting for the server's `ack` or `error`, by request id. A request survives a dropped
 * socket: its timer only runs while it is on the wire, and after a resume it is sent again with the
 * same `rid` (the server de-duplicates), so it takes effect exactly once.
 */
import { RtcError } from '../errors.js';
import type { AckMessage, ErrorMessage, HistoryMessage } from '../../protocol/server-messages.js';
import type { ClientMessage } from '../../protocol/client-messages.js';

/** What answers a request: an `ack`, or the `history` page asked for. */
export type RequestAnswer = AckMessage | HistoryMessage;

interface Pending {
  frame: ClientMessage & { rid: string };
  resolve: (answer: RequestAnswer) => void;
  reject: (error: RtcError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Written to a socket at least once (so it may have reached the server). */
  written: boolean;
}

export class PendingRequests {
  readonly #pending = new Map<string, Pending>();
  readonly #timeoutMs: number;
  readonly #prefix = Math.random().toString(36).slice(2, 8);
  #counter = 0;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  nextId(): string {
    return `${this.#prefix}-${++this.#counter}`;
  }

  /** Register a request; `frame.rid` must come from `nextId()`. */
  add(frame: ClientMessage & { rid: string }): Promise<RequestAnswer> {
    return new Promise((resolve, reject) => {
      this.#pending.set(frame.rid, { frame, resolve, reject, timer: undefined, written: false });
    });
  }

  /** The frame went out on an open socket: start its clock. */
  sent(rid: string): void {
    const pending = this.#pending.get(rid);
    if (!pending) return;
    pending.written = true;
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => this.#settle(rid, new RtcError('timeout')), this.#timeoutMs);
  }

  /** The socket dropped: stop the clocks; the requests wait for the next connection. */
  pause(): void {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.timer = undefined;
    }
  }

  /** Frames that went out on a socket that has since dropped, oldest first: send them again after reconnecting. */
  unanswered(): ClientMessage[] {
    return [...this.#pending.values()].filter((p) => p.written).map((p) => p.frame);
  }

  /** Answer a request from an `ack`, `history` or `error` frame; false when the rid is not ours (a duplicate answer). */
  answer(message: RequestAnswer | ErrorMessage): boolean {
    if (!message.rid || !this.#pending.has(message.rid)) return false;
    if (message.type === 'error') this.#settle(message.rid, new RtcError(message.code, message.message || undefined));
    else this.#settle(message.rid, message);
    return true;
  }

  rejectAll(error: RtcError): void {
    for (const rid of [...this.#pending.keys()]) this.#settle(rid, error);
  }

  #settle(rid: string, outcome: RequestAnswer | RtcError): void {
    const pending = this.#pending.get(rid);
    if (!pending) return;
    this.#pending.delete(rid);
    clearTimeout(pending.timer);
    if (outcome instanceof RtcError) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}
