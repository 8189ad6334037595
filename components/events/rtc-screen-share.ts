import { RtcEvent } from './rtc-event.js';

/** Someone started or stopped sharing a screen. */
export class RtcScreenShareEvent extends RtcEvent<{ userId: string; local: boolean; active: boolean }> {
  constructor(detail: { userId: string; local: boolean; active: boolean }) {
    super('rtc-screen-share', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-screen-share': RtcScreenShareEvent;
  }
}
