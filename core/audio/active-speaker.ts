/**
 * Picks the active speaker from audio levels with hysteresis: a newcomer must be the loudest for a
 * while before the spotlight moves, and the speaker keeps it through short pauses.
 */
export interface ActiveSpeakerOptions {
  /** Level (0..1, linear like RTP audio levels) from which someone counts as speaking. */
  threshold?: number;
  /** How long someone must stay the loudest before becoming the active speaker. */
  switchMs?: number;
  /** How long the active speaker keeps the spot after going quiet. */
  holdMs?: number;
}

export class ActiveSpeakerDetector {
  readonly #threshold: number;
  readonly #switchMs: number;
  readonly #holdMs: number;
  #current: string | null = null;
  #lastHeard = 0;
  #candidate: string | null = null;
  #candidateSince = 0;

  constructor(options: ActiveSpeakerOptions = {}) {
    this.#threshold = options.threshold ?? 0.02; // about -34 dBov: quiet speech, above a denoised room
    this.#switchMs = options.switchMs ?? 400;
    this.#holdMs = options.holdMs ?? 1_500;
  }

  get current(): string | null {
    return this.#current;
  }

  /** Feed one sample of levels by user id taken at `now` (ms); returns the active speaker. */
  update(levels: ReadonlyMap<string, number>, now: number): string | null {
    if (this.#current !== null && !levels.has(this.#current)) this.#current = null;

    let loudest: string | null = null;
    let loudestLevel = this.#threshold;
    for (const [id, level] of levels) {
      if (level >= loudestLevel) {
        loudest = id;
        loudestLevel = level;
      }
    }

    if (this.#current !== null && (levels.get(this.#current) ?? 0) >= this.#threshold) this.#lastHeard = now;

    if (loudest === null || loudest === this.#current) {
      this.#candidate = null;
    } else if (this.#candidate !== loudest) {
      this.#candidate = loudest;
      this.#candidateSince = now;
    }

    if (this.#candidate !== null && now - this.#candidateSince >= this.#switchMs) {
      this.#current = this.#candidate;
      this.#lastHeard = now;
      this.#candidate = null;
    } else if (this.#current !== null && now - this.#lastHeard > this.#holdMs) {
      this.#current = null;
    }
    return this.#current;
  }

  reset(): void {
    this.#current = null;
    this.#candidate = null;
  }
}
