import type { CallParty } from '../../protocol/line.js';
import { RtcEvent } from './rtc-event.js';

/**
 * A call rings on `<rtc-phone>` (docs/calls.md). Cancelable: a page that cancels it shows its own
 * ringing UI (no panel, no sound from the phone) and answers with `accept(callId)` or `decline(callId)`.
 */
export class RtcIncomingCallEvent extends RtcEvent<{ callId: string; from: CallParty; video: boolean; data?: unknown }> {
  constructor(detail: { callId: string; from: CallParty; video: boolean; data?: unknown }) {
    super('rtc-incoming-call', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-incoming-call': RtcIncomingCallEvent;
  }
}
