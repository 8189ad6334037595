import { RtcEvent } from './rtc-event.js';

/** The loudest speaker changed. */
export class RtcActiveSpeakerEvent extends RtcEvent<{ userId: string | null; previous: string | null }> {
  constructor(detail: { userId: string | null; previous: string | null }) {
    super('rtc-active-speaker', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-active-speaker': RtcActiveSpeakerEvent;
  }
}
