import { can } from '../../../protocol/permissions.js';
import type { SessionHandler } from './types.js';

/** `media`: mute and camera state, told to the others. What the role may not publish stays off. */
export const handleMedia: SessionHandler<'media'> = (session, { media }) => {
  const audio = can(session.role, 'publish-audio') && media.audio;
  const video = can(session.role, 'publish-video') && media.video;
  if (audio === session.media.audio && video === session.media.video) return;
  session.media = { ...session.media, audio, video };
  session.room.broadcast({ type: 'participant-updated', participant: session.info() }, session);
};
