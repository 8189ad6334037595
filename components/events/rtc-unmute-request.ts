import type { MediaKind } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** A host asks the user to turn the microphone or camera on; nothing opens unless they choose to. */
export class RtcUnmuteRequestEvent extends RtcEvent<{ kind: MediaKind; by: string; byName: string }> {
  constructor(detail: { kind: MediaKind; by: string; byName: string }) {
    super('rtc-unmute-request', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-unmute-request': RtcUnmuteRequestEvent;
  }
}
