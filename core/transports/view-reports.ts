/**
 * The receiving half of per-receiver scaling in a mesh: tells each sender, over signaling, the size at
 * which we show their camera, once it holds still for a moment and only when it changed.
 */
import { DEFAULTS } from '../defaults.js';
import type { ViewSize } from '../media/view-layer.js';
import type { ViewSizeSignal } from '../../protocol/model.js';

export class ViewReports {
  readonly #send: (userId: string, view: ViewSizeSignal) => void;
  /** What we show of each sender's camera; absent: never said (they send full quality). */
  readonly #wanted = new Map<string, ViewSize>();
  readonly #sent = new Map<string, string>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(send: (userId: string, view: ViewSizeSignal) => void) {
    this.#send = send;
  }

  /** Their camera shows at `size` device pixels here (null: not shown). */
  set(userId: string, size: ViewSize | null): void {
    this.#wanted.set(userId, size ? { width: Math.round(size.width), height: Math.round(size.height) } : { width: 0, height: 0 });
    clearTimeout(this.#timers.get(userId));
    this.#timers.set(userId, setTimeout(() => this.#flush(userId), DEFAULTS.viewSizeDebounceMs));
  }

  /** The link to them (re)connected: a new connection on their side knows nothing of our view yet. */
  linkUp(userId: string): void {
    this.#sent.delete(userId);
    if (!this.#timers.has(userId)) this.#flush(userId);
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #flush(userId: string): void {
    this.#timers.delete(userId);
    const view = this.#wanted.get(userId);
    if (!view) return;
    const key = `${view.width}x${view.height}`;
    if (this.#sent.get(userId) === key) return;
    this.#sent.set(userId, key);
    this.#send(userId, { source: 'camera', ...view });
  }
}
