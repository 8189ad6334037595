import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';

/**
 * A controller that listens to one engine while its host is on the page, and listens again when
 * the engine changes. Subclasses say what to listen to; for data too frequent for the room snapshot.
 */
export abstract class EngineListener implements ReactiveController {
  #engine: RtcClient | undefined;
  #off: (() => void) | undefined;
  #connected = false;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setEngine(engine: RtcClient | undefined): void {
    if (engine === this.#engine) return;
    this.#engine = engine;
    if (this.#connected) this.#listen();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#off?.();
    this.#off = undefined;
    this.stopped();
  }

  /** Subscribes to `engine`; returns what unsubscribes. */
  protected abstract listen(engine: RtcClient): () => void;

  /** The host left the page: drop what was kept for it. */
  protected stopped(): void {}

  #listen(): void {
    this.#off?.();
    this.#off = this.#engine ? this.listen(this.#engine) : undefined;
  }
}
