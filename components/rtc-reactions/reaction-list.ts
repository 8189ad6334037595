import type { StringKey } from '../i18n/strings.js';
import '../i18n/en-later.js';

/** The reactions the picker offers (the server takes any emoji; these are the quick ones). */
export const REACTIONS: readonly { emoji: string; name: StringKey }[] = [
  { emoji: '👍', name: 'reaction.thumbs-up' },
  { emoji: '👏', name: 'reaction.clap' },
  { emoji: '😂', name: 'reaction.laugh' },
  { emoji: '❤️', name: 'reaction.heart' },
  { emoji: '🎉', name: 'reaction.party' },
  { emoji: '😮', name: 'reaction.wow' },
  { emoji: '🤔', name: 'reaction.thinking' },
  { emoji: '👋', name: 'reaction.wave' },
];
