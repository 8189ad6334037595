/** The tab's title alternates with "Li Lei is calling…" while a call rings, so a tab in the background shows it. */
import type { Clock } from '../internal/clock.js';

const FLASH_MS = 1000;

export class TitleFlash {
  #original: string | null = null;
  #text = '';
  #timer: unknown;

  constructor(private readonly clock: () => Clock) {}

  get flashing(): boolean {
    return this.#original !== null;
  }

  /** Starts flashing `text` (or changes what flashes); the page's own title comes back on `stop`. */
  start(text: string): void {
    if (typeof document === 'undefined') return;
    this.#text = text;
    if (this.#original !== null) return;
    this.#original = document.title;
    this.#show(true);
  }

  stop(): void {
    if (this.#original === null) return;
    this.clock().clearTimeout(this.#timer);
    // A page that set its own title meanwhile keeps it.
    if (document.title === this.#text) document.title = this.#original;
    this.#original = null;
  }

  #show(call: boolean): void {
    if (this.#original === null) return;
    if (call) this.#original = document.title === this.#text ? this.#original : document.title;
    document.title = call ? this.#text : this.#original;
    this.#timer = this.clock().setTimeout(() => this.#show(!call), FLASH_MS);
  }
}
