/**
 * Our Janus as a child process and its API client, against Debian's real Janus (API only: no media, so
 * loopback will do). Skipped where Janus is not installed (scripts/setup.sh installs it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../hub/logger.js';
import { JanusClient } from './janus-client.js';
import { JanusMediaServer } from './janus-media-server.js';
import { JanusProcess, janusInstalled } from './janus-process.js';
import { JANUS_DEFAULTS } from './janus-settings.js';

const skip = janusInstalled() ? false : 'Janus is not installed (scripts/setup.sh)';
const stateDir = mkdtempSync(path.join(tmpdir(), 'rtc-kit-janus-'));
after(() => rmSync(stateDir, { recursive: true, force: true }));

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(m), warn: (m) => void lines.push(`WARN ${m}`), error: (m) => void lines.push(`ERROR ${m}`) };
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('Janus missing: no media server, and the log says rooms stay in the mesh', async () => {
  const log = recordingLog();
  const server = await JanusMediaServer.start({ ...JANUS_DEFAULTS, binary: '/nonexistent/janus' }, { stateDir, log });
  assert.equal(server, null);
  assert.match(log.lines.join('\n'), /Janus is not installed.*rooms stay in the mesh/);
});

test('a session lives on its keepalives; without them Janus times it out and the client says so', { skip }, async () => {
  let api: { url: string; apiSecret: string } | undefined;
  const janus = new JanusProcess({ ...JANUS_DEFAULTS, rtpPorts: '21000-21100', sessionTimeoutSeconds: 2, stateDir: path.join(stateDir, 'short'), log: recordingLog(), onUp: (up) => (api = up), onDown: () => undefined });
  await janus.start();
  try {
    const closes: string[] = [];
    const kept = await JanusClient.connect({ ...api!, keepaliveMs: 500 });
    const silent = await JanusClient.connect({ ...api!, keepaliveMs: 3_600_000, onClose: (reason) => closes.push(reason) });
    await until(() => closes.length > 0, 'the silent session to time out');
    assert.deepEqual(closes, ['timed out']);
    assert.equal(silent.open, false);
    assert.equal(kept.open, true);
    // Still a session Janus knows: it takes a new handle.
    const handle = await kept.attach('janus.plugin.videoroom');
    assert.ok(handle.id > 0);
    kept.close();
  } finally {
    await janus.stop();
  }
});

test('our Janus serves its API on loopback only, and only with its API secret', { skip }, async () => {
  let api: { url: string; apiSecret: string } | undefined;
  const janus = new JanusProcess({ ...JANUS_DEFAULTS, rtpPorts: '21100-21200', stateDir: path.join(stateDir, 'secret'), log: recordingLog(), onUp: (up) => (api = up), onDown: () => undefined });
  await janus.start();
  try {
    assert.match(api!.url, /^ws:\/\/127\.0\.0\.1:\d+$/);
    await assert.rejects(JanusClient.connect({ url: api!.url, apiSecret: 'guessed' }), /Unauthorized/i);
  } finally {
    await janus.stop();
  }
});

let media: JanusMediaServer | null = null;
before(async () => {
  if (skip) return;
  media = await JanusMediaServer.start({ ...JANUS_DEFAULTS, rtpPorts: '21200-21300' }, { stateDir: path.join(stateDir, 'media'), log: recordingLog() });
});
after(async () => {
  await media?.close();
});

test('Janus killed: it is reported, its rooms are told, rooms opened meanwhile are meshes, and it is back by itself', { skip }, async () => {
  assert.ok(media?.up, 'Janus up');
  const lost: string[] = [];
  assert.ok(media.openRoom('before', () => lost.push('before')), 'an SFU room while Janus runs');
  process.kill(media.pid!, 'SIGKILL');
  await until(() => !media!.up, 'Janus reported down');
  assert.deepEqual(lost, ['before'], 'the room on it is told');
  assert.equal(media.openRoom('meanwhile', () => lost.push('meanwhile')), null, 'no SFU room while it is down');
  await until(() => media!.up, 'Janus restarted');
  const room = media.openRoom('after', () => lost.push('after'));
  assert.ok(room?.alive, 'SFU rooms again');
  room.close();
});
