import { RtcEvent } from './rtc-event.js';

/** The local user went audio only (their camera off, nobody's camera sent to them), or back. */
export class RtcAudioOnlyEvent extends RtcEvent<{ on: boolean }> {
  constructor(detail: { on: boolean }) {
    super('rtc-audio-only', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-audio-only': RtcAudioOnlyEvent;
  }
}
