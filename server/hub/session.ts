import type { MediaKind, MediaState, ParticipantInfo } from '../../protocol/model.js';
import type { Role } from '../../protocol/ids.js';
import { CLOSE_CODES, type ErrorCode } from '../../protocol/error-codes.js';
import type { AckMessage, PongMessage, ResumedMessage, ServerMessage } from '../../protocol/server-messages.js';
import type { Connection } from './connection.js';
import type { HubConfig } from './hub-config.js';
import type { Room } from './room.js';
import { DROPPABLE_FRAMES } from './backpressure.js';
import { randomId } from './encoding.js';
import { Outbox } from './outbox.js';
import { TokenBucket } from './token-bucket.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A frame for a session, before the session stamps its `seq`. */
export type OutgoingFrame = DistributiveOmit<Exclude<ServerMessage, PongMessage | ResumedMessage>, 'seq'>;

/** setTimeout's longest delay; a later expiry is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Acknowledged request ids remembered per session, to answer a resend without acting twice. */
const REMEMBERED_ACKS = 256;

/**
 * One person's place in a room. Outlives its socket by the grace period: frames sent meanwhile are
 * stamped and buffered, and a resumed socket gets them replayed.
 */
export class Session {
  readonly id = randomId(12);
  readonly secret = randomId(24);
  readonly joinedAt = Date.now();
  conn: Connection | null = null;
  /** Running while the socket is gone; when it fires the session times out. */
  graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the session when its token expires. */
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the session's token expires (ms since epoch); the session ends then unless renewed. */
  private expiresAt: number | undefined;
  private chatBucket: TokenBucket | undefined;
  private reactionBucket: TokenBucket | undefined;
  private dataBytesBucket: TokenBucket | undefined;
  /** Sources a host asked this person to turn on (allowed during a hold); made on first use. */
  private unmuteGrants: Set<MediaKind> | undefined;
  private seq = 0;
  private readonly outbox: Outbox;
  /** Created with the first ack: most sessions never send a request that needs one. */
  private acks: Map<string, Omit<AckMessage, 'seq'>> | undefined;

  constructor(
    readonly room: Room,
    readonly userId: string,
    /** Changed by `set-name`; the token's name is only the first. */
    public name: string,
    /** Changed by a host (`set-role`) or when the room passes the host role on. */
    public role: Role,
    public media: MediaState,
    private readonly config: HubConfig,
  ) {
    this.outbox = new Outbox(config.outboxFrames, config.outboxChars);
  }

  // Made on first use: most people never chat, react or send data, and a bucket each costs memory per client.
  get chatLimit(): TokenBucket {
    return (this.chatBucket ??= new TokenBucket(this.config.rateLimits.chat));
  }

  get reactionLimit(): TokenBucket {
    return (this.reactionBucket ??= new TokenBucket(this.config.rateLimits.reactions));
  }

  get dataBytesLimit(): TokenBucket {
    return (this.dataBytesBucket ??= new TokenBucket(this.config.rateLimits.dataBytes));
  }

  /** A host asked this person to turn `kind` on (`allowed`), or muted them again / put a new hold on. */
  grantUnmute(kind: MediaKind, allowed: boolean): void {
    if (allowed) (this.unmuteGrants ??= new Set()).add(kind);
    else this.unmuteGrants?.delete(kind);
  }

  mayUnmuteDuringHold(kind: MediaKind): boolean {
    return this.unmuteGrants?.has(kind) ?? false;
  }

  info(): ParticipantInfo {
    const { userId, id: sessionId, name, role, media, joinedAt } = this;
    return { userId, sessionId, name, role, media, joinedAt };
  }

  /**
   * Stamps the next `seq`, keeps the frame for replay and sends it if a socket is attached. A droppable
   * frame for a socket that has fallen behind is dropped before it is stamped, so `seq` has no gaps.
   */
  send(frame: OutgoingFrame): void {
    const seq = this.seq + 1;
    const text = JSON.stringify({ ...frame, seq });
    if (DROPPABLE_FRAMES.has(frame.type) && this.conn?.wouldDrop(text.length)) return;
    this.seq = seq;
    // A `joined` holds all that came before and the secret a resume needs: a resuming client has it,
    // and one that fell behind it is sent a new one. So it starts the replay buffer over, unbuffered.
    if (frame.type === 'joined') this.outbox.clear();
    else this.outbox.push(seq, text);
    if (frame.type === 'ack') this.rememberAck(frame);
    this.conn?.sendText(text);
  }

  /** The ack already sent for `rid`: a request resent after a reconnect gets it again instead of running twice. */
  ackFor(rid: string): Omit<AckMessage, 'seq'> | undefined {
    return this.acks?.get(rid);
  }

  /** The frames sent after `lastSeq`, or null when the replay buffer no longer reaches back that far. */
  missedSince(lastSeq: number): string[] | null {
    return this.outbox.after(lastSeq, this.seq);
  }

  attach(conn: Connection): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.conn = conn;
    conn.session = this;
  }

  /** Forgets the socket without touching it; the caller closes it or the session goes to grace. */
  unlink(): Connection | null {
    const conn = this.conn;
    if (conn) conn.session = null;
    this.conn = null;
    return conn;
  }

  /** Ends the session from the server's side: a fatal error frame, then the socket closes with `closeCode`. */
  end(code: ErrorCode, message: string, closeCode: number): void {
    if (this.conn) this.send({ type: 'error', code, message, fatal: true });
    this.unlink()?.close(closeCode, code);
    clearTimeout(this.graceTimer);
  }

  /** The token's expiry in unix seconds, for credentials that must not outlive it (TURN). */
  get tokenExpiresAtSeconds(): number | undefined {
    return this.expiresAt === undefined ? undefined : Math.floor(this.expiresAt / 1000);
  }

  /**
   * The session ends with `token-expired` at `expiresAt` (ms since epoch), its token's `exp`. The seam
   * for renewing: a later `renewToken` request verifies a fresh token and calls this again.
   */
  expireAt(expiresAt: number): void {
    this.expiresAt = expiresAt;
    clearTimeout(this.expiryTimer);
    const delay = expiresAt - Date.now();
    this.expiryTimer = setTimeout(() => {
      if (delay > MAX_TIMER_MS) return this.expireAt(expiresAt);
      if (this.room.members.get(this.userId) !== this) return;
      this.end('token-expired', 'Your token expired; join again with a fresh one.', CLOSE_CODES.refused);
      this.room.remove(this, 'timeout');
    }, Math.min(Math.max(delay, 0), MAX_TIMER_MS));
  }

  /** The session is over: no timer of its own may fire any more. */
  stopTimers(): void {
    clearTimeout(this.graceTimer);
    clearTimeout(this.expiryTimer);
  }

  private rememberAck(ack: Omit<AckMessage, 'seq'>): void {
    const acks = (this.acks ??= new Map());
    acks.set(ack.rid, ack);
    if (acks.size > REMEMBERED_ACKS) acks.delete(acks.keys().next().value!);
  }
}
