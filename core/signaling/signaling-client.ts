/**
 * The signaling socket of one room session: join, liveness pings, reconnect with a pluggable
 * policy, session resume (`join {resume}` with the last `seq` seen), an outbound queue flushed in
 * order once the session is back, and requests that wait for their ack across reconnects.
 */
import { Emitter } from '../emitter.js';
import { RtcError } from '../errors.js';
import { CLOSE_CODES, FATAL_ERROR_CODES } from '../../protocol/error-codes.js';
import type { ClientMessage, ClientMessageOf } from '../../protocol/client-messages.js';
import type { MediaState } from '../../protocol/model.js';
import type { AckMessage, ErrorMessage, HistoryMessage, JoinedMessage, LineReadyMessage, ServerMessage } from '../../protocol/server-messages.js';
import type { WebSocketLike } from '../rtc-client.js';
import type { LeftReason } from '../types.js';
import type { ReconnectPolicy } from './reconnect-policy.js';
import { PendingRequests, type RequestAnswer } from './requests.js';

const OPEN = 1;

export interface SignalingOptions {
  url: string;
  connect: (url: string) => WebSocketLike;
  policy: ReconnectPolicy;
  pingIntervalMs: number;
  livenessFactor: number;
  connectTimeoutMs: number;
  joinTimeoutMs: number;
  requestTimeoutMs: number;
  log?: (message: string) => void;
}

export interface JoinRequest {
  room: string;
  token: string;
  password?: string;
  /** The first join frame waits for this (local media being opened while the socket connects). */
  ready?: Promise<unknown>;
  /** Read at each (re)join, so a fresh join announces the current mute state. */
  media: () => Omit<MediaState, 'screen'>;
  /** A fresh token when the server refuses ours on a rejoin (`token-invalid`, `token-expired`); once per rejoin. */
  renewToken?: (refused: string) => Promise<string>;
}

/** `first`: join() succeeded. `rejoined`: resume failed, this is a new session. `wholesale`: resumed, but the state comes whole instead of replayed. */
export type JoinKind = 'first' | 'rejoined' | 'wholesale';

export interface SignalingEvents {
  joined: { message: JoinedMessage; kind: JoinKind };
  /** The session is back after a reconnect; missed frames follow as `frame` events. */
  resumed: Record<string, never>;
  /** Every frame after admission except `joined`, `resumed`, `pong` and answers to our requests; duplicates dropped. */
  frame: { message: ServerMessage };
  /** The socket is gone; reconnect attempts are under way. */
  reconnecting: { error: RtcError };
  /** The room has a lobby: this join waits for a host (no join deadline meanwhile); `joined` or a fatal `denied` follows. */
  waiting: { roomId: string };
  /** A line (openLine) is open, first or again after a reconnect: what still rings is sent again. */
  'line-ready': { message: LineReadyMessage };
  /** The session is over for good (not emitted after `close()`). */
  ended: { reason: LeftReason; error: RtcError };
}

/** Requests answered by an `ack`. */
type AckedRequestType = Exclude<Extract<ClientMessage, { rid?: string }>['type'], 'history'>;

type WithoutRid<T> = T extends unknown ? Omit<T, 'rid'> : never;

type Status = 'idle' | 'joining' | 'open' | 'reconnecting' | 'closed';

export class SignalingClient extends Emitter<SignalingEvents> {
  readonly #options: SignalingOptions;
  readonly #requests: PendingRequests;
  #status: Status = 'idle';
  #socket: WebSocketLike | null = null;
  /** Admitted on the current socket (frames may go out). */
  #ready = false;
  #join: JoinRequest | null = null;
  #session: { id: string; secret: string } | null = null;
  #lastSeq = 0;
  /** A resume was asked on this socket; a `joined` answer then means the state comes whole. */
  #resuming = false;
  #queue: ClientMessage[] = [];
  #retryCount = 0;
  #outageStart = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #attemptTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #lastReceived = 0;
  /** The current socket opened (else the attempt was refused: nothing listening, as while a server restarts). */
  #opened = false;
  /** A fresh token was asked for on this rejoin; a second refusal is final. */
  #renewed = false;
  #firstJoin: { resolve: (m: JoinedMessage & LineReadyMessage) => void; reject: (e: RtcError) => void } | null = null;
  /** This socket is a line (core/line/), opened with a user token: no room, no session to resume. */
  #line = false;

  constructor(options: SignalingOptions) {
    super();
    this.#options = options;
    this.#requests = new PendingRequests(options.requestTimeoutMs);
  }

