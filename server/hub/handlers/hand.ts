import { can } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import type { SessionHandler } from './types.js';

/** `hand`: raise or lower one's own hand; a host may lower someone else's. Everyone gets the new queue. */
export const handleHand: SessionHandler<'hand'> = (session, { raised, userId = session.userId }) => {
  const room = session.room;
  if (raised && !can(session.role, 'raise-hand')) throw new HubError('not-allowed', 'You cannot raise your hand in this room.');
  if (userId !== session.userId) {
    if (raised) throw new HubError('not-allowed', 'Nobody can raise someone else\'s hand.');
    if (!can(session.role, 'mute-others')) throw new HubError('not-allowed', 'Only a host can lower someone else\'s hand.');
    if (!room.members.has(userId)) throw new HubError('unknown-user', `"${userId}" is not in this room.`);
  }
  room.setHand(userId, raised);
  room.stateChanged();
};
