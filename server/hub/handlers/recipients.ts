import { HubError } from '../errors.js';
import type { Session } from '../session.js';

/**
 * Who gets a chat or data frame: everyone else when `to` is empty or absent, otherwise those users
 * (each must be in the room; the sender never gets its own copy). `to` comes back de-duplicated, or null.
 */
export function recipientsOf(session: Session, to: string[] | undefined): { to: string[] | null; recipients: Session[] } {
  const members = session.room.members;
  if (!to?.length) return { to: null, recipients: [...members.values()].filter((m) => m !== session) };
  const unique = [...new Set(to)];
  const recipients: Session[] = [];
  for (const userId of unique) {
    const member = members.get(userId);
    if (!member) throw new HubError('unknown-user', `"${userId}" is not in this room.`);
    if (member !== session) recipients.push(member);
  }
  return { to: unique, recipients };
}
