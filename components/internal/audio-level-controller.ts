import type { ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';
import { EngineListener } from './engine-listener.js';

/** Level (0..1) above which someone counts as speaking, and below which they stop after HOLD_MS. */
const ON_LEVEL = 0.1;
const OFF_LEVEL = 0.05;
const HOLD_MS = 500;

/**
 * Whether one user is speaking, from the engine's audio levels (several a second, so they bypass the
 * room snapshot). A short hold keeps the ring from flickering between words.
 */
export class AudioLevelController extends EngineListener {
  #lastLoud = -Infinity;
  #speaking = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly userId: () => string | undefined,
    private readonly onSpeaking: (speaking: boolean) => void,
  ) {
    super(host);
  }

  protected listen(engine: RtcClient): () => void {
    return engine.on('audio-levels', ({ levels }) => {
      const id = this.userId();
      const level = id === undefined ? 0 : (levels.get(id) ?? 0);
      const now = performance.now();
      // Loud enough starts (or extends) speech; a quieter level only sustains speech already going on.
      if (level >= ON_LEVEL || (level >= OFF_LEVEL && this.#speaking)) this.#lastLoud = now;
      const speaking = now - this.#lastLoud < HOLD_MS;
      if (speaking !== this.#speaking) this.onSpeaking((this.#speaking = speaking));
    });
  }
}
