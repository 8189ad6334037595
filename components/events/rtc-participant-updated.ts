import type { Participant } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Any change to someone's snapshot (media, streams, link, hand), the local user's included. */
export class RtcParticipantUpdatedEvent extends RtcEvent<{ participant: Participant; previous: Participant }> {
  constructor(detail: { participant: Participant; previous: Participant }) {
    super('rtc-participant-updated', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-participant-updated': RtcParticipantUpdatedEvent;
  }
}
