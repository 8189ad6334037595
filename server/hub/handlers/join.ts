import type { ClientMessageOf } from '../../../protocol/client-messages.js';
import type { TokenClaims } from '../../../protocol/token.js';
import { TokenError } from '../../auth/claims.js';
import type { Connection } from '../connection.js';
import type { HubContext } from '../context.js';
import { constantTimeEqual } from '../encoding.js';
import { can } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import { openRoomForJoin } from '../room-directory.js';
import { Session } from '../session.js';
import type { ConnectionHandler } from './types.js';

type Join = ClientMessageOf<'join'>;

/** `join`: a fresh admission with a token, or taking back a session within its grace period. */
export function createJoinHandler(ctx: HubContext): ConnectionHandler<'join'> {
  return (conn, message) => {
    if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
    return message.resume ? resume(ctx, conn, message.resume) : admit(ctx, conn, message);
  };
}

function resume(ctx: HubContext, conn: Connection, { sessionId, secret, lastSeq }: NonNullable<Join['resume']>): void {
  const session = ctx.sessions.get(sessionId);
  if (!session || !constantTimeEqual(secret, session.secret)) {
    throw new HubError('resume-failed', 'No session to resume (it ended or the grace period ran out); join again with a token.');
  }
  session.room.resume(session, conn, lastSeq);
  conn.admitted();
}

async function admit(ctx: HubContext, conn: Connection, message: Join): Promise<void> {
  const { room: roomId, token, password, media } = message;
  if (!roomId) throw new HubError('bad-message', 'join needs a room (and a token), or resume.');
  if (!token) throw new HubError('token-invalid', 'join needs a token.', { fatal: true });
  const claims = await verify(ctx, token);
  if (!conn.isOpen) return;
  if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
  if (claims.room !== roomId) {
    throw new HubError('room-mismatch', `The token is for room "${claims.room}", not "${roomId}".`, { fatal: true });
  }

  const room = await openRoomForJoin(ctx, roomId);
  try {
    // A token minted for one instance of this room id (POST /api/rooms) is no good for a later one.
    if (claims.instance !== undefined && claims.instance !== room.instance) {
      throw new HubError('room-not-found', `The room "${roomId}" this token was issued for has ended.`, { fatal: true });
    }
    room.checkAdmission(claims.sub);
    await room.checkPassword(password, conn.remoteAddress ?? '', claims.sub);
    if (!conn.isOpen) return;
    if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
    // Again: a ban or the last free seat may have gone while the password was checked.
    room.checkAdmission(claims.sub);
    const role = claims.role ?? 'participant';
    // What the role may not publish stays off, whatever the client asks for.
    const session = new Session(
      room, claims.sub, claims.name ?? claims.sub, role,
      { audio: can(role, 'publish-audio') && (media?.audio ?? false), video: can(role, 'publish-video') && (media?.video ?? false), screen: false },
      ctx.config,
    );
    // Before admitting: the TURN credentials handed out in `joined` last no longer than the token.
    session.expireAt(claims.exp * 1000);
    try {
      room.admit(session, conn);
    } catch (error) {
      session.stopTimers();
      throw error;
    }
    conn.admitted();
    ctx.log.info(`${session.userId} joined ${roomId} (${room.members.size} in the room)`);
  } finally {
    room.endJoin();
  }
}

async function verify(ctx: HubContext, token: string): Promise<TokenClaims> {
  try {
    return await ctx.verifyToken(token);
  } catch (error) {
    const code = error instanceof TokenError ? error.code : 'token-invalid';
    const reason = error instanceof TokenError ? error.message : 'The token could not be verified.';
    throw new HubError(code, reason, { fatal: true });
  }
}
