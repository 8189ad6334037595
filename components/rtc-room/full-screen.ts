/**
 * The room's full screen: the browser's Fullscreen API, or where there is none (iPhone Safari, no
 * user gesture) covering the page; the page does not scroll behind a room that covers it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RtcFullscreenChangeEvent } from '../events/rtc-fullscreen-change.js';

export interface FullScreenOptions {
  /** Whether the room covers the page even out of full screen (`mode="fullscreen"` while not left). */
  coversPage: () => boolean;
  emit: (event: RtcFullscreenChangeEvent) => void;
  /** Told when `on` changed, with the value before (for the reflected `fullscreen` attribute). */
  changed: (previous: boolean) => void;
}

export class FullScreen implements ReactiveController {
  #on = false;
  #restoreOverflow?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FullScreenOptions,
  ) {
    host.addController(this);
  }

  /** In full screen, either way. */
  get on(): boolean {
    return this.#on;
  }

  async set(on: boolean): Promise<void> {
    const host = this.host;
    if (on) {
      try {
        if (!document.fullscreenEnabled || !host.requestFullscreen) throw new Error('no Fullscreen API');
        await host.requestFullscreen({ navigationUI: 'hide' });
      } catch {
        this.#set(true); // iPhone Safari, or no user gesture: cover the viewport instead.
      }
    } else {
      if (document.fullscreenElement === host) await document.exitFullscreen();
      this.#set(false);
    }
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    this.#restorePage();
  }

  /** While covering the page (full-screen mode in a call, or pseudo full screen), the page must not scroll. */
  hostUpdated(): void {
    const covering = this.options.coversPage() || this.#on;
    const root = document.documentElement;
    if (covering && this.#restoreOverflow === undefined) {
      this.#restoreOverflow = root.style.overflow;
      root.style.overflow = 'hidden';
    } else if (!covering) this.#restorePage();
  }

  #onFullscreenChange = (): void => {
    this.#set(document.fullscreenElement === this.host);
  };

  #set(on: boolean): void {
    if (on === this.#on) return;
    this.#on = on;
    this.options.changed(!on);
    this.options.emit(new RtcFullscreenChangeEvent({ fullscreen: on }));
  }

  #restorePage(): void {
    if (this.#restoreOverflow === undefined) return;
    document.documentElement.style.overflow = this.#restoreOverflow;
    this.#restoreOverflow = undefined;
  }
}
