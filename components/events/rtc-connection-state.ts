import type { ConnectionState } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** The signaling connection changed state (`reconnecting` keeps the call). */
export class RtcConnectionStateEvent extends RtcEvent<{ state: ConnectionState; previous: ConnectionState }> {
  constructor(detail: { state: ConnectionState; previous: ConnectionState }) {
    super('rtc-connection-state', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-connection-state': RtcConnectionStateEvent;
  }
}
