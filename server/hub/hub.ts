/**
 * The room logic: admission, presence, relaying, chat, resume. Free of Node APIs and of ws/jose, so the
 * same code runs behind the Node server and inside a web page (loopback.ts). Transports hand it
 * sockets through `connect()` and feed it frames.
 */
import { Connection, type HubConnection, type HubSocket } from './connection.js';
import { resolveCallConfig } from './calls/call-config.js';
import { InvitationRegistry, type Clock } from './calls/invitation-registry.js';
import type { HubEvent } from './hub-events.js';
import type { HubContext, HubDeps } from './context.js';
import { createDispatch, createHandlers } from './handlers/index.js';
import { HubError } from './errors.js';
import { KeyedLock } from './keyed-lock.js';
import { silentLogger } from './logger.js';
import { PasswordThrottle } from './password-throttle.js';
import { endRoom, listRooms, muteParticipant, removeParticipant, roomDetails, updateRoom, type PersonResult, type RoomDetails, type RoomSummary, type RoomUpdate } from './room-admin.js';
import { createRoom, type CreateRoomOptions, type CreatedRoom } from './room-directory.js';
import { MemoryRoomStore } from './room-store.js';
import type { MediaKind } from '../../protocol/model.js';

export type { HubConnection, HubSocket } from './connection.js';
export type { HubDeps } from './context.js';
export type { HubConfig, RateLimit, RateLimits } from './hub-config.js';
export type { CreateRoomOptions, CreatedRoom } from './room-directory.js';
export type { HubEvent, HubEventType, ParticipantLeftReason, RoomEndReason } from './hub-events.js';
export type { PersonResult, RoomDetails, RoomPerson, RoomSummary, RoomUpdate } from './room-admin.js';
export type { RoomRecord, RoomStore } from './room-store.js';
export type { CallConfig } from './calls/call-config.js';
export type { Clock } from './calls/invitation-registry.js';

const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** WebSocket "going away": the server is shutting down. */
const GOING_AWAY = 1001;

export class Hub {
  private readonly ctx: HubContext;
  private readonly dispatch;
  private readonly connections = new Set<Connection>();

  constructor(deps: HubDeps) {
    const log = deps.log ?? silentLogger;
    const calls = this.createCallRegistry(deps, log);
    this.ctx = {
      iceServersFor: () => [],
      log,
      ...deps,
      onEvent: (event) => {
        this.callsHear(event);
        // A listener's failure must not undo a join or a leave half-way.
        try {
          deps.onEvent?.(event);
        } catch (error) {
          log.error(`onEvent failed for ${event.type}`, error);
        }
      },
      now: deps.now ?? Date.now,
      roomStore: deps.roomStore ?? new MemoryRoomStore(deps.now),
      rooms: new Map(),
      sessions: new Map(),
      roomLock: new KeyedLock(),
      passwordThrottle: new PasswordThrottle(deps.config.rateLimits),
      verifyUserToken: deps.verifyUserToken ?? (() => Promise.reject(new HubError('token-invalid', 'This server opens no lines.', { fatal: true }))),
      mintJoinToken: deps.mintJoinToken ?? (() => Promise.reject(new Error('no mintJoinToken: calls cannot be answered'))),
      clock: deps.clock ?? REAL_CLOCK,
      calls,
    };
    this.dispatch = createDispatch(this.ctx, createHandlers(this.ctx));
  }

  /** The invitation registry, told what happens in rooms: its deps read the context once it exists. */
  private createCallRegistry(deps: HubDeps, log: NonNullable<HubDeps['log']>): InvitationRegistry {
    return new InvitationRegistry({
      config: resolveCallConfig(deps.config.calls),
      clock: deps.clock ?? REAL_CLOCK,
      log,
      inRoom: (userId) => this.inRoom(userId),
      createRoom: async () => {
        const created = await createRoom(this.ctx, {});
        if (!created) throw new Error('a fresh call room id was taken');
        return created;
      },
      mintJoinToken: (claims) => this.ctx.mintJoinToken(claims),
    });
  }

