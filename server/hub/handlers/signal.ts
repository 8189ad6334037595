import type { SignalPayload } from '../../../protocol/model.js';
import { receivesOnly } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import { receiveOnlySdp } from '../sdp-direction.js';
import type { Session } from '../session.js';
import type { SessionHandler } from './types.js';

/**
 * `signal`: relayed to one member, stamped with the sender's identity from its session, never from the
 * frame. A viewer's descriptions are made receive-only on the way: it cannot offer to send.
 */
export const handleSignal: SessionHandler<'signal'> = (session, { to, payload }) => {
  const target = session.room.members.get(to);
  if (!target || target === session) throw new HubError('unknown-user', `"${to}" is not someone else in this room.`);
  target.send({ type: 'signal', from: session.userId, fromSession: session.id, payload: allowedFor(session, payload) });
};

function allowedFor(session: Session, payload: SignalPayload): SignalPayload {
  const { description } = payload;
  if (!receivesOnly(session.role) || description?.sdp === undefined) return payload;
  return { ...payload, description: { ...description, sdp: receiveOnlySdp(description.sdp) } };
}
