import { RtcEvent } from './rtc-event.js';

/** The user declined the incoming call on the answer page. */
export class RtcCallDeclineEvent extends RtcEvent<{ roomId: string | null }> {
  constructor(detail: { roomId: string | null }) {
    super('rtc-call-decline', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-call-decline': RtcCallDeclineEvent;
  }
}
