import type { ErrorCode, RtcError } from '../../core/errors.js';
import { RtcEvent } from './rtc-event.js';

/** Something failed: `code` is stable (docs/errors.md), `message` is in English for logs. */
export class RtcErrorEvent extends RtcEvent<{ code: ErrorCode; message: string; error: RtcError }> {
  constructor(detail: { code: ErrorCode; message: string; error: RtcError }) {
    super('rtc-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-error': RtcErrorEvent;
  }
}
