import type { RoomState } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** The room's own state changed (title, lock, lobby, hands, screen sharer, hosts, held mutes): `state` is `room.engine.roomState`. */
export class RtcRoomStateEvent extends RtcEvent<{ state: RoomState; previous: RoomState | null }> {
  constructor(detail: { state: RoomState; previous: RoomState | null }) {
    super('rtc-room-state', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-room-state': RtcRoomStateEvent;
  }
}
