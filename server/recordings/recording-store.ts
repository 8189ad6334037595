/**
 * Finished server recordings on disk (docs/server.md#recordings): `<dir>/<id>.mp4` and beside it
 * `<id>.json` with what the listing shows. A recording's raw streams (Janus's .mjr files) live in
 * `<dir>/<id>.raw/` until its file is made. Files older than the retention are deleted.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../hub/logger.js';

/** What the listing says of one recording (without its `url`, which the API signs). */
export interface RecordingInfo {
  id: string;
  room: string;
  /** Server time, ms since the epoch. */
  startedAt: number;
  durationMs: number;
  /** Of the file, in bytes. */
  size: number;
}

/** `rec_` and random characters: our ids are the only names a path is built from. */
const RECORDING_ID = /^rec_[A-Za-z0-9_-]{8,40}$/;

export function isRecordingId(id: string): boolean {
  return RECORDING_ID.test(id);
}

export class RecordingStore {
  constructor(readonly dir: string, private readonly log: Logger) {}

  /** Where Janus writes a recording's streams; made now. */
  async rawDir(id: string): Promise<string> {
    const dir = path.join(this.dir, `${id}.raw`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** The finished file's path (it may not exist yet). */
  filePath(id: string): string {
    return path.join(this.dir, `${id}.mp4`);
  }

  /** A file made elsewhere becomes the recording `info.id`: moved in, then listed. */
  async add(info: Omit<RecordingInfo, 'size'>, madeFile: string): Promise<RecordingInfo> {
    const file = this.filePath(info.id);
    await rename(madeFile, file);
    const recording = { ...info, size: (await stat(file)).size };
    // The listing reads only .json files: written last, so a listed recording always has its file.
    const json = path.join(this.dir, `${info.id}.json`);
    await writeFile(`${json}.tmp`, JSON.stringify(recording));
    await rename(`${json}.tmp`, json);
    return recording;
  }

  async get(id: string): Promise<RecordingInfo | null> {
    if (!isRecordingId(id)) return null;
    try {
      return JSON.parse(await readFile(path.join(this.dir, `${id}.json`), 'utf8')) as RecordingInfo;
    } catch {
      return null;
    }
  }

  /** Every finished recording (of `room`, if given), oldest first. */
  async list(room?: string): Promise<RecordingInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const ids = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
    const all = await Promise.all(ids.map((id) => this.get(id)));
    return all
      .filter((info): info is RecordingInfo => info !== null && (room === undefined || info.room === room))
      .sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Deletes a recording's file, its listing and what is left of its raw streams. */
  async remove(id: string): Promise<void> {
    if (!isRecordingId(id)) return;
    await rm(path.join(this.dir, `${id}.json`), { force: true });
    await rm(this.filePath(id), { force: true });
    await rm(path.join(this.dir, `${id}.raw`), { recursive: true, force: true });
  }

  /** Deletes the recordings that started more than `retentionMs` before `now`; 0 keeps everything. */
  async sweep(now: number, retentionMs: number): Promise<string[]> {
    if (retentionMs <= 0) return [];
    const old = (await this.list()).filter((info) => info.startedAt + retentionMs < now);
    for (const { id } of old) await this.remove(id);
    if (old.length) this.log.info(`recordings: deleted ${old.length} older than the retention (${old.map((info) => info.id).join(', ')})`);
    return old.map((info) => info.id);
  }
}
