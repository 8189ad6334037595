import { RtcEvent } from './rtc-event.js';

/** The main view moved from `preUserId` to `userId` (the plugin's onPlayerChange). */
export class RtcPlayerChangeEvent extends RtcEvent<{ userId: string | null; preUserId: string | null }> {
  constructor(detail: { userId: string | null; preUserId: string | null }) {
    super('rtc-player-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-player-change': RtcPlayerChangeEvent;
  }
}
