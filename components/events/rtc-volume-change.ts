import { RtcEvent } from './rtc-event.js';

/** The user changed how loud someone plays for them alone (a tile's menu): nobody else hears a change. */
export class RtcVolumeChangeEvent extends RtcEvent<{ userId: string; volume: number; muted: boolean }> {
  constructor(detail: { userId: string; volume: number; muted: boolean }) {
    super('rtc-volume-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-volume-change': RtcVolumeChangeEvent;
  }
}
