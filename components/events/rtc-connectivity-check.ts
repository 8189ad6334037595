import type { ConnectivityReport } from '../../core/preflight/connectivity-check.js';
import { RtcEvent } from './rtc-event.js';

/** The lobby's connectivity check finished: `report.verdict` in one word, and what each step found. */
export class RtcConnectivityCheckEvent extends RtcEvent<{ report: ConnectivityReport }> {
  constructor(detail: { report: ConnectivityReport }) {
    super('rtc-connectivity-check', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-connectivity-check': RtcConnectivityCheckEvent;
  }
}
