/** How a participant is shown: name, initials and a stable avatar colour. */
import type { Participant } from '../../core/types.js';
import type { UserProfile } from '../context/room-state-context.js';

export function displayName(participant: Participant, profile?: UserProfile): string {
  return profile?.name || participant.name || participant.userId;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Two Latin initials ("Ada Lovelace" → "AL"), or the last two characters of a CJK name ("欧阳娜娜" → "娜娜"). */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (CJK.test(trimmed)) return [...trimmed.replace(/\s+/g, '')].slice(-2).join('');
  const words = trimmed.split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** A hue (0..359) derived from the user id, so someone keeps their colour everywhere. */
export function avatarHue(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}
