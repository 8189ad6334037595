import type { RtcClientEvents } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

type Detail = RtcClientEvents['network-quality'];

/** Someone's network quality changed: `{ userId, local, quality, previous }`, 0–5 (ours: our uplink; 0 unknown or lost). */
export class RtcNetworkQualityEvent extends RtcEvent<Detail> {
  constructor(detail: Detail) {
    super('rtc-network-quality', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-network-quality': RtcNetworkQualityEvent;
  }
}
