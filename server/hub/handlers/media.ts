import type { SessionHandler } from './types.js';

/** `media`: mute and camera state, told to the others. A viewer's stays off. */
export const handleMedia: SessionHandler<'media'> = (session, { media }) => {
  const publishes = session.role !== 'viewer';
  const audio = publishes && media.audio;
  const video = publishes && media.video;
  if (audio === session.media.audio && video === session.media.video) return;
  session.media = { ...session.media, audio, video };
  session.room.broadcast({ type: 'participant-updated', participant: session.info() }, session);
};
