/**
 * `npm run bench`: join-to-first-remote-frame for rtc-kit (two clients, real server on loopback), once
 * through the engine and once through `<rtc-room autojoin>` on both sides, beside a bare
 * RTCPeerConnection pair in the same browser run; then what the bundle costs a page.
 * Drives Debian's Chromium (or CHROME_PATH) with the fake-device flags the browser tests use.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { createRtcServer } from '../server/create-server.js';
import { buildAllInOne, bundleSizes } from './bundle-size.js';
import { bundleReport, formatBundleReport } from '../scripts/bundle-report.js';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';

/** Runs of each; BENCH_RUNS overrides (at least 10 for figures worth quoting). */
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const root = fileURLToPath(new URL('..', import.meta.url));

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, min: sorted[0], p90: at(0.9), max: sorted.at(-1)! };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  // Sizes first: the Vite dev server below sets NODE_ENV=development, and builds after it would
  // pick lit's development build.
  const sizes = await bundleSizes(root);
  const allInOne = await buildAllInOne(root);
  const report = bundleReport(`${allInOne.dir}/rtc-kit.js`);
  // The server serves the built bundle, so the element runs load it from another origin than the page's.
  const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: allInOne.dir });
  const vite = await createViteServer({ root, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await vite.listen();
  const pageUrl = `${vite.resolvedUrls!.local[0].replace(/\/$/, '')}/bench/page.html`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 120_000 });

    // One untimed round each: Vite's first transforms and Chromium's first capture are not what we measure.
    await page.evaluate(() => window.bench.bareLoopback());
    await page.evaluate((url) => window.bench.rtcKit(url, 'warm-up'), server.url);
    await page.evaluate((url) => window.bench.rtcRoom(url, 'warm-up-room'), server.url);

    const bare: number[] = [];
    const kit: number[] = [];
    const room: number[] = [];
    const marks: Record<string, number[]> = {};
    for (let run = 0; run < RUNS; run++) {
      bare.push(await page.evaluate(() => window.bench.bareLoopback()));
      kit.push(await page.evaluate(([url, id]) => window.bench.rtcKit(url, id), [server.url, `bench-${run}`] as const));
      const timeline = await page.evaluate(([url, id]) => window.bench.rtcRoom(url, id), [server.url, `bench-room-${run}`] as const);
      room.push(timeline.total);
      for (const [name, at] of Object.entries(timeline.marks)) (marks[name] ??= []).push(at);
      process.stdout.write(`\rrun ${run + 1}/${RUNS}`);
    }
    process.stdout.write('\n\n');

    const b = summarise(bare);
    const k = summarise(kit);
    const r = summarise(room);
    console.log(`Join to first remote video frame, ${RUNS} runs each, Chromium ${await browser.version()} (headless, fake devices)`);
    console.log('One person is in the call with the camera on; the clock runs from the newcomer starting (own camera and');
    console.log('microphone included) to the first person\'s first video frame presented on the newcomer\'s screen.\n');
    console.log(table(['', 'median', 'min', 'p90', 'max'], [
      ['bare RTCPeerConnection pair, same page, no server', ms(b.median), ms(b.min), ms(b.p90), ms(b.max)],
      ['rtc-kit engine: join() to first frame, server on loopback', ms(k.median), ms(k.min), ms(k.p90), ms(k.max)],
      ['rtc-kit elements: <rtc-room autojoin> added to first frame', ms(r.median), ms(r.min), ms(r.p90), ms(r.max)],
    ]));
    console.log(`\nratio of medians to bare, engine: ${(k.median / b.median).toFixed(2)}x  (aim: <= 1.3x)`);
    console.log(`ratio of medians to bare, elements: ${(r.median / b.median).toFixed(2)}x  (aim: <= 1.3x)`);
    console.log(`elements, median ms from adding the room: ${Object.entries(marks).map(([name, at]) => `${name} ${Math.round(summarise(at).median)}`).join(', ')}`);
    console.log(`every run, ms: bare ${bare.map(Math.round).join(' ')}; engine ${kit.map(Math.round).join(' ')}; elements ${room.map(Math.round).join(' ')}\n`);
  } finally {
    await browser.close();
    await vite.close();
    await server.close();
    await allInOne.remove();
  }

  console.log('Bundle cost (Vite production build, ES module)\n');
  const floor = sizes[0].gzipped;
  console.log(table(['', 'minified', 'gzipped', 'brotli', 'ratio (gzip) to lit'], sizes.map((s) => [s.name, kb(s.minified), kb(s.gzipped), kb(s.brotli), `${(s.gzipped / floor).toFixed(1)}x`])));
  console.log(`\n${formatBundleReport('dist/rtc-kit.js and its chunks', report)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
