/** The call timer in the header (`show-timer`): time since joining, ticking once a second on the room's clock. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from '../internal/clock.js';

/** `m:ss` under ten minutes is odd next to `10:00`: always `mm:ss`, and `h:mm:ss` from an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export class CallTimer implements ReactiveController {
  #since: number | null = null;
  #timer: unknown;
  #clock: Clock | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => Clock,
  ) {
    host.addController(this);
  }

  /** Time in the call so far, or null when not running. */
  get elapsed(): number | null {
    return this.#since === null || !this.#clock ? null : this.#clock.now() - this.#since;
  }

  start(): void {
    this.stop();
    this.#clock = this.clock();
    this.#since = this.#clock.now();
    this.#tick();
  }

  stop(): void {
    if (this.#timer !== undefined) this.#clock?.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#since = null;
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Next tick on the next whole second of the call, so the display never skips one. */
  #tick(): void {
    const clock = this.#clock!;
    const elapsed = clock.now() - this.#since!;
    this.#timer = clock.setTimeout(() => {
      this.host.requestUpdate();
      this.#tick();
    }, 1000 - (elapsed % 1000));
  }
}
