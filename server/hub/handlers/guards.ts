import { can, moderates, type Permission } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import type { Session } from '../session.js';

/** Refuses with `not-allowed` unless the session's role has `permission` (protocol/permissions.ts). */
export function requirePermission(session: Session, permission: Permission, what: string): void {
  if (!can(session.role, permission)) throw new HubError('not-allowed', `Your role cannot ${what}.`);
}

/** Someone else in the room whom a moderator may act on: not oneself, and not another host (hosts are peers). */
export function moderatedTarget(session: Session, userId: string): Session {
  const target = session.room.members.get(userId);
  if (!target) throw new HubError('unknown-user', `"${userId}" is not in this room.`);
  if (target === session) throw new HubError('not-allowed', 'This acts on others; change your own state directly.');
  if (moderates(target.role)) throw new HubError('not-allowed', 'A host cannot do this to another host.');
  return target;
}
