/**
 * The microphone menu's noise suppression and echo cancellation, kept in localStorage so the next
 * call starts as the user left them (the room hands them to its engine before the first capture).
 */
import type { AudioProcessing } from '../../core/media/local-media.js';

export const AUDIO_PROCESSING_KEY = 'rtc-kit.audio-processing';

/** What was stored, only the known switches; nothing when storage is off (private windows, sandboxed frames) or holds something else. */
export function rememberedAudioProcessing(): Partial<AudioProcessing> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(AUDIO_PROCESSING_KEY) ?? '{}');
    if (!stored || typeof stored !== 'object') return {};
    const remembered: Partial<AudioProcessing> = {};
    for (const key of ['noiseSuppression', 'echoCancellation'] as const) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === 'boolean') remembered[key] = value;
    }
    return remembered;
  } catch {
    return {};
  }
}

export function rememberAudioProcessing(change: Partial<AudioProcessing>): void {
  try {
    localStorage.setItem(AUDIO_PROCESSING_KEY, JSON.stringify({ ...rememberedAudioProcessing(), ...change }));
  } catch {
    // Storage off or full: the choice holds for this visit only.
  }
}
