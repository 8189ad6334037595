/**
 * The server's recordings (docs/server.md#recordings): where Janus writes a recording's streams, the
 * background queue that makes each one's file (one at a time: ffmpeg takes a core), and the retention
 * sweep. Progress goes to the server log; a finished file is announced through `onReady`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../hub/logger.js';
import { composeRecording, findFont, type ComposeInput, type FeedOwner } from './compose-recording.js';
import { RecordingStore, type RecordingInfo } from './recording-store.js';

/** Between retention sweeps. */
const SWEEP_EVERY_MS = 3600_000;

export interface RecordingJob {
  id: string;
  room: string;
  /** Server time (the listing's `startedAt`), ms. */
  startedAt: number;
  /** Wall clock at start and stop (what Janus stamps its files with), ms. */
  wallStartedAt: number;
  wallStoppedAt: number;
  rawDir: string;
  owners: ReadonlyMap<number, FeedOwner>;
}

export interface ServerRecordingsOptions {
  dir: string;
  log: Logger;
  /** 0 keeps recordings forever. */
  retentionMs: number;
  /** The retention's clock. Default: Date.now. */
  now?: () => number;
  onReady?(recording: RecordingInfo): void;
  /** Makes the file (default: janus-pp-rec and ffmpeg); resolves with its duration (ms). */
  compose?(input: ComposeInput): Promise<number>;
}

export class ServerRecordings {
  readonly store: RecordingStore;
  #queue: Promise<void> = Promise.resolve();
  #pending = 0;
  #sweepTimer: ReturnType<typeof setInterval> | undefined;
  readonly #font = findFont();

  constructor(private readonly options: ServerRecordingsOptions) {
    this.store = new RecordingStore(options.dir, options.log);
  }

  /** Where Janus is to write recording `id`'s streams. */
  rawDir(id: string): Promise<string> {
    return this.store.rawDir(id);
  }

  /** Queues making the file; returns at once. */
  process(job: RecordingJob): void {
    this.#pending++;
    this.options.log.info(`recording ${job.id} (${job.room}): queued for processing`);
    this.#queue = this.#queue.then(() => this.#make(job)).finally(() => this.#pending--);
  }

  /** Resolves once every queued recording is made (or failed). */
  idle(): Promise<void> {
    return this.#queue;
  }

  get pending(): number {
    return this.#pending;
  }

  /** Deletes what is past the retention, now and then every hour. */
  startRetention(): void {
    const sweep = () => void this.sweep().catch((error: unknown) => this.options.log.warn(`recordings: retention sweep failed: ${String(error)}`));
    sweep();
    this.#sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
    this.#sweepTimer.unref?.();
  }

  sweep(): Promise<string[]> {
    return this.store.sweep((this.options.now ?? Date.now)(), this.options.retentionMs);
  }

  /** Stops the sweeps; what is queued still finishes (the promise says when). */
  close(): Promise<void> {
    clearInterval(this.#sweepTimer);
    return this.#queue;
  }

  async #make(job: RecordingJob): Promise<void> {
    const { log } = this.options;
    const made = path.join(this.options.dir, `${job.id}.making.mp4`);
    try {
      log.info(`recording ${job.id}: processing`);
      if (!this.#font) log.warn(`recording ${job.id}: no TrueType font found (apt-get install fonts-dejavu-core): the tiles get no names`);
      const compose = this.options.compose ?? composeRecording;
      const durationMs = await compose({
        rawDir: job.rawDir,
        owners: job.owners,
        startedAt: job.wallStartedAt,
        stoppedAt: job.wallStoppedAt,
        out: made,
        fontFile: this.#font,
        progress: (message) => log.info(`recording ${job.id}: ${message}`),
      });
      const info = await this.store.add({ id: job.id, room: job.room, startedAt: job.startedAt, durationMs }, made);
      await rm(job.rawDir, { recursive: true, force: true });
      log.info(`recording ${job.id}: ready (${(info.size / 1e6).toFixed(1)} MB, ${(durationMs / 1000).toFixed(1)} s)`);
      this.options.onReady?.(info);
    } catch (error) {
      // The raw streams stay for a person to look at; the retention never lists them, so they are kept.
      log.error(`recording ${job.id}: processing failed; its streams stay in ${job.rawDir}`, error);
      await rm(made, { force: true }).catch(() => undefined);
    }
  }
}
