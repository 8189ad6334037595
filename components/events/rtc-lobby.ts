import type { WaitingPerson } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** For those who may admit: who waits in the lobby changed, oldest first (`{ userId, name, since }`). */
export class RtcLobbyEvent extends RtcEvent<{ waiting: WaitingPerson[] }> {
  constructor(detail: { waiting: WaitingPerson[] }) {
    super('rtc-lobby', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-lobby': RtcLobbyEvent;
  }
}
