import type { RtcClientEvents } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

type Detail = RtcClientEvents['video-adapt'];

/** The engine stepped our camera down for a weak uplink or back up, or suggests audio only: `{ profile, reason, audioOnlySuggested }`. */
export class RtcVideoAdaptEvent extends RtcEvent<Detail> {
  constructor(detail: Detail) {
    super('rtc-video-adapt', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-video-adapt': RtcVideoAdaptEvent;
  }
}
