import { RtcEvent } from './rtc-event.js';

/** Someone (the local user too) sent a short emoji reaction; `ts` is the server's time. */
export class RtcReactionEvent extends RtcEvent<{ userId: string; emoji: string; ts: number }> {
  constructor(detail: { userId: string; emoji: string; ts: number }) {
    super('rtc-reaction', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-reaction': RtcReactionEvent;
  }
}
