import { CLOSE_CODES } from '../../../protocol/error-codes.js';
import { can, moderates } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import type { SessionHandler } from './types.js';

/**
 * `kick` (hosts only): the target is removed and banned from this room for as long as it is stored (restarts included).
 * Hosts are peers: none may remove another (whoever mints host tokens decides who moderates).
 */
export const handleKick: SessionHandler<'kick'> = (session, { rid, userId }) => {
  if (!can(session.role, 'kick')) throw new HubError('not-allowed', 'Only a host can remove people.');
  const room = session.room;
  const target = room.members.get(userId);
  if (!target) throw new HubError('unknown-user', `"${userId}" is not in this room.`);
  if (target === session) throw new HubError('not-allowed', 'A host cannot remove themselves; send leave.');
  if (moderates(target.role)) throw new HubError('not-allowed', 'A host cannot remove another host.');
  room.ban(userId);
  target.end('kicked', `You were removed from the room by ${session.name}.`, CLOSE_CODES.kicked);
  room.remove(target, 'kicked');
  if (rid !== undefined) session.send({ type: 'ack', rid });
};
