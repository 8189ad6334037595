import type { ParticipantStats } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** The connection statistics of each user id, every `statsInterval` ms of the engine. */
export class RtcStatsEvent extends RtcEvent<{ stats: ReadonlyMap<string, ParticipantStats> }> {
  constructor(detail: { stats: ReadonlyMap<string, ParticipantStats> }) {
    super('rtc-stats', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-stats': RtcStatsEvent;
  }
}
