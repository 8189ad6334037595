/**
 * A small client for Janus's WebSocket JSON API (janus.md): one socket, one Janus session on it with
 * its mandatory keepalives, plugin handles, and requests matched to answers by transaction. The
 * browser never speaks this API; only our server does.
 */
import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';

/** Janus ends a session that sends nothing for `session_timeout` (60 s); media does not count. */
export const KEEPALIVE_MS = 25_000;
/** A request Janus never answers fails after this. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface Jsep {
  type: 'offer' | 'answer';
  sdp: string;
}

/** A plugin's answer or event: its data and, for negotiations, a description. */
export interface PluginReply {
  data: Record<string, unknown>;
  jsep?: Jsep;
}

/** What `setInterval`/`setTimeout` give; injectable so tests drive keepalives with their own clock. */
export interface JanusClock {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const SYSTEM_CLOCK: JanusClock = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class JanusError extends Error {
  override readonly name = 'JanusError';
  constructor(message: string, readonly code?: number) {
    super(message);
  }
}

interface Pending {
  resolve(message: JanusMessage): void;
  reject(error: Error): void;
  /** Asynchronous plugin requests answer `ack` first; the `event` with the same transaction completes them. */
  waitsForEvent: boolean;
  timer: unknown;
}

interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: Jsep;
  error?: { code: number; reason: string };
  [key: string]: unknown;
}

export interface JanusClientOptions {
  url: string;
  apiSecret?: string;
  clock?: JanusClock;
  /** Between keepalives (default KEEPALIVE_MS, well inside Janus's 60 s session timeout). */
  keepaliveMs?: number;
  /** The socket or the session is gone (Janus died, or timed out the session): every handle is dead. */
  onClose?(reason: string): void;
}

/** Events Janus sends a handle unasked (`updated` offers, `talking`, `hangup`, `webrtcup` …). */
export type HandleEventListener = (event: { janus: string; reply?: PluginReply; message: Record<string, unknown> }) => void;

export class JanusHandle {
  closed = false;
  onEvent: HandleEventListener = () => {};

  constructor(private readonly client: JanusClient, readonly id: number) {}

  /** A synchronous plugin request (`create`, `destroy`, `listparticipants` …): its `plugindata`. */
  async request(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const reply = await this.client.send({ janus: 'message', handle_id: this.id, body }, false);
    return pluginReply(reply).data;
  }

  /** An asynchronous plugin request (`join`, `publish`, `configure`, `start`, `update` …): the event that completes it. */
  async message(body: Record<string, unknown>, jsep?: Jsep): Promise<PluginReply> {
    const reply = await this.client.send({ janus: 'message', handle_id: this.id, body, ...(jsep && { jsep }) }, true);
    return pluginReply(reply);
  }

  /** Ends the handle: its peer connection and its place in the plugin go at once. */
  async detach(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.forget(this.id);
    await this.client.send({ janus: 'detach', handle_id: this.id }, false).catch(() => undefined);
  }
}

export class JanusClient {
  readonly #options: JanusClientOptions;
  readonly #clock: JanusClock;
  readonly #pending = new Map<string, Pending>();
  readonly #handles = new Map<number, JanusHandle>();
  #socket: WebSocket | null = null;
  #sessionId = 0;
  #keepalive: unknown;
  #closed = false;

