import { RtcEvent } from './rtc-event.js';

/** The local user hung up (the plugin's onHangup); `rtc-left` follows. */
export class RtcHangupEvent extends RtcEvent<{ roomId: string | null }> {
  constructor(detail: { roomId: string | null }) {
    super('rtc-hangup', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-hangup': RtcHangupEvent;
  }
}
