import { RtcEvent } from './rtc-event.js';

export interface UserChange {
  /** User ids that just joined (the local one included, on joining). */
  joined: string[];
  /** User ids that just left. */
  exited: string[];
  /** Everyone in the room now, the local user first. */
  users: string[];
  /** Who is on the main view. */
  current: string | null;
}

/** People joined or left (the plugin's onUserChange). */
export class RtcUserChangeEvent extends RtcEvent<UserChange> {
  constructor(detail: UserChange) {
    super('rtc-user-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-user-change': RtcUserChangeEvent;
  }
}
