import { RtcEvent } from './rtc-event.js';

/** Five times a second while joined: the audio level (0..1) of each user id. */
export class RtcAudioLevelsEvent extends RtcEvent<{ levels: ReadonlyMap<string, number> }> {
  constructor(detail: { levels: ReadonlyMap<string, number> }) {
    super('rtc-audio-levels', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-audio-levels': RtcAudioLevelsEvent;
  }
}
