import { HubError } from '../errors.js';
import type { SessionHandler } from './types.js';

/** `signal`: relayed to one member, stamped with the sender's identity from its session, never from the frame. */
export const handleSignal: SessionHandler<'signal'> = (session, { to, payload }) => {
  const target = session.room.members.get(to);
  if (!target || target === session) throw new HubError('unknown-user', `"${to}" is not someone else in this room.`);
  target.send({ type: 'signal', from: session.userId, fromSession: session.id, payload });
};
