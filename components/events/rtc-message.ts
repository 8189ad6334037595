import type { ChatMessage } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** A chat message arrived, or one the local user sent was accepted by the server. */
export class RtcMessageEvent extends RtcEvent<{ message: ChatMessage; local: boolean }> {
  constructor(detail: { message: ChatMessage; local: boolean }) {
    super('rtc-message', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-message': RtcMessageEvent;
  }
}