  /** Rooms tell the calls what happens in them; a failure there must not undo a join or a leave either. */
  private callsHear(event: HubEvent): void {
    try {
      if (event.type === 'participant.joined') this.ctx.calls.joinedRoom(event.roomId);
      else if (event.type === 'participant.left' && !this.inRoom(event.data.userId)) this.ctx.calls.leftRooms(event.data.userId);
      else if (event.type === 'room.ended') this.ctx.calls.roomEnded(event.roomId);
    } catch (error) {
      this.ctx.log.error(`calls failed on ${event.type}`, error);
    }
  }

  private inRoom(userId: string): boolean {
    for (const session of this.ctx.sessions.values()) if (session.userId === userId) return true;
    return false;
  }

  /** A new client socket; the transport feeds its frames and its closing to the returned connection. */
  connect(socket: HubSocket): HubConnection {
    const conn = new Connection(socket, this.ctx, this.dispatch, (gone) => this.connections.delete(gone));
    this.connections.add(conn);
    return conn;
  }

  /**
   * Stores a room ahead of its first join (dropped if nobody joins within `emptyRoomTtlMs`).
   * Null when a room with that id is live or still stored (its settings are kept until they expire).
   */
  createRoom(options: CreateRoomOptions = {}): Promise<CreatedRoom | null> {
    return createRoom(this.ctx, options);
  }

  /** Cuts every socket of `userId` (their lines too) as a network loss would; their sessions stay for the grace period. */
  dropConnections(userId: string): number {
    let dropped = 0;
    for (const session of this.ctx.sessions.values()) {
      if (session.userId === userId && session.conn) {
        session.conn.terminate();
        dropped++;
      }
    }
    for (const conn of [...this.connections]) {
      if (conn.line?.userId === userId && conn.isOpen) {
        conn.terminate();
        dropped++;
      }
    }
    return dropped;
  }

  // ——— Room management (the admin API; room-admin.ts) ———

  /** Rooms with people in them, and how many. */
  listRooms(): RoomSummary[] {
    return listRooms(this.ctx);
  }

  /** One room, live or only stored (then without people); null when the id is unknown. */
  roomDetails(roomId: string): Promise<RoomDetails | null> {
    return roomDetails(this.ctx, roomId);
  }

  /** Changes a live or stored room's settings; null when the id is unknown. */
  updateRoom(roomId: string, update: RoomUpdate): Promise<RoomDetails | null> {
    return updateRoom(this.ctx, roomId, update);
  }

  /** Everyone out of a live room, as a host's end-room; the user ids removed, or null when nobody is in it. */
  endRoom(roomId: string): string[] | null {
    return endRoom(this.ctx, roomId);
  }

  /** Removes one person from a live room, and with `ban` keeps them out while the room is stored. */
  removeParticipant(roomId: string, userId: string, options: { ban?: boolean } = {}): PersonResult {
    return removeParticipant(this.ctx, roomId, userId, options);
  }

  /** Turns someone's microphone or camera off, as a host's mute; `by` is who they are told did it. */
  muteParticipant(roomId: string, userId: string, kind: MediaKind, by: { userId: string; name: string }): PersonResult {
    return muteParticipant(this.ctx, roomId, userId, kind, by);
  }

  /** Rooms and people right now (health checks, logs). */
  get stats(): { rooms: number; sessions: number; connections: number } {
    return { rooms: this.ctx.rooms.size, sessions: this.ctx.sessions.size, connections: this.connections.size };
  }

  /**
   * Closes every socket (1001) and stops every timer; resolves once every room's record is written
   * (live rooms count as emptied now). The room store is the caller's to close.
   */
  async close(): Promise<void> {
    for (const room of [...this.ctx.rooms.values()]) room.destroy(GOING_AWAY);
    for (const conn of [...this.connections]) conn.close(GOING_AWAY, 'server shutting down');
    this.ctx.calls.close();
    await this.ctx.roomLock.idle();
  }
}
