import { RtcEvent } from './rtc-event.js';

/** The browser refused to play the call's sound until the user interacts; the room shows an "enable audio" button. */
export class RtcAudioBlockedEvent extends RtcEvent<{ userIds: string[] }> {
  constructor(detail: { userIds: string[] }) {
    super('rtc-audio-blocked', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-audio-blocked': RtcAudioBlockedEvent;
  }
}
