import { can } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import type { SessionHandler } from './types.js';

/** Emoji characters only (with their joiners, variation selectors, skin tones and keycaps)… */
const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200d\ufe0f\u20e3]+$/u;
/** …and at least one actual pictograph, flag letter or keycap: digits and `#` alone are emoji components too. */
const HAS_PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;

/** `reaction`: a short emoji everyone (the sender too) sees on the sender's tile. */
export const handleReaction: SessionHandler<'reaction'> = (session, { emoji }) => {
  if (!can(session.role, 'react')) throw new HubError('not-allowed', 'You cannot react in this room.');
  if (!EMOJI_ONLY.test(emoji) || !HAS_PICTOGRAPH.test(emoji)) throw new HubError('bad-message', 'A reaction must be an emoji.');
  if (!session.reactionLimit.take()) throw new HubError('rate-limited', 'Too many reactions; wait a moment.');
  session.room.broadcast({ type: 'reaction', from: session.userId, emoji, ts: Date.now() });
};
