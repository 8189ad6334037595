import { RtcEvent } from './rtc-event.js';

/** A host stopped the user's screen share; the capture is stopped already. */
export class RtcScreenStoppedEvent extends RtcEvent<{ by: string; byName: string }> {
  constructor(detail: { by: string; byName: string }) {
    super('rtc-screen-stopped', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-screen-stopped': RtcScreenStoppedEvent;
  }
}
