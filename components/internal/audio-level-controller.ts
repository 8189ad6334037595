import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';

/** Level (0..1) above which someone counts as speaking, and below which they stop after HOLD_MS. */
const ON_LEVEL = 0.1;
const OFF_LEVEL = 0.05;
const HOLD_MS = 500;

/**
 * Whether one user is speaking, from the engine's audio levels (several a second, so they bypass the
 * room snapshot). A short hold keeps the ring from flickering between words.
 */
export class AudioLevelController implements ReactiveController {
  #engine: RtcClient | undefined;
  #off?: () => void;
  #lastLoud = -Infinity;
  #speaking = false;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly userId: () => string | undefined,
    private readonly onSpeaking: (speaking: boolean) => void,
  ) {
    host.addController(this);
  }

  setEngine(engine: RtcClient | undefined): void {
    if (engine === this.#engine) return;
    this.#engine = engine;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#off?.();
    this.#off = undefined;
  }

  #subscribe(): void {
    this.#off?.();
    this.#off = this.#engine?.on('audio-levels', ({ levels }) => {
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
