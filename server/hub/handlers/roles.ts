import { moderates } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import { requirePermission } from './guards.js';
import type { SessionHandler } from './types.js';

/**
 * `set-role`: promote, demote, hand over the host role. A host may not change another host's role
 * (hosts are peers), but may step down once someone else is host: that is how the role is handed over.
 */
export const handleSetRole: SessionHandler<'set-role'> = (session, { rid, userId, role }) => {
  requirePermission(session, 'change-roles', 'change roles');
  const room = session.room;
  const target = room.members.get(userId);
  if (!target) throw new HubError('unknown-user', `"${userId}" is not in this room.`);
  if (target === session) {
    const otherHost = [...room.members.values()].some((m) => m !== session && moderates(m.role));
    if (!moderates(role) && !otherHost) throw new HubError('not-allowed', 'Make someone else host before you step down.');
  } else if (moderates(target.role)) {
    throw new HubError('not-allowed', 'A host cannot change another host\'s role.');
  }
  room.changeRole(target, role, session);
  session.send({ type: 'ack', rid });
};
