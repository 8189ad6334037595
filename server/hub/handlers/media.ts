import { can, moderates } from '../../../protocol/permissions.js';
import type { MediaKind } from '../../../protocol/model.js';
import type { Session } from '../session.js';
import type { SessionHandler } from './types.js';

/**
 * `media`: mute and camera state, told to the others. What the role may not publish stays off, and so
 * does a source the room holds muted (unless a host asked this person to turn it on).
 */
export const handleMedia: SessionHandler<'media'> = (session, { media }) => {
  const wanted = (kind: MediaKind) => media[kind] && can(session.role, kind === 'audio' ? 'publish-audio' : 'publish-video');
  const refused = (['audio', 'video'] as const).filter((kind) => wanted(kind) && heldBack(session, kind));
  if (refused.length) {
    session.send({ type: 'error', code: 'not-allowed', message: `A host holds ${refused.join(' and ')} muted; you cannot turn it on now.` });
  }
  if (media.video && session.room.audioOnly && !refused.includes('video')) {
    refused.push('video');
    session.send({ type: 'error', code: 'not-allowed', message: 'The call is audio only; no camera can be turned on now.' });
  }
  const audio = wanted('audio') && !refused.includes('audio');
  const video = wanted('video') && !refused.includes('video');
  if (audio === session.media.audio && video === session.media.video) return;
  session.media = { ...session.media, audio, video };
  session.room.broadcast({ type: 'participant-updated', participant: session.info() }, session);
};

/** The hold only stops turning a source on: what is on already stays on. */
function heldBack(session: Session, kind: MediaKind): boolean {
  if (session.media[kind] || !session.room.held[kind]) return false;
  return !moderates(session.role) && !session.mayUnmuteDuringHold(kind);
}
