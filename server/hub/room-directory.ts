/**
 * Finding and creating rooms by id: the live room, else one brought back from the room store, else
 * a new instance. Store access for one room id goes through the room's lock, so an open never reads
 * a record older than the last write, and two opens never make two instances.
 */
import { isValidId } from '../../protocol/ids.js';
import type { MediaPolicy } from '../../protocol/model.js';
import type { HubContext } from './context.js';
import { randomId } from './encoding.js';
import { hashPassword } from './password.js';
import { Room } from './room.js';
import { ROOM_RECORD_VERSION, type RoomRecord } from './room-store.js';

export interface CreateRoomOptions {
  /** Default: a random id. */
  roomId?: string;
  password?: string;
  /** Lower than the server's cap, if wanted. */
  maxParticipants?: number;
  /** Newcomers wait until a host admits them (hosts can switch it live). */
  lobby?: boolean;
  title?: string;
  /** How its media travels (docs/media-server.md); default: the server's `media`. */
  media?: MediaPolicy;
}

export interface CreatedRoom {
  roomId: string;
  /** The instance id: tokens minted for this room carry it (claim `instance`). */
  instance: string;
}

/**
 * The room `roomId` with a join reserved on it (call `room.endJoin()` when the join is decided):
 * a new instance is only stored once someone is admitted.
 */
export async function openRoomForJoin(ctx: HubContext, roomId: string): Promise<Room> {
  const live = ctx.rooms.get(roomId);
  if (live) {
    live.beginJoin();
    return live;
  }
  return ctx.roomLock.run(roomId, async () => {
    let room = ctx.rooms.get(roomId);
    if (!room) {
      room = new Room(ctx, (await ctx.roomStore.get(roomId)) ?? newRecord(ctx, roomId));
      ctx.rooms.set(roomId, room);
    }
    room.beginJoin();
    return room;
  });
}

/** Stores a new room ahead of its first join; null when a room with that id is live or stored. */
export async function createRoom(ctx: HubContext, options: CreateRoomOptions): Promise<CreatedRoom | null> {
  const roomId = options.roomId ?? randomId(9);
  if (!isValidId(roomId)) throw new RangeError(`Invalid room id "${roomId}".`);
  const record = newRecord(ctx, roomId, options.maxParticipants);
  if (options.password) record.password = await hashPassword(options.password);
  if (options.lobby) record.lobby = true;
  if (options.title) record.title = options.title;
  if (options.media) record.media = options.media;
  return ctx.roomLock.run(roomId, async () => {
    if (ctx.rooms.has(roomId) || !(await ctx.roomStore.create(record))) return null;
    return { roomId, instance: record.instance };
  });
}

function newRecord(ctx: HubContext, roomId: string, maxParticipants?: number): RoomRecord {
  const now = ctx.now();
  return {
    v: ROOM_RECORD_VERSION,
    id: roomId,
    instance: randomId(12),
    createdAt: now,
    password: null,
    maxParticipants: maxParticipants ?? null,
    bans: [],
    history: [],
    title: null,
    locked: false,
    lobby: false,
    endedAt: null,
    media: null,
    // A room created ahead of time that nobody joins goes like an emptied one.
    expiresAt: now + ctx.config.emptyRoomTtlMs,
  };
}
