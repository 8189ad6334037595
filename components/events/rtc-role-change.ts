import type { Role } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Someone's role changed (`local`: the user's own); `by` is the host who did it, null when the room passed the host role on. */
export class RtcRoleChangeEvent extends RtcEvent<{ userId: string; local: boolean; role: Role; previous: Role; by: string | null }> {
  constructor(detail: { userId: string; local: boolean; role: Role; previous: Role; by: string | null }) {
    super('rtc-role-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-role-change': RtcRoleChangeEvent;
  }
}
