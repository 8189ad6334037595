/**
 * `npm run bench -- sfu` (root, Debian's janus): what Janus with simulcast saves, side by side in one run.
 * (1) uplink per sender in a 6-person call (180p), mesh against Janus, every tile 320×180; (2) a viewer's
 * downlink with 9 senders (360p), every tile a 213×120 thumbnail of a 3 × 3 grid, against every top layer.
 * Runs itself inside a network namespace with a veth carrying 127.0.0.2, as the Janus tests do (Janus
 * offers no candidates on loopback interfaces; docs/media-server.md#tests).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { createRtcServer } from '../server/create-server.js';
import { janusInstalled } from '../server/media/janus/janus-process.js';
import { summarise, table } from './report.js';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';

const ROUNDS = Number(process.env.BENCH_SFU_ROUNDS ?? 2);
const WARM_UP_MS = 8_000;
const MEASURE_MS = 8_000;
const CALL_TILE = { width: 320, height: 180 };
const GRID_TILE = { width: 213, height: 120 };
const root = fileURLToPath(new URL('..', import.meta.url));

export async function sfuBench(): Promise<void> {
  if (process.env.RTC_BENCH_NETNS === '1') return measure();
  if (!janusInstalled()) return void console.log('sfu: SKIPPED (Janus is not installed: run scripts/setup.sh)\n');
  if (process.getuid?.() !== 0) return void console.log('sfu: SKIPPED (the network namespace needs root)\n');
  const script = [
    'set -e', 'ip link set lo up', 'ip link add rtc-veth0 type veth peer name rtc-veth1',
    'ip link set rtc-veth0 up', 'ip link set rtc-veth1 up', 'ip addr add 127.0.0.2/32 dev rtc-veth0',
    `exec "${process.execPath}" --import tsx bench/run.ts sfu`,
  ].join('\n');
  const child = spawn('unshare', ['--net', '--fork', 'bash', '-c', script], { cwd: root, stdio: 'inherit', env: { ...process.env, RTC_BENCH_NETNS: '1' } });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the sfu bench in its namespace exited with ${code}`);
}

async function measure(): Promise<void> {
  const mesh = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, media: 'mesh', maxParticipants: 20 });
  const sfu = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, media: 'sfu', maxParticipants: 20 });
  const vite = await createViteServer({ root, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await vite.listen();
  const pageUrl = `${vite.resolvedUrls!.local[0].replace(/\/$/, '')}/bench/sfu.html${process.env.BENCH_DEBUG ? '?debug' : ''}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--disable-features=WebRtcHideLocalIpsWithMdns', '--force-fieldtrials=WebRTC-LegacySimulcastLayerLimit/Disabled/'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    if (process.env.BENCH_DEBUG) page.on('console', (message) => console.log(`[page] ${message.text()}`));
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'sfuBench' in window, undefined, { timeout: 120_000 });
    type Tile = { width: number; height: number } | null;
    const run = (url: string, room: string, senders: number, viewers: number, tile: Tile, profile: string) =>
      page.evaluate(([u, r, s, v, t, p, warm, span]) => window.sfuBench.call(u, r, s, v, t, p, warm, span), [url, room, senders, viewers, tile, profile, WARM_UP_MS, MEASURE_MS] as const);

    const meshUp: number[] = [];
    const sfuUp: number[] = [];
    const thumbnails: number[] = [];
    const topLayers: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // 180p for the six-person calls: thirty 360p encoders in one page starve two cores (the mesh's
      // signaling pings then time out); the ratio is what counts.
      meshUp.push(...(await run(mesh.url, `mesh-6-${round}`, 6, 0, CALL_TILE, '180p_15')).up);
      sfuUp.push(...(await run(sfu.url, `sfu-6-${round}`, 6, 0, CALL_TILE, '180p_15')).up);
      thumbnails.push(...(await run(sfu.url, `grid-small-${round}`, 9, 1, GRID_TILE, '360p_15')).down);
      topLayers.push(...(await run(sfu.url, `grid-top-${round}`, 9, 1, null, '360p_15')).down);
      process.stdout.write(`\rround ${round + 1}/${ROUNDS}`);
    }
    process.stdout.write('\n\n');
    const kbps = (bits: number) => `${Math.round(bits / 1000)} kbit/s`;
    const row = (name: string, samples: number[]) => {
      const s = summarise(samples);
      return [name, kbps(s.median), kbps(s.min), kbps(s.max)];
    };
    console.log(`SFU figures: a detailed, moving camera at 15 fps (180p_15 in the 6-person calls, 360p_15 in the grid; three VP8 layers to Janus), audio off, ${ROUNDS} rounds,`);
    console.log(`${MEASURE_MS / 1000} s each after ${WARM_UP_MS / 1000} s to settle, Chromium ${await browser.version()} (headless), Janus on this machine\n`);
    console.log(table(['uplink per sender, 6 people, tiles 320x180', 'median', 'min', 'max'], [row('mesh (5 copies, each scaled per receiver)', meshUp), row('Janus (one copy, 3 layers)', sfuUp)]));
    console.log(`\nratio of medians, Janus to mesh: ${((summarise(sfuUp).median / summarise(meshUp).median) * 100).toFixed(0)}%\n`);
    console.log(table(['a viewer\'s downlink, 9 senders', 'median', 'min', 'max'], [row('every top layer (no view sizes)', topLayers), row('a 3x3 grid of 213x120 tiles', thumbnails)]));
    console.log(`\nratio of medians, grid to top layers: ${((summarise(thumbnails).median / summarise(topLayers).median) * 100).toFixed(0)}%\n`);
  } finally {
    await browser.close();
    await vite.close();
    await Promise.all([mesh.close(), sfu.close()]);
  }
}
