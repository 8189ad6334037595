import { TokenError } from '../../auth/claims.js';
import type { HubContext } from '../context.js';
import { HubError } from '../errors.js';
import type { SessionHandler } from './types.js';

/** `set-name`: anyone; everyone (the person too) gets the new name. Counted against the chat rate limit: each one reaches everyone. */
export const handleSetName: SessionHandler<'set-name'> = (session, { rid, name }) => {
  if (name !== session.name) {
    if (!session.chatLimit.take()) throw new HubError('rate-limited', 'Too many name changes; wait a moment.');
    session.name = name;
    session.room.broadcast({ type: 'participant-updated', participant: session.info() });
  }
  session.send({ type: 'ack', rid });
};

/**
 * `renew-token`: a fresh token for the same user and room (and instance); the session now ends at
 * its `exp`. A refused token changes nothing: the session still ends at the old one's.
 */
export function createRenewTokenHandler(ctx: HubContext): SessionHandler<'renew-token'> {
  return async (session, { rid, token }) => {
    let claims;
    try {
      claims = await ctx.verifyToken(token);
    } catch (error) {
      const code = error instanceof TokenError ? error.code : 'token-invalid';
      throw new HubError(code, error instanceof TokenError ? error.message : 'The token could not be verified.');
    }
    const room = session.room;
    if (claims.sub !== session.userId || claims.room !== room.id || (claims.instance !== undefined && claims.instance !== room.instance)) {
      throw new HubError('token-invalid', 'The fresh token is for another user or room.');
    }
    if (room.members.get(session.userId) !== session) return;
    session.expireAt(claims.exp * 1000);
    session.send({ type: 'ack', rid });
  };
}
