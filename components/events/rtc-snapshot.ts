import { RtcEvent } from './rtc-event.js';

/** The user took a snapshot with the controls' button; the image downloads unless a listener cancels the event. */
export class RtcSnapshotEvent extends RtcEvent<{ userId: string | null; image: Blob }> {
  constructor(detail: { userId: string | null; image: Blob }) {
    super('rtc-snapshot', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-snapshot': RtcSnapshotEvent;
  }
}
