/**
 * Makes one recording's file from Janus's raw streams: `janus-pp-rec` turns each .mjr into a playable
 * stream (and tells when it started), ffmpeg lays them out (grid-layout.ts). Child processes only:
 * nothing here blocks the event loop.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaSource } from '../../protocol/model.js';
import { gridCommand, type AudioTrack, type VideoTrack } from './grid-layout.js';

/** Who sent a Janus feed, kept after they left: the .mjr files are named by feed. */
export interface FeedOwner {
  userId: string;
  name: string;
  /** Source of each mid of their sending connection. */
  sources: Record<string, MediaSource>;
}

export interface ComposeInput {
  rawDir: string;
  owners: ReadonlyMap<number, FeedOwner>;
  /** When recording started and stopped, wall clock (what Janus stamps its files with), ms. */
  startedAt: number;
  stoppedAt: number;
  out: string;
  fontFile?: string;
  /** Progress for the log. */
  progress?(message: string): void;
}

/**
 * Names need a font: Noto Sans CJK first where installed (fonts-noto-cjk: Chinese names, Latin too),
 * then Debian's fonts-dejavu-core (what setup installs; Latin, no Chinese), then other common ones.
 */
const FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
];

export function findFont(): string | undefined {
  return FONTS.find((font) => existsSync(font));
}

/** `videoroom-<room>-user-<feed>-<time>-<audio|video>-<mid>.mjr` (janus.md#recording). */
const MJR_NAME = /-user-(\d+)-\d+-(audio|video)-([^-]+)\.mjr$/;

/**
 * Runs a tool; one that takes longer than `timeoutMs` is killed (a damaged stream must not keep the
 * queue, and a server's shutdown that waits for it, forever).
 */
function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 4 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error?.killed) reject(new Error(`${command} did not finish in ${Math.round(timeoutMs / 1000)} s`));
      else if (error) reject(new Error(`${command} failed: ${String(stderr || error.message).trim().split('\n').slice(-3).join(' / ')}`));
      else resolve(stdout);
    });
  });
}

/** Both tools work faster than real time; this much longer than the recording means they are stuck. */
const timeLimit = (durationMs: number, atLeastMs: number) => Math.max(atLeastMs, 4 * durationMs);

/** When the stream's first packet was written (wall clock, ms), from the .mjr header. */
async function startOf(file: string): Promise<number | null> {
  try {
    const header = JSON.parse(await run('janus-pp-rec', ['-j', file], 30_000)) as { s?: number; u?: number };
    const micros = header.u ?? header.s;
    return typeof micros === 'number' ? micros / 1000 : null;
  } catch {
    return null;
  }
}

/** Resolves with the duration written (ms); rejects when nothing could be made. */
export async function composeRecording(input: ComposeInput): Promise<number> {
  const { rawDir, owners, startedAt, stoppedAt, out, progress = () => {} } = input;
  const durationMs = Math.max(0, stoppedAt - startedAt);
  // Tiles in the order people started sending (the owners' order), each person's streams by name.
  const feeds = [...owners.keys()];
  const rank = (name: string) => feeds.indexOf(Number(MJR_NAME.exec(name)?.[1]));
  const files = (await readdir(rawDir)).filter((name) => name.endsWith('.mjr')).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const videos: VideoTrack[] = [];
  const audios: AudioTrack[] = [];
  let done = 0;
  for (const name of files) {
    const match = MJR_NAME.exec(name);
    const owner = match && owners.get(Number(match[1]));
    if (!match || !owner) continue;
    const [, , kind, mid] = match;
    // The grid shows cameras and voices; a screen share's streams (its picture, its sound: an m-line that
    // stays silent unless a share with sound runs, and whose empty stream ffmpeg cannot read) are left out.
    if (owner.sources[mid] === 'screen' || owner.sources[mid] === 'screen-audio') continue;
    const mjr = path.join(rawDir, name);
    const start = (await startOf(mjr)) ?? startedAt;
    const converted = path.join(rawDir, `${name}.${kind === 'video' ? 'webm' : 'opus'}`);
    try {
      await run('janus-pp-rec', ['-d', '2', mjr, converted], timeLimit(durationMs, 60_000));
    } catch (error) {
      progress(`skipping ${name}: ${String(error)}`);
      continue;
    }
    const offsetMs = Math.max(0, start - startedAt);
    if (kind === 'video') {
      const labelFile = path.join(rawDir, `${name}.label`);
      await writeFile(labelFile, owner.name);
      videos.push({ file: converted, labelFile, offsetMs });
    } else {
      audios.push({ file: converted, offsetMs });
    }
    progress(`converted ${++done} of ${files.length} streams`);
  }
  if (!videos.length && !audios.length) throw new Error('no stream was recorded');
  progress(`composing ${videos.length} cameras and ${audios.length} voices (${(durationMs / 1000).toFixed(1)} s)`);
  await run('ffmpeg', gridCommand({ videos, audios, durationMs, out, fontFile: input.fontFile }), timeLimit(durationMs, 120_000));
  return durationMs;
}
