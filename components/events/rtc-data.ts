import { RtcEvent } from './rtc-event.js';

/** An application's own payload from `sendData` (`room.engine.sendData(payload, { to })`); `private` when it was sent to the local user alone. */
export class RtcDataEvent extends RtcEvent<{ from: string; payload: unknown; private: boolean }> {
  constructor(detail: { from: string; payload: unknown; private: boolean }) {
    super('rtc-data', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-data': RtcDataEvent;
  }
}
