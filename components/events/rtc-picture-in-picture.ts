import { RtcEvent } from './rtc-event.js';

/** The call's picture-in-picture window opened or closed (any cause: the button, the window's own close). */
export class RtcPictureInPictureEvent extends RtcEvent<{ active: boolean }> {
  constructor(detail: { active: boolean }) {
    super('rtc-picture-in-picture', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-picture-in-picture': RtcPictureInPictureEvent;
  }
}
