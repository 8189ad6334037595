import { RtcEvent } from './rtc-event.js';

/** A host confirmed removing someone from the room; cancel it (`preventDefault()`) to keep them in. */
export class RtcRequestKickEvent extends RtcEvent<{ userId: string }> {
  constructor(detail: { userId: string }) {
    super('rtc-request-kick', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-request-kick': RtcRequestKickEvent;
  }
}
