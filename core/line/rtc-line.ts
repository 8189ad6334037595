/**
 * A line: one user reachable outside any room, for calls (docs/calls.md). One job: presence and call
 * signaling. An answered call hands over its room and join token (`call-state` `accepted`), and
 * `join(callId)` opens the RtcClient session for it. The socket is the signaling client's, with
 * its reconnect policy and pings; after a reconnect the server rings again what still rings.
 */
import { Emitter } from '../emitter.js';
import { RtcError } from '../errors.js';
import { DefaultReconnectPolicy } from '../signaling/reconnect-policy.js';
import { SignalingClient } from '../signaling/signaling-client.js';
import { signalingUrl } from '../signaling/signaling-url.js';
import { DEFAULTS } from '../defaults.js';
import { RtcClient, type JoinOptions, type RtcClientOptions, type WebSocketLike } from '../rtc-client.js';
import type { CallParty, CallState, MissedCall } from '../../protocol/line.js';
import type { ServerMessage } from '../../protocol/server-messages.js';

export interface RtcLineOptions {
  /** Server base URL (http, https, ws or wss). Defaults to the page's origin. */
  server?: string;
  /** WebSocket path on the server; default `/rtc`. */
  path?: string;
  /** Opens the socket; replace to run over another transport. */
  connect?: (url: string) => WebSocketLike;
  /** When to retry after the socket drops (default: as RtcClient's). */
  reconnectPolicy?: RtcClientOptions['reconnectPolicy'];
  /** A fresh user token when the server refuses ours on a reconnect (a dev server restarted with a new secret). */
  renewToken?: (refused: string) => Promise<string>;
  /** Log with console.debug. */
  debug?: boolean;
}

/** A call ringing for this user (the `incoming-call` event). */
export interface IncomingCall {
  callId: string;
  from: CallParty;
  /** The caller asks for video (accept may still go audio-only). */
  video: boolean;
  /** What the caller attached to the call, as is. */
  data?: unknown;
  /** An invitation into a room in progress: accepting joins it. */
  roomId?: string;
  /** Server time (ms since epoch) at which it stops ringing. */
  expiresAt: number;
}

/** A call changed state (the `call-state` event). */
export interface CallStateChange {
  callId: string;
  state: CallState;
  /** The user whose action caused it: the callee who accepted, declined, was busy or missed; the caller who cancelled. */
  by?: string;
  /** `accepted`, on the side that joins: the room and this user's join token (or call `join(callId)`). */
  roomId?: string;
  token?: string;
}

export type LineState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface RtcLineEvents {
  'incoming-call': IncomingCall;
  'call-state': CallStateChange;
  /** Calls missed while no line was open (or while in another call), oldest first; each delivered once. */
  'missed-calls': { calls: MissedCall[] };
  'connection-state': { state: LineState };
  /** The line is closed for good (token refused, reconnecting gave up). */
  closed: { error: RtcError };
}

export interface CallOptions {
  /** A video call (default true); the callee may still answer audio-only. */
  video?: boolean;
  /** Handed to the callees as is (JSON, at most 2 KiB by default). */
  data?: unknown;
  /** Ring this long before `missed` (5 000–180 000 ms; default the server's, 45 s). */
  timeoutMs?: number;
}

/** What this line knows of one call. */
interface CallRecord {
  direction: 'outgoing' | 'incoming';
  state: CallState;
  video: boolean;
  room?: { roomId: string; token: string };
  /** Outgoing: the callees who have not answered yet. */
  pending?: Set<string>;
  /** `ringing` was told to the page. */
  announced?: boolean;
  /** `accept()` waits for the room. */
  waiting?: { resolve: (room: { roomId: string; token: string }) => void; reject: (error: RtcError) => void };
}

const OVER: ReadonlySet<CallState> = new Set<CallState>(['declined', 'busy', 'missed', 'cancelled', 'answered-elsewhere', 'ended']);

export class RtcLine extends Emitter<RtcLineEvents> {
  #state: LineState = 'idle';
  #signaling: SignalingClient | null = null;
  #self: CallParty | null = null;
  readonly #calls = new Map<string, CallRecord>();

