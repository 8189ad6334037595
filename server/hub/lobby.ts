import type { WaitingPerson } from '../../protocol/model.js';

/** How a wait ends: let in, turned away by a host, or the room ended meanwhile. */
export type LobbyOutcome = 'admitted' | 'denied' | 'ended';

interface Entry extends WaitingPerson {
  decide(outcome: LobbyOutcome): void;
}

/**
 * People knocking on a room with a lobby, oldest first. A join waits on `wait()` until a host decides
 * or the socket goes (`leave`); `onChange` tells the room to send hosts the new list.
 */
export class Lobby {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly onChange: () => void, private readonly now: () => number) {}

  get size(): number {
    return this.#entries.size;
  }

  list(): WaitingPerson[] {
    return [...this.#entries.values()].map(({ userId, name, since }) => ({ userId, name, since }));
  }

  /** Waits for a host's decision. The same user knocking again replaces the earlier knock (which is denied). */
  wait(userId: string, name: string): Promise<LobbyOutcome> {
    this.#entries.get(userId)?.decide('denied');
    return new Promise((resolve) => {
      const entry: Entry = {
        userId, name, since: this.now(),
        decide: (outcome) => {
          if (this.#entries.get(userId) !== entry) return;
          this.#entries.delete(userId);
          resolve(outcome);
          this.onChange();
        },
      };
      this.#entries.set(userId, entry);
      this.onChange();
    });
  }

  /** False when nobody by that id is waiting. */
  decide(userId: string, outcome: LobbyOutcome): boolean {
    const entry = this.#entries.get(userId);
    entry?.decide(outcome);
    return !!entry;
  }

  /** The socket of a waiting person closed: they are gone from the list. */
  leave(userId: string): void {
    this.decide(userId, 'denied');
  }

  decideAll(outcome: LobbyOutcome): void {
    for (const userId of [...this.#entries.keys()]) this.decide(userId, outcome);
  }
}
