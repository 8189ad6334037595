import { RtcEvent } from './rtc-event.js';

/** Who records the call changed (anyone in the room, the local user included): `userIds` oldest first, empty when nobody does. */
export class RtcRecordingChangeEvent extends RtcEvent<{ recording: boolean; userIds: readonly string[] }> {
  constructor(detail: { recording: boolean; userIds: readonly string[] }) {
    super('rtc-recording-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-recording-change': RtcRecordingChangeEvent;
  }
}
