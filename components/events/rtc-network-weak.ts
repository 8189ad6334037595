import type { RtcClientEvents } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

type Detail = RtcClientEvents['network-weak'];

/** A link crossed the weak-network thresholds or recovered: `{ userId, local, weak, bitrate, loss }` (ours: what we send). */
export class RtcNetworkWeakEvent extends RtcEvent<Detail> {
  constructor(detail: Detail) {
    super('rtc-network-weak', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-network-weak': RtcNetworkWeakEvent;
  }
}
