import { RtcEvent } from './rtc-event.js';

/** Someone's microphone or camera went off or on. */
export class RtcMuteChangeEvent extends RtcEvent<{ userId: string; local: boolean; kind: 'audio' | 'video'; muted: boolean }> {
  constructor(detail: { userId: string; local: boolean; kind: 'audio' | 'video'; muted: boolean }) {
    super('rtc-mute-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-mute-change': RtcMuteChangeEvent;
  }
}
