/** Writing, restoring and forgetting the lobby's remembered choices (reading them is the room's: internal/remembered-choices.ts). */
import type { RtcClient } from '../../core/rtc-client.js';
import { CHOICES_KEY, rememberedChoices, type RememberedChoices } from '../internal/remembered-choices.js';

export function rememberChoice(choice: RememberedChoices): void {
  try {
    localStorage.setItem(CHOICES_KEY, JSON.stringify({ ...rememberedChoices(), ...choice }));
  } catch {
    // Storage off or full: the choice holds for this visit only.
  }
}

export function forgetChoices(): void {
  try {
    localStorage.removeItem(CHOICES_KEY);
  } catch {
    // Nothing could have been stored.
  }
}

/** Selects the remembered devices that are still plugged in (an unplugged one would fail the capture). */
export async function restoreDevices(engine: RtcClient, choices: RememberedChoices = rememberedChoices()): Promise<void> {
  const list = await engine.listDevices().catch(() => null);
  if (!list) return;
  const present = { camera: list.cameras, microphone: list.microphones, speaker: list.speakers };
  await Promise.all((['camera', 'microphone', 'speaker'] as const).map((kind) => {
    const id = choices[kind];
    return present[kind].some((device) => device.deviceId === id) ? engine.selectDevice(kind, id!).catch(() => {}) : undefined;
  }));
}
