/** A signaling socket that opens only after a delay, as on a slow network (the "connecting" stories). */
import type { WebSocketLike } from '../../core/rtc-client.js';

const CONNECTING = 0;
const CLOSED = 3;

export class DelayedSocket implements WebSocketLike {
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  #inner: WebSocketLike | null = null;
  #closed = false;
  readonly #timer: ReturnType<typeof setTimeout>;

  constructor(open: () => WebSocketLike, delayMs: number) {
    this.#timer = setTimeout(() => {
      const inner = (this.#inner = open());
      inner.onopen = (event) => this.onopen?.(event);
      inner.onmessage = (event) => this.onmessage?.(event);
      inner.onclose = (event) => this.onclose?.(event);
      inner.onerror = (event) => this.onerror?.(event);
    }, delayMs);
  }

  get readyState(): number {
    return this.#inner?.readyState ?? (this.#closed ? CLOSED : CONNECTING);
  }

  send(data: string): void {
    if (!this.#inner) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    this.#inner.send(data);
  }

  close(code = 1000, reason = ''): void {
    if (this.#inner) return this.#inner.close(code, reason);
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }
}
