/**
 * Room management for the app's backend (the admin API, server/http/admin-api.ts): list rooms, read
 * one, change its settings, end it, remove or mute someone. The caller has checked the admin token;
 * these do what a host's frames do, and more (an admin may remove or mute a host).
 */
import type { Role } from '../../protocol/ids.js';
import type { MediaKind, WaitingPerson } from '../../protocol/model.js';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import type { HubContext } from './context.js';
import { hashPassword } from './password.js';
import type { Room } from './room.js';
import type { RoomRecord, RoomSettingsChange } from './room-store.js';

export interface RoomSummary {
  id: string;
  /** People in the room now, those whose socket dropped and may resume included. */
  participants: number;
  createdAt: number;
  title: string | null;
  locked: boolean;
  lobby: boolean;
}

export interface RoomPerson {
  userId: string;
  name: string;
  role: Role;
  /** Server time (ms since epoch) this session joined. */
  joinedAt: number;
  /** False while their socket is gone and the session waits out its grace period. */
  connected: boolean;
}

export interface RoomDetails {
  id: string;
  instance: string;
  createdAt: number;
  /** In memory with people in it (or on their way in); false for a room only stored (created ahead, or emptied). */
  live: boolean;
  /** The limit in force: the room's own, or the server's cap. */
  participantLimit: number;
  /** The room's own limit; null for the server's cap. */
  maxParticipants: number | null;
  title: string | null;
  locked: boolean;
  lobby: boolean;
  hasPassword: boolean;
  participants: RoomPerson[];
  /** Waiting in the lobby for a host, oldest first. */
  waiting: WaitingPerson[];
}

/** What `PATCH /api/rooms/:id` may change; `password: null` and `maxParticipants: null` remove them. */
export interface RoomUpdate {
  title?: string | null;
  locked?: boolean;
  lobby?: boolean;
  password?: string | null;
  maxParticipants?: number | null;
}

/** What became of a request about one person: done, no such live room, or not in it. */
export type PersonResult = 'done' | 'no-room' | 'no-user';

/** Live rooms, in the order they were opened. Rooms only stored (nobody in them) are not listed. */
export function listRooms(ctx: HubContext): RoomSummary[] {
  return [...ctx.rooms.values()].filter((room) => room.members.size > 0).map((room) => {
    const { title, locked, lobby } = room;
    return { id: room.id, participants: room.members.size, createdAt: room.createdAt, title, locked, lobby };
  });
}

/** A live room, else the stored record; null when there is neither. */
export async function roomDetails(ctx: HubContext, roomId: string): Promise<RoomDetails | null> {
  const live = ctx.rooms.get(roomId);
  if (live) return liveInfo(live);
  const record = await ctx.roomLock.run(roomId, () => ctx.roomStore.get(roomId));
  // It may have been opened meanwhile.
  const opened = ctx.rooms.get(roomId);
  if (opened) return liveInfo(opened);
  return record && storedInfo(ctx, record);
}

/** Applies `update` to the live room, or to its stored record; null when there is neither. */
export async function updateRoom(ctx: HubContext, roomId: string, update: RoomUpdate): Promise<RoomDetails | null> {
  const { password, ...rest } = update;
  const changes: RoomSettingsChange = { ...rest };
  if (password !== undefined) changes.password = password === null ? null : await hashPassword(password);
  const live = ctx.rooms.get(roomId);
  if (live) {
    live.changeSettings(changes);
    return liveInfo(live);
  }
  // Under the room's lock: a join that opens the room meanwhile reads what is written here.
  return ctx.roomLock.run(roomId, async () => {
    const opened = ctx.rooms.get(roomId);
    if (opened) {
      opened.changeSettings(changes);
      return liveInfo(opened);
    }
    const record = await ctx.roomStore.get(roomId);
    if (!record) return null;
    const { password: hash, ...plain } = changes;
    const next: RoomRecord = { ...record, ...plain, ...(hash !== undefined && { password: hash }) };
    await ctx.roomStore.put(next);
    return storedInfo(ctx, next);
  });
}

/**
 * Everyone out, as a host's `end-room`: each gets a fatal `room-ended`, people waiting in the lobby
 * are turned away, and tokens issued up to now no longer admit. The user ids removed, or null when
 * the room is not live.
 */
export function endRoom(ctx: HubContext, roomId: string): string[] | null {
  const room = ctx.rooms.get(roomId);
  if (!room || room.members.size === 0) return null;
  const removed = [...room.members.keys()];
  room.end('The room was ended for everyone.');
  return removed;
}

/** Turns `kind` off for `userId` at the source, as a host's `mute` does; they are told it was `by`. */
export function muteParticipant(ctx: HubContext, roomId: string, userId: string, kind: MediaKind, by: { userId: string; name: string }): PersonResult {
  const room = ctx.rooms.get(roomId);
  if (!room || room.members.size === 0) return 'no-room';
  const target = room.members.get(userId);
  if (!target) return 'no-user';
  room.mute(target, kind, by);
  return 'done';
}

/** Takes `userId` out of a live room (a fatal `kicked`, close 4003), and with `ban` keeps them out while the room is stored. */
export function removeParticipant(ctx: HubContext, roomId: string, userId: string, { ban = false } = {}): PersonResult {
  const room = ctx.rooms.get(roomId);
  if (!room || room.members.size === 0) return 'no-room';
  const target = room.members.get(userId);
  if (!target) return 'no-user';
  if (ban) room.ban(userId);
  target.end('kicked', 'You were removed from the room.', CLOSE_CODES.kicked);
  room.remove(target, 'kicked');
  return 'done';
}

function liveInfo(room: Room): RoomDetails {
  return {
    id: room.id,
    instance: room.instance,
    createdAt: room.createdAt,
    live: room.members.size > 0,
    title: room.title,
    locked: room.locked,
    lobby: room.lobby,
    hasPassword: room.hasPassword,
    maxParticipants: room.ownLimit,
    participantLimit: room.maxParticipants,
    waiting: room.lobbyQueue.list(),
    participants: [...room.members.values()].map((m) => ({ userId: m.userId, name: m.name, role: m.role, joinedAt: m.joinedAt, connected: m.conn !== null })),
  };
}

function storedInfo(ctx: HubContext, record: RoomRecord): RoomDetails {
  return {
    id: record.id,
    instance: record.instance,
    createdAt: record.createdAt,
    live: false,
    title: record.title ?? null,
    locked: record.locked ?? false,
    lobby: record.lobby ?? false,
    hasPassword: record.password !== null,
    maxParticipants: record.maxParticipants,
    participantLimit: Math.min(record.maxParticipants ?? Infinity, ctx.config.maxParticipants),
    participants: [],
    waiting: [],
  };
}
