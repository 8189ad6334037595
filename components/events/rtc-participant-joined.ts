import type { Participant } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Someone arrived in the call (people already there when the local user joined are in `joined`, not announced one by one). */
export class RtcParticipantJoinedEvent extends RtcEvent<{ participant: Participant }> {
  constructor(detail: { participant: Participant }) {
    super('rtc-participant-joined', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-participant-joined': RtcParticipantJoinedEvent;
  }
}
