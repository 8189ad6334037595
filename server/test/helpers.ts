/** Real clients for a real server on port 0. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket, { type ClientOptions } from 'ws';
import type { JoinedMessage, ServerMessage, ServerMessageOf } from '../../protocol/server-messages.js';
import type { Role } from '../../protocol/ids.js';
import { claimsFor } from '../auth/claims.js';
import { signToken } from '../auth/tokens.js';
import { createRtcServer, type RtcServer } from '../create-server.js';

export const SECRET = 'test-secret-that-is-long-enough-for-hs256';

/**
 * A signed-mode server (tokens from `tokenFor`) unless `secret: undefined` is passed. Its state
 * folder is a fresh temporary one, removed on close, unless `stateDir` is given.
 */
export async function startServer(config: NonNullable<Parameters<typeof createRtcServer>[0]> = {}): Promise<RtcServer> {
  const temporary = config.stateDir === undefined ? await mkdtemp(path.join(tmpdir(), 'rtc-state-')) : undefined;
  const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, secret: SECRET, staticDir: '/nonexistent', ...config, stateDir: config.stateDir ?? temporary });
  if (!temporary) return server;
  return { ...server, close: () => server.close().then(() => rm(temporary, { recursive: true, force: true })) };
}

export function tokenFor(room: string, user: string, options: { name?: string; role?: Role; ttlSeconds?: number; secret?: string } = {}): Promise<string> {
  const { secret = SECRET, ttlSeconds = 600, ...rest } = options;
  return signToken(claimsFor({ room, user, ttlSeconds, ...rest }), secret);
}

type Predicate<T> = (message: T) => boolean;

export class TestClient {
  /** Every frame received, in order (for "never saw that" checks). */
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  /** How the socket closed, for a failure message ("closed 4009 too-slow"). */
  #closeInfo = '';
  private readonly inbox: ServerMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private pings = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      this.received.push(message);
      this.inbox.push(message);
      this.wakeAll();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      this.#closeInfo = `closed ${code} ${reason.toString()}`.trim();
      resolve({ code, reason: reason.toString() });
      this.wakeAll();
    }));
    ws.on('error', () => {});
  }

  static async open(server: RtcServer, options: ClientOptions = {}): Promise<TestClient> {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/rtc`, options);
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Opens a socket and joins; resolves with `joined`, throws with the error frame otherwise. */
  static async join(server: RtcServer, room: string, user: string, options: { name?: string; role?: Role; password?: string; media?: { audio: boolean; video: boolean } } = {}): Promise<[TestClient, JoinedMessage]> {
    const { password, media, ...tokenOptions } = options;
    const client = await TestClient.open(server);
    const joined = await client.join({ room, token: await tokenFor(room, user, tokenOptions), password, media });
    return [client, joined];
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  async join(frame: Record<string, unknown>): Promise<JoinedMessage> {
    this.send({ type: 'join', ...frame });
    const reply = await this.next((m) => m.type === 'joined' || m.type === 'error');
    if (reply.type !== 'joined') throw new Error(`join refused: ${JSON.stringify(reply)}`);
    return reply;
  }

  /** The next unconsumed frame of `type` (optionally matching `where`), waiting up to `timeoutMs`. */
  next<T extends ServerMessage['type']>(type: T, where?: Predicate<ServerMessageOf<T>>, timeoutMs?: number): Promise<ServerMessageOf<T>>;
  next(where: Predicate<ServerMessage>, timeoutMs?: number): Promise<ServerMessage>;
  async next(typeOrWhere: string | Predicate<ServerMessage>, whereOrTimeout?: unknown, maybeTimeout?: number): Promise<ServerMessage> {
    const matches: Predicate<ServerMessage> = typeof typeOrWhere === 'function'
      ? typeOrWhere
      : (m) => m.type === typeOrWhere && (typeof whereOrTimeout !== 'function' || (whereOrTimeout as Predicate<ServerMessage>)(m));
    const timeoutMs = (typeof whereOrTimeout === 'number' ? whereOrTimeout : maybeTimeout) ?? 5000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex(matches);
      if (index !== -1) return this.inbox.splice(index, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`no ${typeof typeOrWhere === 'string' ? typeOrWhere : 'matching'} frame; got ${JSON.stringify(this.inbox.map((m) => m.type))}, socket ${this.ws.readyState === WebSocket.CLOSED ? this.#closeInfo || 'closed' : 'open'}`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** Round trip through the server: every reply to frames sent before has arrived when this resolves. */
  async sync(): Promise<void> {
    const t = ++this.pings;
    this.send({ type: 'ping', t });
    await this.next('pong', (m) => m.t === t);
  }

  /** Frames of `type` received so far, consumed or not. */
  seen<T extends ServerMessage['type']>(type: T): ServerMessageOf<T>[] {
    return this.received.filter((m): m is ServerMessageOf<T> => m.type === type);
  }

  close(): void {
    this.ws.close();
  }
}
