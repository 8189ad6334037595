import { RtcEvent } from './rtc-event.js';

/** The user asked to leave; cancel it (`preventDefault()`) to keep them in the call. */
export class RtcRequestLeaveEvent extends RtcEvent<{ source: 'hangup' | 'decline' }> {
  constructor(detail: { source: 'hangup' | 'decline' }) {
    super('rtc-request-leave', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-request-leave': RtcRequestLeaveEvent;
  }
}
