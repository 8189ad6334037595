/**
 * What a named room keeps between its instances' members: settings, bans, chat history. The hub
 * reads a record when a room that is not live is joined and writes it back as the room changes; a
 * store only keeps records until their `expiresAt`. Free of Node APIs: the memory store below runs
 * in pages and tests, server/store/file-room-store.ts on one node, a Redis store could run on several
 * (docs/server.md#room-store).
 */
import * as v from 'valibot';
import { ID_PATTERN } from '../../protocol/ids.js';
import type { ChatMessage } from '../../protocol/model.js';

export const ROOM_RECORD_VERSION = 1;

const Id = v.pipe(v.string(), v.regex(ID_PATTERN));
const Time = v.pipe(v.number(), v.finite());

const PasswordHashSchema = v.object({
  alg: v.literal('PBKDF2-SHA256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** base64url */
  salt: v.string(),
  /** base64url */
  hash: v.string(),
});

const ChatMessageSchema = v.object({
  id: v.string(),
  from: v.string(),
  fromName: v.string(),
  to: v.nullable(v.array(v.string())),
  text: v.string(),
  ts: Time,
});

const RoomRecordSchema = v.object({
  v: v.literal(ROOM_RECORD_VERSION),
  id: Id,
  /** Random per instance: a token minted for one instance of this room id is no good for the next. */
  instance: Id,
  createdAt: Time,
  password: v.nullable(PasswordHashSchema),
  /** Below the server's cap, or null for the cap. */
  maxParticipants: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** User ids a host removed. */
  bans: v.array(Id),
  /** Oldest first, at most the server's `historySize`. */
  history: v.array(ChatMessageSchema),
  /** When the record is dropped (ms since epoch); null while people are in the room. */
  expiresAt: v.nullable(Time),
  /** Set by a host; the room's flags below outlive its members like its bans. */
  title: v.optional(v.nullable(v.string()), null),
  locked: v.optional(v.boolean(), false),
  lobby: v.optional(v.boolean(), false),
  /** When a host last ended the room for everyone: tokens issued before it are refused (`room-ended`). */
  endedAt: v.optional(v.nullable(Time), null),
  /** Set at creation (POST /api/rooms `media`): how its media travels; null for the server's RTC_MEDIA. */
  media: v.optional(v.nullable(v.picklist(['mesh', 'sfu', 'auto'])), null),
});

export type PasswordHash = v.InferOutput<typeof PasswordHashSchema>;
export type RoomRecord = v.InferOutput<typeof RoomRecordSchema> & { history: ChatMessage[] };

/** What the admin API may change (undefined: keep); `password` is already hashed, null removes it. */
export interface RoomSettingsChange {
  title?: string | null;
  locked?: boolean;
  lobby?: boolean;
  password?: PasswordHash | null;
  maxParticipants?: number | null;
}

/** A record read back from storage, or null when it is not one (corrupt, or from an unknown version). */
export function parseRoomRecord(json: unknown): RoomRecord | null {
  const result = v.safeParse(RoomRecordSchema, json);
  return result.success ? result.output : null;
}

export function isExpired(record: RoomRecord, now: number): boolean {
  return record.expiresAt !== null && record.expiresAt <= now;
}

/**
 * Room records by room id. Calls for one room id come from the hub one at a time (it queues them),
 * so a store needs no locking of its own for a single node.
 */
export interface RoomStore {
  /** The record, or null when there is none or it has expired. */
  get(roomId: string): Promise<RoomRecord | null>;
  /** Stores a new room's record unless an unexpired one exists for its id; false if one does. */
  create(record: RoomRecord): Promise<boolean>;
  /** Writes the record for its id, replacing any. */
  put(record: RoomRecord): Promise<void>;
  /** Stops background work (sweeps); pending writes are done when it resolves. */
  close(): Promise<void>;
}

/** Records in memory: for the in-page loopback and tests. Expired ones are dropped as they are met. */
export class MemoryRoomStore implements RoomStore {
  private readonly records = new Map<string, RoomRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(roomId: string): Promise<RoomRecord | null> {
    const record = this.records.get(roomId);
    if (!record) return null;
    if (isExpired(record, this.now())) {
      this.records.delete(roomId);
      return null;
    }
    return structuredClone(record);
  }

  async create(record: RoomRecord): Promise<boolean> {
    if (await this.get(record.id)) return false;
    await this.put(record);
    return true;
  }

  async put(record: RoomRecord): Promise<void> {
    this.sweep();
    this.records.set(record.id, structuredClone(record));
  }

  async close(): Promise<void> {}

  /** Room ids held now, expired or not (tests). */
  get size(): number {
    return this.records.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, record] of this.records) if (isExpired(record, now)) this.records.delete(id);
  }
}