  constructor(readonly options: RtcLineOptions = {}) {
    super();
  }

  get state(): LineState {
    return this.#state;
  }

  /** Who this line is, once open. */
  get self(): CallParty | null {
    return this.#self;
  }

  /** Open the line with a user token (a token with `sub` and no room). Rejects with the server's refusal, `network` or `timeout`. */
  async open(token: string): Promise<CallParty> {
    if (this.#state !== 'idle') throw new RtcError('not-allowed', 'This line was opened already.');
    this.#setState('connecting');
    const signaling = (this.#signaling = new SignalingClient({
      url: signalingUrl(this.options.server, this.options.path),
      connect: this.options.connect ?? defaultConnect,
      policy: this.options.reconnectPolicy ?? new DefaultReconnectPolicy(),
      pingIntervalMs: DEFAULTS.pingIntervalMs,
      livenessFactor: DEFAULTS.livenessFactor,
      connectTimeoutMs: DEFAULTS.connectTimeoutMs,
      joinTimeoutMs: DEFAULTS.joinTimeoutMs,
      requestTimeoutMs: DEFAULTS.requestTimeoutMs,
      log: (message) => {
        if (this.options.debug) console.debug(`[rtc-line] ${message}`);
      },
    }));
    signaling.on('line-ready', () => this.#setState('connected'));
    signaling.on('reconnecting', () => this.#setState('reconnecting'));
    signaling.on('frame', ({ message }) => this.#receive(message));
    signaling.on('ended', ({ error }) => this.#closed(error));
    try {
      const ready = await signaling.openLine(token, this.options.renewToken);
      this.#self = { userId: ready.userId, name: ready.name };
      return this.#self;
    } catch (error) {
      this.#closed(error instanceof RtcError ? error : new RtcError('network', undefined, { cause: error }));
      throw error;
    }
  }

  /**
   * Ring every line of each callee. Resolves `{ callId }` once the server placed the call (`call-state`
   * events follow: `ringing`, then one per callee); rejects `offline` (no callee has a line open),
   * `not-allowed` (the server's policy) or `rate-limited`.
   */
  async call(userIds: string | string[], options: CallOptions = {}): Promise<{ callId: string }> {
    const to = typeof userIds === 'string' ? [userIds] : userIds;
    const video = options.video ?? true;
    const answer = await this.#requests().request({
      type: 'call', to, video,
      ...(options.data !== undefined && { data: options.data }), ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    });
    const callId = answer.callId!;
    if (!this.#calls.has(callId)) this.#calls.set(callId, { direction: 'outgoing', state: 'ringing', video, pending: new Set(to) });
    return { callId };
  }

  /**
   * Take a ringing call on this line (the first accept among the user's lines wins). Resolves with
   * the room and this user's join token; `join(callId)` joins it. `video: false` answers audio-only.
   */
  async accept(callId: string, options: { video?: boolean } = {}): Promise<{ roomId: string; token: string }> {
    const call = this.#calls.get(callId);
    if (!call || call.direction !== 'incoming') throw new RtcError('not-allowed', 'No such call ringing on this line.');
    if (options.video !== undefined) call.video = call.video && options.video;
    const room = new Promise<{ roomId: string; token: string }>((resolve, reject) => (call.waiting = { resolve, reject }));
    room.catch(() => undefined); // when the request fails too, its error is the one thrown
    try {
      await this.#requests().request({ type: 'accept', callId });
    } catch (error) {
      call.waiting = undefined;
      throw error;
    }
    return call.room ?? room;
  }

  /** Say no to a ringing call: every line of this user stops, the caller sees `declined`. */
  async decline(callId: string): Promise<void> {
    await this.#requests().request({ type: 'decline', callId });
  }

  /** Give up a call this user placed: the ringing stops everywhere, both sides see `cancelled`. */
  async cancel(callId: string): Promise<void> {
    await this.#requests().request({ type: 'cancel', callId });
  }

  /**
   * Join the room of an accepted call: with `client` (default a new RtcClient on this line's server),
   * camera as the call and the accept asked. The call is `ended` for this line when that session leaves.
   */
  async join(callId: string, { client, clientOptions, join }: { client?: RtcClient; clientOptions?: RtcClientOptions; join?: JoinOptions } = {}): Promise<RtcClient> {
    const call = this.#calls.get(callId);
    if (!call?.room) throw new RtcError('not-allowed', 'This call has no room to join (not accepted yet, or over).');
    const session = client ?? new RtcClient({ server: this.options.server, path: this.options.path, connect: this.options.connect, ...clientOptions });
    session.once('left', () => this.#changed({ callId, state: 'ended' }));
    await session.join(call.room.token, { video: call.video, ...join });
    return session;
  }

  /** Where a call stands on this line; undefined once it is over. */
  callState(callId: string): CallState | undefined {
    return this.#calls.get(callId)?.state;
  }

  /** Close the line: the server stops ringing it (a caller with no line left cancels what still rings). */
  close(): void {
    if (this.#state === 'closed') return;
    this.#signaling?.close();
    this.#closed(new RtcError('not-joined', 'The line was closed.'));
  }

  #requests(): SignalingClient {
    if (!this.#signaling || this.#state === 'closed' || this.#state === 'idle') throw new RtcError('not-joined', 'Open the line first.');
    return this.#signaling;
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'ring': {
        const { callId, from, video, data, roomId, expiresAt } = message;
        // Rung again after a reconnect: the page knows it already.
        if (this.#calls.has(callId)) return;
        this.#calls.set(callId, { direction: 'incoming', state: 'ringing', video, announced: true });
        this.emit('incoming-call', { callId, from, video, expiresAt, ...(data !== undefined && { data }), ...(roomId !== undefined && { roomId }) });
        return;
      }
      case 'call-state':
        return this.#changed({ callId: message.callId, state: message.state, ...(message.by !== undefined && { by: message.by }) });
      case 'call-accepted': {
        const { callId, by, roomId, token } = message;
        const call = this.#calls.get(callId);
        if (!call || call.room) return; // sent again after a reconnect: known already
        call.room = { roomId, token };
        call.waiting?.resolve(call.room);
        call.waiting = undefined;
        return this.#changed({ callId, state: 'accepted', by, roomId, token });
      }
      case 'missed-calls':
        this.emit('missed-calls', { calls: message.calls });
        return;
    }
  }

  #changed(change: CallStateChange): void {
    const call = this.#calls.get(change.callId);
    if (!call || OVER.has(call.state)) return;
    // Told again after a reconnect: another line's outcome says nothing about the call this line took.
    if (call.state === 'accepted' && change.state === 'answered-elsewhere') return;
    if (change.state === 'ringing') {
      if (call.announced) return;
      call.announced = true;
    } else if (call.pending && change.by !== undefined && change.state !== 'cancelled') {
      // A caller hears each callee's outcome; the call is over once none rings and none took it.
      call.pending.delete(change.by);
      if (change.state === 'accepted') call.state = 'accepted';
      else if (call.pending.size === 0 && call.state === 'ringing') call.state = change.state;
    } else {
      call.state = change.state;
    }
    if (OVER.has(call.state)) {
      call.waiting?.reject(new RtcError('not-allowed', `The call is ${call.state}.`));
      call.waiting = undefined;
      this.#calls.delete(change.callId);
    }
    this.emit('call-state', change);
  }

  #setState(state: LineState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.emit('connection-state', { state });
  }

  #closed(error: RtcError): void {
    if (this.#state === 'closed') return;
    this.#setState('closed');
    this.#signaling = null;
    for (const call of this.#calls.values()) call.waiting?.reject(error);
    this.#calls.clear();
    this.emit('closed', { error });
  }
}

const defaultConnect = (url: string): WebSocketLike => {
  if (typeof WebSocket === 'undefined') throw new RtcError('unsupported', 'This environment has no WebSocket.');
  return new WebSocket(url) as unknown as WebSocketLike;
};
