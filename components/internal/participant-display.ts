/** How a participant is shown: one display name, initials and a stable avatar colour, the same in the lobby and the call. */
import type { Participant } from '../../core/types.js';
import type { UserProfile } from '../context/room-state-context.js';

/**
 * The name everyone sees: the page's profile, else the name they joined with, else `guest` (the
 * translated "Guest": never the raw user id, which the lobby did not show either).
 */
export function displayName(participant: Pick<Participant, 'name'>, profile: UserProfile | undefined, guest: string): string {
  return profile?.name?.trim() || participant.name.trim() || guest;
}

/** Han, kana and Hangul: names written without spaces, where one character stands for the person. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

/**
 * Initials from letters only: the first letter of the first and of the last word ("Ada Lovelace" →
 * "AL", "Alice" → "A", "<Oscar>" → "O"); a CJK name gives its first character ("欧阳娜娜" → "欧").
 * Empty when the name has no letter at all (the caller draws a person icon instead).
 */
export function initials(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/[\s._\-–—,;:/\\|()[\]{}<>"'`~!?@#$%^&*+=]+/u)
    .map((word) => [...word].filter((char) => LETTER.test(char)))
    .filter((letters) => letters.length > 0);
  const first = words[0];
  if (!first) return '';
  if (CJK.test(first[0]!)) return first[0]!;
  const last = words.length > 1 ? words.at(-1)![0]! : '';
  return (first[0]! + (CJK.test(last) ? '' : last)).toLocaleUpperCase();
}

/** A hue (0..359) derived from the user id, so someone keeps their colour everywhere. */
export function avatarHue(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/**
 * Splits a translated "{name} (you)" around the name, so the name can be cut short with an ellipsis
 * while what surrounds it ("(you)", "（我）") always shows.
 */
export function aroundName(template: (name: string) => string): { before: string; after: string } {
  const marker = '\u0000';
  const [before = '', after = ''] = template(marker).split(marker);
  return { before, after };
}
