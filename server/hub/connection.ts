import type { ErrorMessage, PongMessage, ResumedMessage, WaitingMessage } from '../../protocol/server-messages.js';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import type { HubContext } from './context.js';
import type { Session } from './session.js';
import type { Line } from './calls/line.js';
import { Backpressure } from './backpressure.js';
import { utf8Length } from './encoding.js';
import { HubError, shortened } from './errors.js';
import { TokenBucket } from './token-bucket.js';

/** The transport side of one client socket, as the hub sees it (a `ws` socket, or the in-page loopback). */
export interface HubSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Cut the connection without a closing handshake, as a network loss would. Defaults to `close(CLOSE_CODES.abuse)`. */
  terminate?(): void;
  /** The client's address as the transport sees it: wrong room passwords are counted per address and user id. */
  remoteAddress?: string;
  /** Bytes sent but not yet written to the network (WebSocket's `bufferedAmount`); absent means always 0. */
  readonly bufferedAmount?: number;
}

/** What the transport calls on the hub for one socket. */
export interface HubConnection {
  /** A text frame arrived. */
  receive(text: string): void;
  /** A binary frame arrived (always refused). */
  receiveBinary(): void;
  /** The socket closed or failed, whoever started it. */
  closed(): void;
}

/** Handles one frame; never rejects. */
export type Dispatch = (conn: Connection, frame: string | null) => Promise<void>;

/**
 * One socket: rate limit, join deadline, and the session it is attached to once admitted.
 * Frames are handled strictly in arrival order, even while a join waits for its token check.
 */
export class Connection implements HubConnection {
  session: Session | null = null;
  /** Set once this socket is opened as a line (`line {token}`) rather than joined to a room. */
  line: Line | null = null;
  private open = true;
  private tail: Promise<void> = Promise.resolve();
  private readonly frameLimit: TokenBucket;
  private readonly backpressure: Backpressure;
  private refusedInARow = 0;
  /** What is left of `preJoinBytes`: a socket nobody has vouched for yet may send only so much. */
  private preJoinBudget: number;
  /** Dropped once admitted, so the spent timer is not kept for the life of the socket. */
  private joinTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while this socket's join waits in a lobby: its closing takes the knock back. */
  private leaveLobby: (() => void) | null = null;

  constructor(
    private readonly socket: HubSocket,
    private readonly ctx: HubContext,
    private readonly dispatch: Dispatch,
    private readonly onGone: (conn: Connection) => void,
  ) {
    this.frameLimit = new TokenBucket(ctx.config.rateLimits.frames);
    this.preJoinBudget = ctx.config.preJoinBytes;
    this.backpressure = new Backpressure(ctx.config.sendBuffer);
    this.joinTimer = setTimeout(() => this.joinTimedOut(), ctx.config.joinTimeoutMs);
  }

