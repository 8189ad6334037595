import type { WebSocketLike } from '../../core/rtc-client.js';
import type { HubConnection, HubSocket } from './connection.js';
import type { Hub } from './hub.js';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const pending: (() => void)[] = [];

/**
 * Runs callbacks in a later task, in the order they were scheduled (like frames on a socket). Each
 * timer runs the oldest callback rather than its own: browsers delay nested timers (the 4 ms clamp)
 * but not others, so timers alone can fire out of order and deliver seq 4 before seq 3.
 */
function later(callback: () => void): void {
  pending.push(callback);
  setTimeout(() => pending.shift()!(), 0);
}

/**
 * The page's end of a loopback connection, with WebSocket's async semantics: `open` fires in a later
 * task, frames arrive in later tasks and in order, a close reaches `onclose` with its code and reason.
 */
export class LoopbackSocket implements WebSocketLike {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;

  readyState = CONNECTING;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private conn: HubConnection | null = null;
  /** Set when the network "fails": frames still in flight are lost. */
  private cut = false;

  constructor(private readonly hub: Hub, readonly url: string) {
    later(() => {
      if (this.readyState !== CONNECTING) return;
      this.readyState = OPEN;
      this.conn = this.hub.connect(this.serverEnd());
      this.onopen?.({ type: 'open' });
    });
  }

  send(data: string): void {
    if (this.readyState === CONNECTING) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    if (this.readyState !== OPEN) return;
    const text = String(data);
    later(() => this.conn?.receive(text));
  }

  close(code = 1000, reason = ''): void {
    if (code !== 1000 && (code < 3000 || code > 4999)) {
      throw new DOMException(`The close code must be 1000 or between 3000 and 4999; got ${code}.`, 'InvalidAccessError');
    }
    if (new TextEncoder().encode(reason).length > 123) throw new DOMException('The close reason is too long.', 'SyntaxError');
    if (this.readyState === CLOSING || this.readyState === CLOSED) return;
    const wasConnecting = this.readyState === CONNECTING;
    this.readyState = CLOSING;
    later(() => {
      this.conn?.closed();
      this.finish(wasConnecting ? 1006 : code, wasConnecting ? '' : reason, !wasConnecting);
    });
  }

  /** What the hub holds: frames it sends arrive here later; its close and terminate end this socket. */
  private serverEnd(): HubSocket {
    return {
      send: (text) => later(() => {
        if (!this.cut && (this.readyState === OPEN || this.readyState === CLOSING)) this.onmessage?.({ data: text });
      }),
      close: (code, reason) => later(() => this.finish(code, reason, true)),
      terminate: () => {
        this.cut = true;
        later(() => this.finish(1006, '', false));
      },
    };
  }

  private finish(code: number, reason: string, wasClean: boolean): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    if (!wasClean) this.onerror?.({ type: 'error' });
    const event = { type: 'close', code, reason, wasClean };
    this.onclose?.(event);
  }
}
