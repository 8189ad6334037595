import type { ChatMessage, LeaveReason } from '../../protocol/model.js';
import type { JoinedMessage, RTCIceServerInit } from '../../protocol/server-messages.js';
import type { Connection } from './connection.js';
import type { HubContext } from './context.js';
import type { HubConfig } from './hub-config.js';
import type { OutgoingFrame, Session } from './session.js';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { constantTimeEqual } from './encoding.js';
import { HubError } from './errors.js';
import { TokenBucket } from './token-bucket.js';

export interface RoomOptions {
  password?: string;
  /** At most the server's cap. */
  maxParticipants?: number;
  /** Created ahead of time (POST /api/rooms): dropped if nobody joins within `emptyRoomTtlMs`. */
  expireIfUnused?: boolean;
}

/** One room: its members in join order, the screen sharer, raised hands, chat history and bans. */
export class Room {
  /** By user id; a Map keeps insertion order, which is join order. */
  readonly members = new Map<string, Session>();
  readonly maxParticipants: number;
  readonly config: HubConfig;
  screenSharer: string | null = null;
  readonly hands: string[] = [];
  private readonly history: ChatMessage[] = [];
  private readonly banned = new Set<string>();
  private readonly password: string | null;
  private readonly passwordFailures: TokenBucket;
  private unusedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly id: string, private readonly ctx: HubContext, options: RoomOptions = {}) {
    this.config = ctx.config;
    this.maxParticipants = Math.min(options.maxParticipants ?? Infinity, ctx.config.maxParticipants);
    this.password = options.password ?? null;
    this.passwordFailures = new TokenBucket(ctx.config.rateLimits.passwordFailures);
    if (options.expireIfUnused) {
      this.unusedTimer = setTimeout(() => this.destroy(), ctx.config.emptyRoomTtlMs);
    }
  }

  /** Throws the fatal error that keeps `userId` out, if any. Their own older session does not count: the new one replaces it. */
  checkAdmission(userId: string, password: string | undefined): void {
    if (this.banned.has(userId)) {
      throw new HubError('kicked', 'You were removed from this room.', { fatal: true });
    }
    if (this.password !== null) {
      // Once failures are spent, refuse every attempt: a correct guess must not be told apart meanwhile.
      if (this.passwordFailures.empty) {
        throw new HubError('rate-limited', 'Too many wrong passwords for this room; try again later.', { fatal: true });
      }
      if (!constantTimeEqual(password ?? '', this.password)) {
        this.passwordFailures.take();
        throw new HubError('wrong-password', password ? 'The room password is wrong.' : 'This room needs a password.', { fatal: true });
      }
    }
    const others = this.members.size - (this.members.has(userId) ? 1 : 0);
    if (others >= this.maxParticipants) {
      throw new HubError('room-full', `The room is full (${this.maxParticipants} people).`, { fatal: true });
    }
  }

  /** Seats a new session (replacing the same user's older one) and tells everyone. */
  admit(session: Session, conn: Connection): void {
    // The one outside call first: if it throws, nothing has changed yet.
    const iceServers = this.ctx.iceServersFor(session.userId, this.id);
    clearTimeout(this.unusedTimer);
    const previous = this.members.get(session.userId);
    if (previous) {
      previous.end('replaced', 'You joined this room from somewhere else.', CLOSE_CODES.replaced);
      this.evict(previous, 'replaced');
    }
    this.members.set(session.userId, session);
    this.ctx.sessions.set(session.id, session);
    session.attach(conn);
    session.send(this.joinedFrame(session, iceServers, false));
    this.broadcast({ type: 'participant-joined', participant: session.info() }, session);
  }

  /** Gives a session a new socket: replays what it missed, or a full `joined` when the buffer ran out. */
  resume(session: Session, conn: Connection, lastSeq: number): void {
    const missed = session.missedSince(lastSeq);
    const iceServers = missed ? [] : this.ctx.iceServersFor(session.userId, this.id);
    // The old socket may not have noticed it is dead yet: retire it without a word.
    session.unlink()?.close(CLOSE_CODES.normal, 'resumed elsewhere');
    session.attach(conn);
    if (missed) {
      conn.sendRaw({ type: 'resumed' });
      for (const text of missed) conn.sendText(text);
    } else {
      session.send(this.joinedFrame(session, iceServers, true));
    }
  }

  /** The socket is gone without a `leave`: keep the place for the grace period. */
  lost(session: Session): void {
    clearTimeout(session.graceTimer);
    session.graceTimer = setTimeout(() => {
      if (!session.conn) this.remove(session, 'timeout');
    }, this.config.graceMs);
  }

  /** Takes a session out, tells the others, and drops the room once nobody is left. */
  remove(session: Session, reason: LeaveReason): void {
    this.evict(session, reason);
    if (this.members.size === 0) this.destroy();
  }

  ban(userId: string): void {
    this.banned.add(userId);
  }

  broadcast(frame: OutgoingFrame, except?: Session): void {
    for (const member of this.members.values()) if (member !== except) member.send(frame);
  }

  recordChat(message: ChatMessage): void {
    this.history.push(message);
    if (this.history.length > this.config.historySize) this.history.shift();
  }

  /** Room-wide messages plus private ones to or from `userId`. */
  historyFor(userId: string): ChatMessage[] {
    return this.history.filter((m) => m.to === null || m.from === userId || m.to.includes(userId));
  }

  /** Raises or lowers a hand; true when the queue changed. */
  setHand(userId: string, raised: boolean): boolean {
    const index = this.hands.indexOf(userId);
    if (raised && index === -1) this.hands.push(userId);
    else if (!raised && index !== -1) this.hands.splice(index, 1);
    else return false;
    return true;
  }

  /** Ends the room; its sessions' sockets are closed with `closeCode` (used when the hub shuts down). */
  destroy(closeCode?: number): void {
    clearTimeout(this.unusedTimer);
    for (const session of this.members.values()) {
      clearTimeout(session.graceTimer);
      this.ctx.sessions.delete(session.id);
      if (closeCode !== undefined) session.unlink()?.close(closeCode, 'server shutting down');
    }
    this.members.clear();
    if (this.ctx.rooms.get(this.id) === this) this.ctx.rooms.delete(this.id);
  }

  private evict(session: Session, reason: LeaveReason): void {
    if (this.members.get(session.userId) !== session) return;
    this.members.delete(session.userId);
    this.ctx.sessions.delete(session.id);
    clearTimeout(session.graceTimer);
    session.unlink();
    if (this.screenSharer === session.userId) this.screenSharer = null;
    this.broadcast({ type: 'participant-left', userId: session.userId, sessionId: session.id, reason });
    if (this.setHand(session.userId, false)) this.broadcast({ type: 'hands', queue: [...this.hands] });
  }

  private joinedFrame(session: Session, iceServers: RTCIceServerInit[], resumed: boolean): Omit<JoinedMessage, 'seq'> {
    const { config } = this;
    return {
      type: 'joined',
      roomId: this.id,
      self: session.info(),
      participants: [...this.members.values()].filter((m) => m !== session).map((m) => m.info()),
      session: { id: session.id, secret: session.secret },
      resumed,
      graceMs: config.graceMs,
      iceServers,
      screenSharer: this.screenSharer,
      limits: { maxParticipants: this.maxParticipants, maxFrameBytes: config.maxFrameBytes, maxChatBytes: config.maxChatBytes },
      history: this.historyFor(session.userId),
      hands: [...this.hands],
    };
  }
}
