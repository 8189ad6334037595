import type { Layout } from '../context/room-state-context.js';
import { RtcEvent } from './rtc-event.js';

/** The user switched between grid and speaker layout. */
export class RtcLayoutChangeEvent extends RtcEvent<{ layout: Layout }> {
  constructor(detail: { layout: Layout }) {
    super('rtc-layout-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-layout-change': RtcLayoutChangeEvent;
  }
}
