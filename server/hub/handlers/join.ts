import type { ClientMessageOf } from '../../../protocol/client-messages.js';
import type { TokenClaims } from '../../../protocol/token.js';
import { TokenError } from '../../auth/claims.js';
import type { Connection } from '../connection.js';
import type { HubContext } from '../context.js';
import { constantTimeEqual } from '../encoding.js';
import { can, moderates } from '../../../protocol/permissions.js';
import { HubError } from '../errors.js';
import { openRoomForJoin } from '../room-directory.js';
import type { Room } from '../room.js';
import { Session } from '../session.js';
import type { ConnectionHandler } from './types.js';

type Join = ClientMessageOf<'join'>;

/** `join`: a fresh admission with a token, or taking back a session within its grace period. */
export function createJoinHandler(ctx: HubContext): ConnectionHandler<'join'> {
  return (conn, message) => {
    if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
    if (conn.line) throw new HubError('bad-message', 'This socket is a line; join a room on another socket.');
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
  const { room: roomId, token, password } = message;
  if (!roomId) throw new HubError('bad-message', 'join needs a room (and a token), or resume.');
  if (!token) throw new HubError('token-invalid', 'join needs a token.', { fatal: true });
  const claims = await verify(ctx, token);
  if (!conn.isOpen) return;
  if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
  if (claims.room !== roomId) {
    throw new HubError('room-mismatch', `The token is for room "${claims.room}", not "${roomId}".`, { fatal: true });
  }

  const room = await openRoomForJoin(ctx, roomId);
  let waits = false;
  try {
    // A token minted for one instance of this room id (POST /api/rooms) is no good for a later one.
    if (claims.instance !== undefined && claims.instance !== room.instance) {
      throw new HubError('room-not-found', `The room "${roomId}" this token was issued for has ended.`, { fatal: true });
    }
    // Ended by a host: the tokens issued until then are spent (a fresh one, issued after, gets in).
    if (room.endedAt !== null && (claims.iat ?? 0) * 1000 <= room.endedAt) {
      throw new HubError('room-ended', 'This room was ended by a host; a token issued before that no longer admits.', { fatal: true });
    }
    const role = claims.role ?? 'participant';
    room.checkAdmission(claims.sub, role);
    await room.checkPassword(password, conn.remoteAddress ?? '', claims.sub);
    if (!conn.isOpen) return;
    if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
    if (room.lobby && !moderates(role) && !room.members.has(claims.sub)) {
      // Off the connection's queue: its pings must be answered while it waits.
      waits = true;
      void waitInLobby(ctx, conn, room, claims, message).finally(() => room.endJoin());
      return;
    }
    seat(ctx, conn, room, claims, message);
  } finally {
    if (!waits) room.endJoin();
  }
}

/** Holds the join until a host admits or denies it (a fatal `denied`); the socket may close meanwhile. */
async function waitInLobby(ctx: HubContext, conn: Connection, room: Room, claims: TokenClaims, message: Join): Promise<void> {
  conn.waiting(() => room.lobbyQueue.leave(claims.sub));
  conn.sendRaw({ type: 'waiting', roomId: room.id });
  const outcome = await room.lobbyQueue.wait(claims.sub, claims.name ?? claims.sub);
  conn.waiting(null);
  if (!conn.isOpen) return;
  try {
    if (outcome === 'denied') throw new HubError('denied', 'A host did not let you in.', { fatal: true });
    if (outcome === 'ended') throw new HubError('room-ended', 'The host ended the room for everyone.', { fatal: true });
    seat(ctx, conn, room, claims, message, true);
  } catch (error) {
    if (error instanceof HubError) conn.refuse(error);
    else ctx.log.error(`admitting ${claims.sub} from the lobby failed`, error);
  }
}

/** Gives the admitted join its session and seat. */
function seat(ctx: HubContext, conn: Connection, room: Room, claims: TokenClaims, { media }: Join, admittedByHost = false): void {
  if (conn.session) throw new HubError('bad-message', 'Already joined; send leave first.');
  const role = claims.role ?? 'participant';
  // Again: a ban, a lock or the last free seat may have come while the password was checked (or they waited).
  room.checkAdmission(claims.sub, role, admittedByHost);
  // What the role may not publish, or the room holds muted, stays off whatever the client asks for.
  const free = (kind: 'audio' | 'video') => !room.held[kind] || moderates(role);
  const session = new Session(
    room, claims.sub, claims.name ?? claims.sub, role,
    {
      audio: can(role, 'publish-audio') && free('audio') && (media?.audio ?? false),
      video: can(role, 'publish-video') && free('video') && !room.audioOnly && (media?.video ?? false),
      screen: false,
    },
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
  ctx.log.info(`${session.userId} joined ${room.id} (${room.members.size} in the room)`);
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
