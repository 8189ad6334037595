import type { LeaveReason, Participant } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Someone went: `left`, `kicked`, `timeout` (lost longer than the grace period) or `replaced`. */
export class RtcParticipantLeftEvent extends RtcEvent<{ participant: Participant; reason: LeaveReason }> {
  constructor(detail: { participant: Participant; reason: LeaveReason }) {
    super('rtc-participant-left', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-participant-left': RtcParticipantLeftEvent;
  }
}
