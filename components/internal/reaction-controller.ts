import type { ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';
import { EngineListener } from './engine-listener.js';

/** How long a reaction stays on a tile. */
const SHOW_MS = 4000;
/** At most this many at once: a burst of clicks must not cover the video. */
const MAX_SHOWN = 3;

export interface ShownReaction {
  readonly key: number;
  readonly emoji: string;
}

let serial = 0;

/**
 * The reactions one user sent in the last few seconds, from the engine's `reaction` events, for the
 * bubbles on their tile. Each goes away by itself; everything goes when the host leaves the page.
 */
export class ReactionController extends EngineListener {
  shown: readonly ShownReaction[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    host: ReactiveControllerHost,
    private readonly userId: () => string | undefined,
  ) {
    super(host);
  }

  protected listen(engine: RtcClient): () => void {
    return engine.on('reaction', ({ from, emoji }) => {
      if (from !== this.userId()) return;
      const reaction = { key: ++serial, emoji };
      this.shown = [...this.shown.slice(1 - MAX_SHOWN), reaction];
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.shown = this.shown.filter((r) => r !== reaction);
        this.host.requestUpdate();
      }, SHOW_MS);
      this.#timers.add(timer);
      this.host.requestUpdate();
    });
  }

  protected override stopped(): void {
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
    this.shown = [];
  }
}
