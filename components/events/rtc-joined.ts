import { RtcEvent } from './rtc-event.js';

/** The local user joined the room. */
export class RtcJoinedEvent extends RtcEvent<{ roomId: string; userId: string }> {
  constructor(detail: { roomId: string; userId: string }) {
    super('rtc-joined', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-joined': RtcJoinedEvent;
  }
}
