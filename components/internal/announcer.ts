/**
 * One polite live region for a call: what a sighted person notices without looking for it (someone
 * joined or left, a hand went up, the connection dropped and came back). Messages that arrive close
 * together are said at once, and a burst of joins or leaves becomes a count (internal: no semver promise).
 */
import type { ReactiveControllerHost } from 'lit';
import { systemClock, type Clock } from './clock.js';

/** Joins or leaves beyond this many in one burst are said as a count. */
const NAMED_AT_MOST = 3;

export type Announcement =
  | { kind: 'joined' | 'left'; name: string }
  | { kind: 'text'; text: string };

export interface AnnouncerOptions {
  clock?: () => Clock;
  /** How long to gather a burst before speaking it. */
  debounceMs?: number;
  /** Builds the sentence for a burst of joins or leaves. */
  words: (kind: 'joined' | 'left', names: readonly string[]) => string[];
}

export class Announcer {
  /** What the live region says now. */
  text = '';
  #queue: Announcement[] = [];
  #timer: unknown;
  #clock: Clock | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AnnouncerOptions,
  ) {
    host.addController({ hostDisconnected: () => this.clear() });
  }

  announce(...items: Announcement[]): void {
    if (!items.length) return;
    this.#queue.push(...items);
    if (this.#timer !== undefined) return;
    this.#clock = this.options.clock?.() ?? systemClock;
    this.#timer = this.#clock.setTimeout(() => this.#flush(), this.options.debounceMs ?? 800);
  }

  clear(): void {
    if (this.#timer !== undefined) this.#clock?.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queue = [];
    this.text = '';
  }

  #flush(): void {
    this.#timer = undefined;
    const queue = this.#queue;
    this.#queue = [];
    const sentences: string[] = [];
    for (const kind of ['joined', 'left'] as const) {
      const names = queue.flatMap((item) => (item.kind === kind ? [item.name] : []));
      if (names.length) sentences.push(...this.options.words(kind, names));
    }
    for (const item of queue) if (item.kind === 'text') sentences.push(item.text);
    // The same words twice in a row would not be read again: a trailing no-break space makes them new.
    const text = sentences.join(' ');
    this.text = text === this.text.trimEnd() ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }
}

/** "Ada joined", "Ada joined Bob joined", or past the limit "5 people joined". */
export function burstWords(names: readonly string[], one: (name: string) => string, many: (count: number) => string): string[] {
  return names.length > NAMED_AT_MOST ? [many(names.length)] : names.map(one);
}