  get isOpen(): boolean {
    return this.open;
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  receive(text: string): void {
    this.accept(text);
  }

  receiveBinary(): void {
    this.accept(null);
  }

  closed(): void {
    this.shutDown();
  }

  /** Sends a frame outside the session's sequence (before admission, `pong`, `resumed`). */
  sendRaw(frame: ErrorMessage | PongMessage | ResumedMessage | WaitingMessage): void {
    this.sendText(JSON.stringify(frame));
  }

  sendText(text: string): void {
    if (!this.open) return;
    if (this.backpressure.decide(this.socket.bufferedAmount ?? 0, text.length, false) === 'cut') {
      this.cutTooSlow();
      return;
    }
    try {
      this.socket.send(text);
    } catch (error) {
      this.ctx.log.warn(`send failed, dropping the connection: ${String(error)}`);
      this.shutDown();
    }
  }

  /** True when a droppable frame of `bytes` should not be queued: this socket has fallen behind (and may be cut for it). */
  wouldDrop(bytes: number): boolean {
    if (!this.open) return false;
    const decision = this.backpressure.decide(this.socket.bufferedAmount ?? 0, bytes, true);
    if (decision === 'cut') this.cutTooSlow();
    return decision !== 'send';
  }

  /** Answers a refused request: sequenced once admitted; a fatal error then closes the socket. */
  refuse(error: HubError, rid?: string): void {
    // Messages may quote the input (valibot's `received`): an error must never cost more than the request.
    const frame: ErrorMessage = {
      type: 'error', code: error.code, message: shortened(error.message),
      ...(rid !== undefined && { rid }), ...(error.fatal && { fatal: true }),
    };
    if (this.session) this.session.send(frame);
    else this.sendRaw(frame);
    if (error.fatal) this.close(error.closeCode, error.code);
  }

  /**
   * The join waits in a room's lobby (`onGone`), or no longer does (null). A token vouched for this
   * socket: no join deadline, no pre-join byte budget (pings keep it alive); only the frame rate counts.
   */
  waiting(onGone: (() => void) | null): void {
    this.leaveLobby = onGone;
    if (!onGone) return;
    clearTimeout(this.joinTimer);
    this.joinTimer = undefined;
    this.preJoinBudget = Infinity;
  }

  /** The session has its socket: no more join deadline. */
  admitted(): void {
    clearTimeout(this.joinTimer);
    this.joinTimer = undefined;
  }

  /** Its session was resumed on another socket: a fatal `replaced` (unsequenced: the stream moved on), then 4002. */
  replaced(): void {
    this.sendRaw({ type: 'error', code: 'replaced', message: 'This session was resumed on another connection.', fatal: true });
    this.close(CLOSE_CODES.replaced, 'replaced');
  }

  /** Closes the socket; an attached session keeps its place for the grace period. */
  close(code: number, reason: string): void {
    if (this.shutDown()) this.socket.close(code, reason);
  }

  /** Cuts the socket abruptly, as a network loss would; an attached session goes to its grace period. */
  terminate(): void {
    if (!this.shutDown()) return;
    if (this.socket.terminate) this.socket.terminate();
    else this.socket.close(CLOSE_CODES.abuse, 'terminated');
  }

  private accept(frame: string | null): void {
    if (!this.open) return;
    if (!this.session && !this.line && frame !== null && !this.spendPreJoin(frame)) return;
    if (!this.frameLimit.take()) {
      if (++this.refusedInARow > this.ctx.config.rateLimits.abuseAfter) {
        this.refuse(new HubError('rate-limited', 'Too many messages for too long; disconnected.', { fatal: true, closeCode: CLOSE_CODES.abuse }));
        return;
      }
      this.enqueue(async () => this.refuse(new HubError('rate-limited', 'Too many messages; this one was dropped.')));
      return;
    }
    this.refusedInARow = 0;
    this.enqueue(() => this.dispatch(this, frame));
  }

  /** Counts a frame against the pre-join budget; false (and the socket closed) once it is spent. */
  private spendPreJoin(frame: string): boolean {
    if (this.preJoinBudget < 0) return false; // spent: the refusal is queued already
    // Cheap first: a frame longer in UTF-16 units than the budget is over it in UTF-8 bytes too.
    this.preJoinBudget -= frame.length > this.preJoinBudget ? frame.length : utf8Length(frame);
    if (this.preJoinBudget >= 0) return true;
    // After the frames before it, so their answers still go out first.
    const limit = this.ctx.config.preJoinBytes;
    this.enqueue(async () => {
      if (!this.session) this.refuse(new HubError('too-large', `At most ${limit} bytes may be sent before joining.`, { fatal: true, closeCode: CLOSE_CODES.abuse }));
    });
    return false;
  }

  private enqueue(job: () => Promise<void>): void {
    this.tail = this.tail.then(() => (this.open ? job() : undefined)).catch((error: unknown) => {
      this.ctx.log.error('frame handling failed', error);
    });
  }

  /** The client does not read what it is sent: stop queueing. Its session resumes from the outbox if it comes back. */
  private cutTooSlow(): void {
    this.ctx.log.warn(`${this.session?.userId ?? 'a new connection'} reads too slowly: cutting its socket`);
    this.close(CLOSE_CODES.tooSlow, 'too slow');
  }

  private joinTimedOut(): void {
    if (this.session || !this.open) return;
    this.refuse(new HubError('timeout', `No join within ${this.ctx.config.joinTimeoutMs} ms.`));
    this.close(CLOSE_CODES.refused, 'join timeout');
  }

  /** Marks the connection gone (once); an attached session goes to grace. False if it already was. */
  private shutDown(): boolean {
    if (!this.open) return false;
    this.open = false;
    clearTimeout(this.joinTimer);
    this.leaveLobby?.();
    this.leaveLobby = null;
    if (this.line) this.ctx.calls.closed(this.line);
    const session = this.session;
    if (session) {
      session.unlink();
      session.room.lost(session);
    }
    this.onGone(this);
    return true;
  }
}
