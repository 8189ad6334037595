/**
 * Room records on disk for one node: one JSON file per room under `<stateDir>/rooms/`, each written
 * to a temporary file, flushed and renamed over the old one, so a crash leaves the old record or the
 * new one, never half of either. The folder is indexed at start; expired records are deleted then
 * and by a sweep every minute.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { KeyedLock } from '../hub/keyed-lock.js';
import { silentLogger, type Logger } from '../hub/logger.js';
import { parseRoomRecord, type RoomRecord, type RoomStore } from '../hub/room-store.js';

export interface FileRoomStoreOptions {
  /** A record left occupied (the server stopped without closing) counts as emptied at start: it gets this long (ms). */
  emptyRoomTtlMs: number;
  now?: () => number;
  /** How often expired records are deleted (ms). */
  sweepMs?: number;
  log?: Logger;
}

/** Opens (creating) the folder and indexes the records in it. */
export async function openFileRoomStore(dir: string, options: FileRoomStoreOptions): Promise<FileRoomStore> {
  const store = new FileRoomStore(path.resolve(dir), options);
  await store.load();
  return store;
}

export class FileRoomStore implements RoomStore {
  /** When each stored record expires (null: occupied). Only this process writes the folder, so this is the truth. */
  private readonly expiries = new Map<string, number | null>();
  private readonly lock = new KeyedLock();
  private readonly now: () => number;
  private readonly log: Logger;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(readonly dir: string, private readonly options: FileRoomStoreOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? silentLogger;
  }

  get(roomId: string): Promise<RoomRecord | null> {
    return this.lock.run(roomId, () => this.read(roomId));
  }

  create(record: RoomRecord): Promise<boolean> {
    return this.lock.run(record.id, async () => {
      if (await this.read(record.id)) return false;
      await this.write(record);
      return true;
    });
  }

  put(record: RoomRecord): Promise<void> {
    return this.lock.run(record.id, () => this.write(record));
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.lock.idle();
  }

  /** Deletes expired records; runs on its own every `sweepMs`. */
  async sweep(): Promise<void> {
    const now = this.now();
    const expired = [...this.expiries].filter(([, expiresAt]) => expiresAt !== null && expiresAt <= now);
    await Promise.all(expired.map(([roomId]) => this.lock.run(roomId, () => this.read(roomId))));
  }

  /** @internal Indexes the folder: removes leftovers and expired records, starts the clock of those left occupied. */
  async load(): Promise<void> {
    // Chat history and password hashes: for the server's user only.
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const now = this.now();
    for (const file of await readdir(this.dir)) {
      const full = path.join(this.dir, file);
      if (file.endsWith('.tmp')) {
        await rm(full, { force: true });
        continue;
      }
      const roomId = roomIdOf(file);
      if (roomId === null) continue;
      const record = await this.readFile(full);
      if (!record || record.id !== roomId) {
        // Kept and indexed: joining that room fails until an operator looks, rather than opening it unprotected.
        this.log.warn(`room store: ${full} is not a room record; that room cannot be joined until it is fixed or deleted`);
        this.expiries.set(roomId, null);
      } else if (record.expiresAt === null) {
        await this.write({ ...record, expiresAt: now + this.options.emptyRoomTtlMs });
      } else if (record.expiresAt <= now) {
        await rm(full, { force: true });
      } else {
        this.expiries.set(roomId, record.expiresAt);
      }
    }
    this.sweeper = setInterval(() => void this.sweep().catch((error: unknown) => this.log.error('room store sweep failed', error)), this.options.sweepMs ?? 60_000);
    this.sweeper.unref();
  }

  private async read(roomId: string): Promise<RoomRecord | null> {
    if (!this.expiries.has(roomId)) return null;
    const expiresAt = this.expiries.get(roomId)!;
    const file = this.fileOf(roomId);
    if (expiresAt !== null && expiresAt <= this.now()) {
      await rm(file, { force: true });
      this.expiries.delete(roomId);
      return null;
    }
    const record = await this.readFile(file);
    if (record === undefined) {
      this.expiries.delete(roomId);
      return null;
    }
    if (!record) throw new Error(`room store: ${file} is not a room record`);
    return record;
  }

  /** The record in `file`; null when it is not one, undefined when there is no such file. */
  private async readFile(file: string): Promise<RoomRecord | null | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return parseRoomRecord(JSON.parse(text));
    } catch {
      return null;
    }
  }

  private async write(record: RoomRecord): Promise<void> {
    const file = this.fileOf(record.id);
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(record));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    this.expiries.set(record.id, record.expiresAt);
  }

  private fileOf(roomId: string): string {
    return path.join(this.dir, fileNameOf(roomId));
  }
}

// Room ids differ by case, file systems often do not (macOS, Windows): upper case letters become ^ and the letter.
function fileNameOf(roomId: string): string {
  return `${roomId.replace(/[A-Z]/g, (letter) => `^${letter.toLowerCase()}`)}.json`;
}

function roomIdOf(file: string): string | null {
  const match = /^((?:[a-z0-9_-]|\^[a-z]){1,64})\.json$/.exec(file);
  return match ? match[1].replace(/\^([a-z])/g, (_, letter: string) => letter.toUpperCase()) : null;
}
