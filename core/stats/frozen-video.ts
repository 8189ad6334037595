/**
 * Frozen video: the camera is on and its track live, but the frame count stops (pure; time comes in
 * with each reading). Frames moving again is the recovery.
 */
export class FrozenVideoDetector {
  #frames = -1;
  #stillSince: number | null = null;
  #frozen = false;

  constructor(readonly frozenAfterMs: number) {}

  get frozen(): boolean { return this.#frozen; }

  /**
   * `expected`: video should be moving (camera on, track live). Returns the new state when it
   * changed, else null. Video that never started is not frozen: it has not arrived yet.
   */
  update(frames: number, expected: boolean, now: number): boolean | null {
    // A count that went back is a new link: that moved too.
    const moved = frames !== this.#frames;
    this.#frames = frames;
    if (!expected || moved || frames === 0) {
      this.#stillSince = null;
      return this.#set(false);
    }
    this.#stillSince ??= now;
    return now - this.#stillSince >= this.frozenAfterMs ? this.#set(true) : null;
  }

  #set(frozen: boolean): boolean | null {
    if (frozen === this.#frozen) return null;
    this.#frozen = frozen;
    return frozen;
  }
}