  private constructor(options: JanusClientOptions) {
    this.#options = options;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** Opens the socket and a Janus session on it; keepalives run until `close()`. */
  static async connect(options: JanusClientOptions): Promise<JanusClient> {
    const client = new JanusClient(options);
    await client.#open();
    return client;
  }

  get sessionId(): number {
    return this.#sessionId;
  }

  get open(): boolean {
    return !this.#closed;
  }

  async attach(plugin: string): Promise<JanusHandle> {
    const reply = await this.send({ janus: 'attach', plugin }, false);
    const handle = new JanusHandle(this, reply.data!.id!);
    this.#handles.set(handle.id, handle);
    return handle;
  }

  /** Ends the session (every handle with it) and the socket. */
  close(reason = 'closed'): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clock.clearInterval(this.#keepalive);
    const socket = this.#socket;
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(this.#stamp({ janus: 'destroy' })));
    }
    socket?.close();
    this.#failAll(new JanusError(`Janus connection ${reason}`));
    for (const handle of this.#handles.values()) handle.closed = true;
    this.#handles.clear();
    this.#options.onClose?.(reason);
  }

  /** @internal */
  forget(handleId: number): void {
    this.#handles.delete(handleId);
  }

  /** @internal Sends one request; resolves with its answer (or, when `waitsForEvent`, with the event after the ack). */
  send(request: Record<string, unknown>, waitsForEvent: boolean): Promise<JanusMessage> {
    if (this.#closed || this.#socket?.readyState !== WebSocket.OPEN) {
      return Promise.reject(new JanusError('Janus is not connected'));
    }
    const transaction = randomBytes(9).toString('base64url');
    return new Promise<JanusMessage>((resolve, reject) => {
      const timer = this.#clock.setTimeout(() => {
        this.#pending.delete(transaction);
        reject(new JanusError(`Janus did not answer ${String(request.janus)} in time`));
      }, REQUEST_TIMEOUT_MS);
      this.#pending.set(transaction, { resolve, reject, waitsForEvent, timer });
      this.#socket!.send(JSON.stringify(this.#stamp({ ...request, transaction })));
    });
  }

  #stamp(request: Record<string, unknown>): Record<string, unknown> {
    return {
      ...request,
      ...(this.#sessionId && { session_id: this.#sessionId }),
      ...(this.#options.apiSecret && { apisecret: this.#options.apiSecret }),
    };
  }

  async #open(): Promise<void> {
    const socket = new WebSocket(this.#options.url, 'janus-protocol');
    this.#socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error) => reject(new JanusError(`cannot reach Janus at ${this.#options.url}: ${error.message}`)));
    });
    socket.on('error', () => undefined);
    socket.on('message', (data) => this.#receive(data.toString()));
    socket.on('close', () => this.close('lost'));
    const created = await this.send({ janus: 'create' }, false);
    this.#sessionId = created.data!.id!;
    this.#keepalive = this.#clock.setInterval(() => {
      this.send({ janus: 'keepalive' }, false).catch(() => undefined);
    }, this.#options.keepaliveMs ?? KEEPALIVE_MS);
  }

  #receive(text: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(text) as JanusMessage;
    } catch {
      return;
    }
    if (message.janus === 'timeout') return this.close('timed out');
    const pending = message.transaction ? this.#pending.get(message.transaction) : undefined;
    if (pending) {
      if (message.janus === 'ack' && pending.waitsForEvent) return;
      this.#pending.delete(message.transaction!);
      this.#clock.clearTimeout(pending.timer);
      if (message.janus === 'error') {
        pending.reject(new JanusError(message.error?.reason ?? 'Janus error', message.error?.code));
      } else {
        const pluginError = message.plugindata?.data?.error;
        if (typeof pluginError === 'string') pending.reject(new JanusError(pluginError, Number(message.plugindata!.data.error_code)));
        else pending.resolve(message);
      }
      return;
    }
    const handle = message.sender !== undefined ? this.#handles.get(message.sender) : undefined;
    if (!handle) return;
    if (message.janus === 'detached') handle.closed = true;
    handle.onEvent({
      janus: message.janus,
      message,
      ...(message.plugindata && { reply: { data: message.plugindata.data, ...(message.jsep && { jsep: message.jsep }) } }),
    });
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) {
      this.#clock.clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
  }
}

function pluginReply(message: JanusMessage): PluginReply {
  if (!message.plugindata) throw new JanusError(`Janus answered ${message.janus} without plugin data`);
  return { data: message.plugindata.data, ...(message.jsep && { jsep: message.jsep }) };
}
