import { RtcEvent } from './rtc-event.js';

/** The room entered or left full screen. */
export class RtcFullscreenChangeEvent extends RtcEvent<{ fullscreen: boolean }> {
  constructor(detail: { fullscreen: boolean }) {
    super('rtc-fullscreen-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-fullscreen-change': RtcFullscreenChangeEvent;
  }
}
