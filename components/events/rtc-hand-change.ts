import { RtcEvent } from './rtc-event.js';

/** Raised hands changed: `queue` holds the user ids with a raised hand, oldest first (the server keeps it). */
export class RtcHandChangeEvent extends RtcEvent<{ queue: string[] }> {
  constructor(detail: { queue: string[] }) {
    super('rtc-hand-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-hand-change': RtcHandChangeEvent;
  }
}
