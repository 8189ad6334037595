/**
 * `npm run bench -- mesh`: a 4-person mesh with small tiles against the same call sending full
 * resolution to everyone, in one Chromium run, rounds alternating so load drifts hit both alike.
 * The figure is the ratio of the senders' uplink (issue 11: at most 35%).
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { createRtcServer } from '../server/create-server.js';
import { summarise, table } from './report.js';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';

const ROUNDS = Number(process.env.BENCH_MESH_ROUNDS ?? 3);
const WARM_UP_MS = 6_000;
const MEASURE_MS = 8_000;
/** A thumbnail in a 3 × 3 grid on a laptop screen, in CSS pixels (the bench page's pixel ratio is 1). */
const SMALL_TILE = { width: 160, height: 90 };
const root = fileURLToPath(new URL('..', import.meta.url));

export async function meshUplinkBench(): Promise<void> {
  const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true });
  const vite = await createViteServer({ root, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await vite.listen();
  const pageUrl = `${vite.resolvedUrls!.local[0].replace(/\/$/, '')}/bench/mesh-uplink.html`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'meshBench' in window, undefined, { timeout: 120_000 });
    const run = (room: string, tile: typeof SMALL_TILE | null) =>
      page.evaluate(([url, id, size, warm, measure]) => window.meshBench.meshUplink(url, id, size, warm, measure), [server.url, room, tile, WARM_UP_MS, MEASURE_MS] as const);

    const full: number[] = [];
    const small: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      full.push(...(await run(`mesh-full-${round}`, null)));
      small.push(...(await run(`mesh-small-${round}`, SMALL_TILE)));
      process.stdout.write(`\rround ${round + 1}/${ROUNDS}`);
    }
    process.stdout.write('\n\n');
    const f = summarise(full);
    const s = summarise(small);
    const kbps = (bits: number) => `${Math.round(bits / 1000)} kbit/s`;
    console.log(`Uplink per sender, 4-person mesh, a detailed, moving 640x360 picture at 15 fps (360p_15), audio off, ${ROUNDS} rounds x 4 senders,`);
    console.log(`${MEASURE_MS / 1000} s each after ${WARM_UP_MS / 1000} s to settle, Chromium ${await browser.version()} (headless); the camera is a canvas (bench/mesh-uplink-page.ts)\n`);
    console.log(table(['', 'median', 'min', 'max'], [
      ['full resolution to everyone (no view sizes)', kbps(f.median), kbps(f.min), kbps(f.max)],
      [`every tile ${SMALL_TILE.width}x${SMALL_TILE.height} (setViewSize)`, kbps(s.median), kbps(s.min), kbps(s.max)],
    ]));
    console.log(`\nratio of medians, small tiles to full: ${((s.median / f.median) * 100).toFixed(0)}%  (aim: <= 35%)`);
    console.log(`every sender, kbit/s: full ${full.map((b) => Math.round(b / 1000)).join(' ')}; small ${small.map((b) => Math.round(b / 1000)).join(' ')}\n`);
  } finally {
    await browser.close();
    await vite.close();
    await server.close();
  }
}
