import type { CallState } from '../../protocol/line.js';
import { RtcEvent } from './rtc-event.js';

/** A call changed state (docs/calls.md): on `<rtc-phone>` for its calls, on `<rtc-room>` for its `invite()`s; `by` is the user whose action caused it. */
export class RtcCallStateEvent extends RtcEvent<{ callId: string; state: CallState; by?: string }> {
  constructor(detail: { callId: string; state: CallState; by?: string }) {
    super('rtc-call-state', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-call-state': RtcCallStateEvent;
  }
}
