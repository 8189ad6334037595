import type { DeviceKind } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** A camera, microphone or speaker was chosen (the room applies a speaker itself). */
export class RtcDeviceSelectedEvent extends RtcEvent<{ kind: DeviceKind; deviceId: string }> {
  constructor(detail: { kind: DeviceKind; deviceId: string }) {
    super('rtc-device-selected', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-device-selected': RtcDeviceSelectedEvent;
  }
}
