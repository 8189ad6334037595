/**
 * The room logic: admission, presence, relaying, chat, resume. Free of Node APIs and of ws/jose, so the
 * same code runs behind the Node server and inside a web page (loopback.ts). Transports hand it
 * sockets through `connect()` and feed it frames.
 */
import { isValidId } from '../../protocol/ids.js';
import { Connection, type HubConnection, type HubSocket } from './connection.js';
import type { HubContext, HubDeps } from './context.js';
import { randomId } from './encoding.js';
import { createDispatch, createHandlers } from './handlers/index.js';
import { silentLogger } from './logger.js';
import { Room } from './room.js';

export type { HubConnection, HubSocket } from './connection.js';
export type { HubDeps } from './context.js';
export type { HubConfig, RateLimit, RateLimits } from './hub-config.js';

/** WebSocket "going away": the server is shutting down. */
const GOING_AWAY = 1001;

export interface CreateRoomOptions {
  /** Default: a random id. */
  roomId?: string;
  password?: string;
  /** Lower than the server's cap, if wanted. */
  maxParticipants?: number;
}

export class Hub {
  private readonly ctx: HubContext;
  private readonly dispatch;
  private readonly connections = new Set<Connection>();

  constructor(deps: HubDeps) {
    this.ctx = {
      iceServersFor: () => [],
      log: silentLogger,
      ...deps,
      rooms: new Map(),
      sessions: new Map(),
    };
    this.dispatch = createDispatch(this.ctx, createHandlers(this.ctx));
  }

  /** A new client socket; the transport feeds its frames and its closing to the returned connection. */
  connect(socket: HubSocket): HubConnection {
    const conn = new Connection(socket, this.ctx, this.dispatch, (gone) => this.connections.delete(gone));
    this.connections.add(conn);
    return conn;
  }

  /**
   * Creates a room ahead of its first join (it expires if nobody joins within `emptyRoomTtlMs`).
   * Returns its id, or null when a room with that id already exists.
   */
  createRoom(options: CreateRoomOptions = {}): string | null {
    const roomId = options.roomId ?? randomId(9);
    if (!isValidId(roomId)) throw new RangeError(`Invalid room id "${roomId}".`);
    if (this.ctx.rooms.has(roomId)) return null;
    const { password, maxParticipants } = options;
    this.ctx.rooms.set(roomId, new Room(roomId, this.ctx, { password, maxParticipants, expireIfUnused: true }));
    return roomId;
  }

  /** Cuts every socket of `userId` as a network loss would; their sessions stay for the grace period. */
  dropConnections(userId: string): number {
    let dropped = 0;
    for (const session of this.ctx.sessions.values()) {
      if (session.userId === userId && session.conn) {
        session.conn.terminate();
        dropped++;
      }
    }
    return dropped;
  }

  /** Rooms and people right now (health checks, logs). */
  get stats(): { rooms: number; sessions: number; connections: number } {
    return { rooms: this.ctx.rooms.size, sessions: this.ctx.sessions.size, connections: this.connections.size };
  }

  /** Closes every socket (1001) and stops every timer. */
  close(): void {
    for (const room of [...this.ctx.rooms.values()]) room.destroy(GOING_AWAY);
    for (const conn of [...this.connections]) conn.close(GOING_AWAY, 'server shutting down');
  }
}
