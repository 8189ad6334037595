import { RtcEvent } from './rtc-event.js';

/** The token expires in `inMs` (at `expiresAt`, ms since epoch): hand in a fresh one with `room.engine.renewToken(token)`, or the call ends then. */
export class RtcTokenExpiringEvent extends RtcEvent<{ expiresAt: number; inMs: number }> {
  constructor(detail: { expiresAt: number; inMs: number }) {
    super('rtc-token-expiring', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-token-expiring': RtcTokenExpiringEvent;
  }
}
