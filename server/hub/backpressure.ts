/**
 * How far behind one socket may fall. Above `dropAboveBytes` waiting to be written, droppable frames
 * (relayed `data`, reactions) are dropped rather than queued; once what waits plus what was dropped
 * since it fell behind passes `closeAboveBytes`, the socket is cut (CLOSE_CODES.tooSlow). Everything
 * else is queued, so nothing a client needs to stay consistent is lost without it knowing: it is
 * either written, or the socket is cut and the session resumes (replayed from its outbox).
 */
import type { SendBufferLimits } from './hub-config.js';

export type SendDecision = 'send' | 'drop' | 'cut';

export class Backpressure {
  /** Bytes dropped since the buffer last was below `dropAboveBytes`. */
  private dropped = 0;

  constructor(private readonly limits: SendBufferLimits) {}

  /** What to do with a frame of `bytes` while `buffered` bytes wait to be written. */
  decide(buffered: number, bytes: number, droppable: boolean): SendDecision {
    if (buffered < this.limits.dropAboveBytes) {
      this.dropped = 0;
      return 'send';
    }
    if (buffered + this.dropped + bytes > this.limits.closeAboveBytes) return 'cut';
    if (!droppable) return 'send';
    this.dropped += bytes;
    return 'drop';
  }
}

/** Frames a client can do without: best-effort by nature, never stored, no reply expected. */
export const DROPPABLE_FRAMES: ReadonlySet<string> = new Set(['data', 'reaction']);
