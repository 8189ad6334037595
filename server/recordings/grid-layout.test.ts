/** The recording's ffmpeg command for real (Debian's ffmpeg, no Janus): a grid of three with a late joiner, two voices, names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFont } from './compose-recording.js';
import { gridCommand, gridOf } from './grid-layout.js';

const run = promisify(execFile);

test('grids are as square as they get', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 9, 10].map((n) => gridOf(n)), [
    { columns: 1, rows: 1 }, { columns: 2, rows: 1 }, { columns: 2, rows: 2 }, { columns: 2, rows: 2 },
    { columns: 3, rows: 2 }, { columns: 3, rows: 3 }, { columns: 4, rows: 3 },
  ]);
});

test('three cameras (one joining late) and two voices become one H.264/AAC file of the recording\'s length', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rtc-grid-'));
  try {
    const clip = (name: string, seconds: number) => run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=s=320x180:r=15:d=${seconds}`, '-c:v', 'libvpx', path.join(dir, name)]);
    const tone = (name: string, hz: number) => run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `sine=f=${hz}:d=2`, '-c:a', 'libopus', path.join(dir, name)]);
    await Promise.all([clip('a.webm', 3), clip('b.webm', 3), clip('c.webm', 1), tone('a.opus', 440), tone('b.opus', 660)]);
    await writeFile(path.join(dir, 'a.label'), 'Ann: "quotes" \\ and % signs');
    await writeFile(path.join(dir, 'c.label'), '李雷');
    const out = path.join(dir, 'out.mp4');
    await run('ffmpeg', gridCommand({
      videos: [
        { file: path.join(dir, 'a.webm'), labelFile: path.join(dir, 'a.label'), offsetMs: 0 },
        { file: path.join(dir, 'b.webm'), offsetMs: 0 },
        { file: path.join(dir, 'c.webm'), labelFile: path.join(dir, 'c.label'), offsetMs: 1500 },
      ],
      audios: [{ file: path.join(dir, 'a.opus'), offsetMs: 0 }, { file: path.join(dir, 'b.opus'), offsetMs: 1000 }],
      durationMs: 3500,
      out,
      fontFile: findFont(),
    }));
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', out]);
    const probe = JSON.parse(stdout) as { streams: { codec_name: string; width?: number; height?: number }[]; format: { duration: string } };
    assert.deepEqual(probe.streams.map((s) => s.codec_name).sort(), ['aac', 'h264']);
    const video = probe.streams.find((s) => s.codec_name === 'h264')!;
    assert.deepEqual([video.width, video.height], [1280, 720], 'two by two tiles of 640×360');
    assert.ok(Math.abs(Number(probe.format.duration) - 3.5) < 0.1, `lasts ${probe.format.duration} s`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
