import { RtcEvent } from './rtc-event.js';

/** The user's join waits in the room's lobby until a host lets them in (then `rtc-joined`) or turns them away (`rtc-error` `denied`). */
export class RtcWaitingEvent extends RtcEvent<{ roomId: string }> {
  constructor(detail: { roomId: string }) {
    super('rtc-waiting', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-waiting': RtcWaitingEvent;
  }
}
