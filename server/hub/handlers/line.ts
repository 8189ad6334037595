/** A line's frames (`line`, `call`, `accept`, `decline`, `cancel`) and `invite` from inside a room: docs/calls.md. */
import { TokenError } from '../../auth/claims.js';
import type { UserTokenClaims } from '../../../protocol/line.js';
import { Line } from '../calls/line.js';
import type { HubContext } from '../context.js';
import { HubError } from '../errors.js';
import type { ConnectionHandler, LineHandler, SessionHandler } from './types.js';

/** `line {token}`: this socket becomes the user's line (a user token: no room). */
export function createLineHandler(ctx: HubContext): ConnectionHandler<'line'> {
  return async (conn, { token }) => {
    if (conn.session || conn.line) throw new HubError('bad-message', 'This socket is already in use; open a new one.');
    let claims: UserTokenClaims;
    try {
      claims = await ctx.verifyUserToken(token);
    } catch (error) {
      const code = error instanceof TokenError ? error.code : error instanceof HubError ? error.code : 'token-invalid';
      throw new HubError(code, error instanceof Error ? error.message : 'The token could not be verified.', { fatal: true });
    }
    if (!conn.isOpen || conn.session || conn.line) return;
    const line = new Line(conn, claims);
    conn.line = line;
    conn.admitted();
    line.send({ type: 'line-ready', userId: claims.sub, name: claims.name ?? claims.sub });
    ctx.calls.open(line);
  };
}

export function createCallHandlers(ctx: HubContext): { call: LineHandler<'call'>; accept: LineHandler<'accept'>; decline: LineHandler<'decline'>; cancel: LineHandler<'cancel'> } {
  return {
    call: (line, { rid, to, video, data, timeoutMs }) => {
      ctx.calls.call(line, { rid, to, video, data, timeoutMs }, (callId) => line.send({ type: 'ack', rid, callId }));
    },
    accept: async (line, { rid, callId }) => {
      await ctx.calls.accept(line, callId);
      line.send({ type: 'ack', rid, callId });
    },
    decline: (line, { rid, callId }) => {
      ctx.calls.decline(line, callId);
      line.send({ type: 'ack', rid, callId });
    },
    cancel: (line, { rid, callId }) => {
      ctx.calls.cancel(line, callId);
      line.send({ type: 'ack', rid, callId });
    },
  };
}

/** `invite`: anyone who may speak in the room rings someone's lines; accepting joins this room. */
export function createInviteHandler(ctx: HubContext): SessionHandler<'invite'> {
  return (session, { rid, userId, data, timeoutMs }) => {
    if (session.role === 'viewer') throw new HubError('not-allowed', 'Viewers cannot invite people.');
    const room = session.room;
    const inviter = {
      userId: session.userId,
      name: session.name,
      roomId: room.id,
      instance: room.instance,
      origin: `session ${session.id}`,
      get live() {
        return room.members.get(session.userId) === session;
      },
      send: (frame: Parameters<typeof session.send>[0]) => session.send(frame),
    };
    ctx.calls.invite(inviter, { rid, userId, data, timeoutMs }, (callId) => session.send({ type: 'ack', rid, callId }));
  };
}
