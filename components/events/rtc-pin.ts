import { RtcEvent } from './rtc-event.js';

/** The user pinned a participant to the main view, or unpinned them. */
export class RtcPinEvent extends RtcEvent<{ userId: string; pinned: boolean }> {
  constructor(detail: { userId: string; pinned: boolean }) {
    super('rtc-pin', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-pin': RtcPinEvent;
  }
}
