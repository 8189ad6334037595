import type { MediaKind } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** A host turned the user's microphone (`audio`) or camera (`video`) off; it is off already. */
export class RtcMutedByHostEvent extends RtcEvent<{ kind: MediaKind; by: string; byName: string }> {
  constructor(detail: { kind: MediaKind; by: string; byName: string }) {
    super('rtc-muted-by-host', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-muted-by-host': RtcMutedByHostEvent;
  }
}
