/**
 * Device lists, live switching and fallback. When the active camera or microphone disappears
 * (gone from the list, or its track ends) the engine captures the default device and says so.
 */
import { Emitter } from '../emitter.js';
import type { MediaSource } from '../rtc-client.js';
import type { DeviceKind, DeviceList, RtcClientEvents } from '../types.js';
import type { LocalMedia } from './local-media.js';
import { toMediaError } from './media-errors.js';

export function splitDevices(infos: readonly MediaDeviceInfo[]): DeviceList {
  return {
    cameras: infos.filter((d) => d.kind === 'videoinput'),
    microphones: infos.filter((d) => d.kind === 'audioinput'),
    speakers: infos.filter((d) => d.kind === 'audiooutput'),
  };
}

function devicesOf(list: DeviceList, kind: DeviceKind): MediaDeviceInfo[] {
  return kind === 'camera' ? list.cameras : kind === 'microphone' ? list.microphones : list.speakers;
}

/** The camera after `currentId` in the list, wrapping around; undefined when there is nothing else. */
export function nextDeviceId(devices: readonly MediaDeviceInfo[], currentId: string | undefined): string | undefined {
  const ids = devices.map((d) => d.deviceId).filter(Boolean);
  if (ids.length < 2) return undefined;
  const index = currentId ? ids.indexOf(currentId) : -1;
  return ids[(index + 1) % ids.length];
}

export interface DeviceManagerEvents {
  'device-change': RtcClientEvents['device-change'];
  'device-selected': RtcClientEvents['device-selected'];
  error: RtcClientEvents['error'];
}

export class DeviceManager extends Emitter<DeviceManagerEvents> {
  readonly #media: LocalMedia;
  readonly #source: () => MediaSource;
  #speaker: string | undefined;
  #watching: MediaSource | null = null;
  readonly #onDeviceChange = () => void this.#handleDeviceChange();

  constructor(media: LocalMedia, source: () => MediaSource) {
    super();
    this.#media = media;
    this.#source = source;
    media.on('ended', ({ source: kind, track }) => {
      if (kind === 'camera' || kind === 'microphone') void this.#fallback(kind, track.getSettings().deviceId ?? '', track.enabled);
    });
  }

  get speaker(): string | undefined {
    return this.#speaker;
  }

  async list(): Promise<DeviceList> {
    return splitDevices(await this.#source().enumerateDevices());
  }

  async select(kind: DeviceKind, deviceId: string): Promise<void> {
    if (kind === 'speaker') {
      this.#speaker = deviceId || undefined;
    } else {
      await this.#media.switchDevice(kind, deviceId || undefined);
    }
    this.emit('device-selected', { kind, deviceId });
  }

  /** Move the camera to the next one in the list (front/back on phones). Resolves quietly with one camera. */
  async switchCamera(): Promise<void> {
    const next = nextDeviceId((await this.list()).cameras, this.#media.deviceId('camera'));
    if (next) await this.select('camera', next);
  }

  /** Follow `devicechange` (plugging, unplugging). */
  watch(): void {
    if (this.#watching) return;
    const source = this.#source();
    source.addEventListener?.('devicechange', this.#onDeviceChange);
    this.#watching = source;
  }

  unwatch(): void {
    this.#watching?.removeEventListener?.('devicechange', this.#onDeviceChange);
    this.#watching = null;
  }

  async #handleDeviceChange(): Promise<void> {
    const devices = await this.list().catch(() => null);
    if (!devices) return;
    for (const kind of ['camera', 'microphone'] as const) {
      const track = this.#media.track(kind);
      const id = track?.readyState === 'live' ? track.getSettings().deviceId : undefined;
      if (id && !this.#present(devices, kind, id)) {
        await this.#fallback(kind, id, track!.enabled, devices);
        return;
      }
    }
    if (this.#speaker && !this.#present(devices, 'speaker', this.#speaker)) {
      const from = this.#speaker;
      this.#speaker = undefined;
      this.emit('device-change', { devices, fallback: { kind: 'speaker', from, to: devices.speakers[0]?.deviceId ?? null } });
      return;
    }
    this.emit('device-change', { devices });
  }

  /** Ids are empty before the user grants access; such a list says nothing about what is gone. */
  #present(devices: DeviceList, kind: DeviceKind, id: string): boolean {
    const list = devicesOf(devices, kind);
    return list.some((d) => d.deviceId === id) || list.every((d) => !d.deviceId);
  }

  async #fallback(kind: 'camera' | 'microphone', from: string, enabled: boolean, known?: DeviceList): Promise<void> {
    this.#media.forgetDevice(kind);
    let to: string | null = null;
    try {
      if (this.#media.track(kind)?.readyState === 'live') {
        await this.#media.switchDevice(kind, undefined);
      } else if (kind === 'camera') {
        await this.#media.setCamera(true);
      } else {
        await this.#media.setMicrophone(true);
        if (!enabled) await this.#media.setMicrophone(false);
      }
      to = this.#media.deviceId(kind) ?? null;
    } catch (error) {
      if (kind === 'camera') await this.#media.setCamera(false);
      this.emit('error', { error: toMediaError(error, kind) });
    }
    const devices = known ?? (await this.list().catch(() => ({ cameras: [], microphones: [], speakers: [] })));
    this.emit('device-change', { devices, fallback: { kind, from, to } });
  }
}
