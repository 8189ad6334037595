import type { TransportState } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** The media transport as a whole changed state (in a mesh: the worst of the per-person links). */
export class RtcTransportStateEvent extends RtcEvent<{ state: TransportState; previous: TransportState }> {
  constructor(detail: { state: TransportState; previous: TransportState }) {
    super('rtc-transport-state', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-transport-state': RtcTransportStateEvent;
  }
}
