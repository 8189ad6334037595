import type { TrackSource } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Someone's media became available: `source` is `microphone`, `camera`, `screen` or `screen-audio` (a shared screen's sound). */
export class RtcTrackAddedEvent extends RtcEvent<{ userId: string; source: TrackSource; track: MediaStreamTrack; stream: MediaStream }> {
  constructor(detail: { userId: string; source: TrackSource; track: MediaStreamTrack; stream: MediaStream }) {
    super('rtc-track-added', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-track-added': RtcTrackAddedEvent;
  }
}
