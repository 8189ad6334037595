import { can } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import type { SessionHandler } from './types.js';

/** `screen`: start or stop sharing; one sharer per room. */
export const handleScreen: SessionHandler<'screen'> = (session, { rid, on }) => {
  const room = session.room;
  if (on) {
    if (!can(session.role, 'publish-screen')) throw new HubError('not-allowed', 'You cannot share your screen in this room.');
    if (room.screenSharer !== null && room.screenSharer !== session.userId) {
      throw new HubError('screen-share-busy', `${room.members.get(room.screenSharer)?.name ?? room.screenSharer} is already sharing their screen.`);
    }
    room.screenSharer = session.userId;
  } else if (room.screenSharer === session.userId) {
    room.screenSharer = null;
  }
  const changed = session.media.screen !== on;
  session.media = { ...session.media, screen: on };
  session.send({ type: 'ack', rid });
  if (changed) room.broadcast({ type: 'participant-updated', participant: session.info() }, session);
  room.stateChanged();
};
