import type { TrackSource } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Someone's media went away. */
export class RtcTrackRemovedEvent extends RtcEvent<{ userId: string; source: TrackSource; track: MediaStreamTrack; stream: MediaStream }> {
  constructor(detail: { userId: string; source: TrackSource; track: MediaStreamTrack; stream: MediaStream }) {
    super('rtc-track-removed', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-track-removed': RtcTrackRemovedEvent;
  }
}
