import type { LeftReason } from '../../core/types.js';
import type { ErrorCode } from '../../core/errors.js';
import { RtcEvent } from './rtc-event.js';

/** The local user left the room: hung up, removed, replaced, or lost the connection for good. */
export class RtcLeftEvent extends RtcEvent<{ reason: LeftReason; code?: ErrorCode }> {
  constructor(detail: { reason: LeftReason; code?: ErrorCode }) {
    super('rtc-left', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-left': RtcLeftEvent;
  }
}
