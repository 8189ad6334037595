/**
 * The lobby's choices from last time, kept in localStorage by the device check (rtc-device-check/
 * choices-store.ts): the devices, and the camera and microphone switched on or off. The room reads
 * them before its preview opens (the devices it leaves to the device check's chunk, off the first
 * paint). A remembered "off" wins over the page's "on"; a remembered "on" never overrides the page's
 * `audio="off"`/`video="off"`: nothing opens that someone chose to keep closed.
 */
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
