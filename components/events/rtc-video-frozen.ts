import type { RtcClientEvents } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

type Detail = RtcClientEvents['video-frozen'];

/** Someone's video stopped moving while their camera is on, or moves again: `{ userId, local, frozen }`. */
export class RtcVideoFrozenEvent extends RtcEvent<Detail> {
  constructor(detail: Detail) {
    super('rtc-video-frozen', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-video-frozen': RtcVideoFrozenEvent;
  }
}
