/**
 * The lobby's choices from last time, kept in localStorage by the device check (rtc-device-check/
 * choices-store.ts): the devices, and the camera and microphone switched on or off. The room reads
 * them before its preview opens. A remembered "off" wins over the page's "on"; a remembered "on"
 * never overrides the page's `audio="off"`/`video="off"`: nothing opens that someone chose to keep closed.
 */
import type { RtcClient } from '../../core/rtc-client.js';

export const CHOICES_KEY = 'rtc-kit.lobby-choices';

export interface RememberedChoices {
  audio?: boolean;
  video?: boolean;
  camera?: string;
  microphone?: string;
  speaker?: string;
}

/** What was stored; nothing when storage is off (private windows, sandboxed frames) or holds something else. */
export function rememberedChoices(): RememberedChoices {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(CHOICES_KEY) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as RememberedChoices) : {};
  } catch {
    return {};
  }
}

/** Selects the remembered devices that are still plugged in (an unplugged one would fail the capture). */
export async function restoreDevices(engine: RtcClient, choices: RememberedChoices): Promise<void> {
  const list = await engine.listDevices().catch(() => null);
  if (!list) return;
  const present = { camera: list.cameras, microphone: list.microphones, speaker: list.speakers };
  await Promise.all((['camera', 'microphone', 'speaker'] as const).map((kind) => {
    const id = choices[kind];
    return present[kind].some((device) => device.deviceId === id) ? engine.selectDevice(kind, id!).catch(() => {}) : undefined;
  }));
}
