import { RtcEvent } from './rtc-event.js';

export type LocalRecordingState = 'inactive' | 'recording' | 'paused';

/**
 * The local recording started, paused, resumed or ended. When it ends, `file` is the video (WebM with
 * its duration, or MP4) and `fileName` the name the room offers it under; cancel that event to skip the
 * room's download notice (to upload the file instead, say).
 */
export class RtcLocalRecordingEvent extends RtcEvent<{ state: LocalRecordingState; file?: Blob; fileName?: string }> {
  constructor(detail: { state: LocalRecordingState; file?: Blob; fileName?: string }) {
    super('rtc-local-recording', detail, { cancelable: detail.state === 'inactive' });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-local-recording': RtcLocalRecordingEvent;
  }
}