  /** Open the socket and join; rejects with the server's refusal (`wrong-password`, `token-expired`…), `network` or `timeout`. */
  join(request: JoinRequest): Promise<JoinedMessage> {
    if (this.#status !== 'idle') return Promise.reject(new RtcError('not-joined', 'This signaling session was already used.'));
    this.#join = request;
    this.#status = 'joining';
    return new Promise<JoinedMessage>((resolve, reject) => {
      this.#firstJoin = { resolve, reject };
      this.#open();
    });
  }

  /**
   * Open a line instead of joining a room (docs/calls.md): `line {token}` with a user token, answered
   * by `line-ready`. Reconnects like a room session, opening the line again (a line has nothing to resume).
   */
  openLine(token: string, renewToken?: JoinRequest['renewToken']): Promise<LineReadyMessage> {
    if (this.#status !== 'idle') return Promise.reject(new RtcError('not-joined', 'This signaling session was already used.'));
    this.#line = true;
    this.#join = { room: '', token, media: () => ({ audio: false, video: false }), ...(renewToken && { renewToken }) };
    this.#status = 'joining';
    return new Promise<LineReadyMessage>((resolve, reject) => {
      this.#firstJoin = { resolve, reject };
      this.#open();
    });
  }

  /** Send now, or queue until the session is back. Signal frames are dropped when a new session replaces the old one. */
  send(frame: ClientMessage): void {
    if (this.#status === 'closed') return;
    if (this.#ready && this.#write(frame)) return;
    this.#queue.push(frame);
  }

  /** Send a request and wait for its ack (or, for `history`, the page); `rid` is filled in. */
  request(frame: WithoutRid<ClientMessageOf<'history'>>): Promise<HistoryMessage>;
  request(frame: WithoutRid<ClientMessageOf<AckedRequestType>>): Promise<AckMessage>;
  request(frame: WithoutRid<ClientMessageOf<AckedRequestType | 'history'>>): Promise<RequestAnswer> {
    if (this.#status === 'closed' || this.#status === 'idle') return Promise.reject(new RtcError('not-joined'));
    const full = { ...frame, rid: this.#requests.nextId() } as ClientMessage & { rid: string };
    const answer = this.#requests.add(full);
    this.send(full);
    return answer;
  }

  /** The token the next fresh join (after a lost session) sends: `renewToken` hands in a fresh one. */
  setToken(token: string): void {
    if (this.#join) this.#join.token = token;
  }

  /** The network is known to be down (`offline`): don't wait for the liveness timeout. */
  networkDown(): void {
    if (this.#status === 'open') this.#lost(new RtcError('network', 'The browser went offline.'));
  }

  /** The network is back (`online`): try now instead of waiting for the next retry. */
  networkUp(): void {
    if (this.#status === 'reconnecting' && this.#retryTimer !== undefined) {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
      this.#attempt();
    }
  }

  /** End the session: say `leave` if admitted, close the socket, reject what is pending. */
  close(): void {
    if (this.#status === 'closed') return;
    if (this.#ready) this.#write({ type: 'leave' });
    this.#shutdown(new RtcError('not-joined', 'Left the room.'));
    this.#firstJoin?.reject(new RtcError('not-joined', 'Left before the join completed.'));
    this.#firstJoin = null;
  }

  /** Drop queued frames of one type (stale signaling after a new session). */
  #discardQueued(type: ClientMessage['type']): void {
    this.#queue = this.#queue.filter((frame) => frame.type !== type);
  }

  #open(): void {
    const { url, connect, connectTimeoutMs } = this.#options;
    let socket: WebSocketLike;
    this.#opened = false;
    try {
      socket = connect(url);
    } catch (error) {
      this.#lost(new RtcError('network', 'The signaling socket could not be opened.', { cause: error }));
      return;
    }
    this.#socket = socket;
    this.#resuming = false;
    this.#lastReceived = Date.now();
    this.#armAttemptTimer(connectTimeoutMs);
    socket.onopen = () => {
      if (this.#socket !== socket) return;
      this.#opened = true;
      this.#armAttemptTimer(this.#options.joinTimeoutMs);
      this.#startPings();
      const ready = this.#firstJoin ? this.#join?.ready : undefined;
      const send = () => {
        if (this.#socket === socket) this.#sendJoin();
      };
      void Promise.resolve(ready).then(send, send);
    };
    socket.onmessage = (event) => {
      if (this.#socket === socket) this.#receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.#socket === socket) this.#socketClosed(event.code, event.reason);
    };
    socket.onerror = () => undefined; // `close` follows and carries what we need.
  }

  #sendJoin(): void {
    const join = this.#join!;
    if (this.#line) {
      this.#write({ type: 'line', token: join.token });
    } else if (this.#session) {
      this.#resuming = true;
      this.#write({
        type: 'join',
        room: join.room,
        resume: { sessionId: this.#session.id, secret: this.#session.secret, lastSeq: this.#lastSeq },
      });
    } else {
      this.#write({
        type: 'join',
        room: join.room,
        token: join.token,
        ...(join.password !== undefined ? { password: join.password } : {}),
        media: join.media(),
      });
    }
  }

  #receive(data: unknown): void {
    this.#lastReceived = Date.now();
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;

    switch (message.type) {
      case 'pong':
        return;
      case 'joined':
        return this.#admitted(message);
      case 'line-ready':
        return this.#lineReady(message);
      case 'resumed':
        return this.#resumed();
      case 'error':
        return this.#error(message);
      case 'waiting':
        // A host decides when: no join deadline while the pings keep the socket alive.
        clearTimeout(this.#attemptTimer);
        this.#attemptTimer = undefined;
        this.emit('waiting', { roomId: message.roomId });
        return;
    }
    if ('seq' in message && typeof message.seq === 'number') {
      if (message.seq <= this.#lastSeq) return; // already seen before the socket dropped
      this.#lastSeq = message.seq;
    }
    if (message.type === 'ack' || message.type === 'history') {
      this.#requests.answer(message); // false: the answer to a request resent after a resume
      return;
    }
    this.emit('frame', { message });
  }

  #admitted(message: JoinedMessage): void {
    const kind: JoinKind = this.#firstJoin ? 'first' : this.#resuming && message.resumed ? 'wholesale' : 'rejoined';
    this.#session = { id: message.session.id, secret: message.session.secret };
    this.#lastSeq = message.seq;
    this.#becameReady();
    if (kind === 'rejoined') this.#discardQueued('signal');
    const first = this.#firstJoin;
    this.#firstJoin = null;
    this.emit('joined', { message, kind });
    first?.resolve(message as JoinedMessage & LineReadyMessage);
    this.#flush();
  }

  #lineReady(message: LineReadyMessage): void {
    this.#becameReady();
    const first = this.#firstJoin;
    this.#firstJoin = null;
    this.emit('line-ready', { message });
    first?.resolve(message as JoinedMessage & LineReadyMessage);
    this.#flush();
  }

  #resumed(): void {
    this.#becameReady();
    this.emit('resumed', {});
    this.#flush();
  }

  #becameReady(): void {
    clearTimeout(this.#attemptTimer);
    this.#attemptTimer = undefined;
    this.#ready = true;
    this.#status = 'open';
    this.#retryCount = 0;
    this.#resuming = false;
    this.#renewed = false;
  }

  /** Requests that may not have reached the server first (same rid: the server de-duplicates), then what was queued. */
  #flush(): void {
    const resend = this.#requests.unanswered();
    const queued = this.#queue;
    this.#queue = [];
    for (const frame of [...resend, ...queued]) this.send(frame);
  }

  #error(message: ErrorMessage): void {
    if (typeof message.seq === 'number') {
      if (message.seq <= this.#lastSeq) return; // replayed after a resume: already handled
      this.#lastSeq = message.seq;
    }
    const error = new RtcError(message.code, message.message || undefined);
    if (message.code === 'resume-failed') {
      // The grace period ran out: the old session is gone, join afresh (a new session).
      this.#session = null;
      this.#resuming = false;
      if (this.#socket?.readyState === OPEN) this.#sendJoin();
      return;
    }
    if ((message.code === 'token-invalid' || message.code === 'token-expired') && this.#renewToken(error)) return;
    if (message.fatal || FATAL_ERROR_CODES.has(message.code)) return this.#fatal(error);
    if (this.#requests.answer(message)) return;
    if (this.#firstJoin) return this.#fatal(error); // a refusal we don't know as fatal still fails join()
    this.emit('frame', { message });
  }

  /**
   * Our token was refused on a rejoin: ask for a fresh one and join with it on a new socket (the server
   * closes this one). False when there is nobody to ask, this is the first join, or we already asked.
   */
  #renewToken(refusal: RtcError): boolean {
    const join = this.#join;
    if (!join?.renewToken || this.#firstJoin || this.#session || this.#renewed || this.#status !== 'reconnecting') return false;
    this.#renewed = true;
    this.#dropSocket();
    this.#log(`token refused on rejoin (${refusal.code}): asking for a fresh one`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RtcError('timeout', 'No fresh token in time.')), this.#options.joinTimeoutMs);
    });
    Promise.race([join.renewToken(join.token), timeout]).finally(() => clearTimeout(timer)).then(
      (token) => {
        if (this.#status !== 'reconnecting') return;
        join.token = token;
        this.#open();
      },
      (error: unknown) => {
        this.#log(`no fresh token: ${String(error)}`);
        if (this.#status === 'reconnecting') this.#fatal(refusal);
      },
    );
    return true;
  }

  #fatal(error: RtcError): void {
    const first = this.#firstJoin;
    this.#firstJoin = null;
    this.#shutdown(error);
    if (first) first.reject(error);
    else this.emit('ended', { reason: reasonFor(error), error });
  }

  #socketClosed(code: number, reason: string): void {
    const byServer: Partial<Record<number, RtcError>> = {
      [CLOSE_CODES.replaced]: new RtcError('replaced'),
      [CLOSE_CODES.kicked]: new RtcError('kicked'),
      [CLOSE_CODES.ended]: new RtcError('room-ended'),
      [CLOSE_CODES.refused]: new RtcError('server-error', reason || 'The server refused the connection.'),
    };
    const fatal = byServer[code];
    if (fatal) return this.#fatal(fatal);
    this.#lost(new RtcError('network', `The signaling socket closed (${code}${reason ? `: ${reason}` : ''}).`));
  }

  /** The socket is gone or dead. The first join fails; an admitted session goes on reconnecting. */
  #lost(error: RtcError): void {
    this.#dropSocket();
    if (this.#status === 'closed') return;
    if (this.#firstJoin) {
      const first = this.#firstJoin;
      this.#firstJoin = null;
      this.#shutdown(error);
      first.reject(error);
      return;
    }
    if (this.#status !== 'reconnecting') {
      this.#status = 'reconnecting';
      this.#outageStart = Date.now();
      this.#retryCount = 0;
      this.#log(`signaling lost: ${error.message}`);
      this.emit('reconnecting', { error });
    }
    const delay = this.#options.policy.nextRetryDelayMs({
      retryCount: this.#retryCount,
      elapsedMs: Date.now() - this.#outageStart,
      refused: this.#retryCount > 0 && !this.#opened,
    });
    if (delay === null) {
      this.#shutdown(error);
      this.emit('ended', { reason: 'network', error });
      return;
    }
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#attempt();
    }, delay);
  }

  #attempt(): void {
    if (this.#status !== 'reconnecting') return;
    this.#retryCount++;
    this.#log(`reconnect attempt ${this.#retryCount}`);
    this.#open();
  }

  #armAttemptTimer(ms: number): void {
    clearTimeout(this.#attemptTimer);
    this.#attemptTimer = setTimeout(() => {
      const error = new RtcError(this.#firstJoin ? 'timeout' : 'network', 'The server did not answer in time.');
      this.#lost(error);
    }, ms);
  }

  #startPings(): void {
    clearInterval(this.#pingTimer);
    const { pingIntervalMs, livenessFactor } = this.#options;
    this.#pingTimer = setInterval(() => {
      if (Date.now() - this.#lastReceived > pingIntervalMs * livenessFactor) {
        this.#lost(new RtcError('network', 'The server stopped answering.'));
        return;
      }
      this.#write({ type: 'ping', t: Date.now() });
    }, pingIntervalMs);
  }

  #write(frame: ClientMessage): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(JSON.stringify(frame));
    } catch {
      return false;
    }
    if ('rid' in frame && frame.rid) this.#requests.sent(frame.rid);
    return true;
  }

  #dropSocket(): void {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#attemptTimer);
    this.#pingTimer = undefined;
    this.#attemptTimer = undefined;
    this.#ready = false;
    this.#requests.pause();
    const socket = this.#socket;
    this.#socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(CLOSE_CODES.normal);
    } catch {
      // Already closing.
    }
  }

  #shutdown(error: RtcError): void {
    this.#dropSocket();
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#status = 'closed';
    this.#queue = [];
    this.#requests.rejectAll(error);
  }

  #log(message: string): void {
    this.#options.log?.(message);
  }
}

function reasonFor(error: RtcError): LeftReason {
  if (error.code === 'room-ended') return 'ended';
  return error.code === 'kicked' ? 'kicked' : error.code === 'replaced' ? 'replaced' : 'error';
}
