import type { DeviceKind, DeviceList } from '../../core/types.js';
import { RtcEvent } from './rtc-event.js';

/** Devices were plugged or unplugged; `fallback` is set when the engine moved off a vanished device. */
export class RtcDeviceChangeEvent extends RtcEvent<{ devices: DeviceList; fallback?: { kind: DeviceKind; from: string; to: string | null } }> {
  constructor(detail: { devices: DeviceList; fallback?: { kind: DeviceKind; from: string; to: string | null } }) {
    super('rtc-device-change', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rtc-device-change': RtcDeviceChangeEvent;
  }
}
