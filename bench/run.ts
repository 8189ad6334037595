/**
 * `npm run bench`: join-to-first-remote-frame for rtc-kit (two clients, real server on loopback), once
 * through the engine and once through `<rtc-room autojoin>` on both sides, beside a bare
 * RTCPeerConnection pair in the same browser run; then what the bundle costs a page; then the server
 * figures beside a bare `ws` server (bench/server.ts).
 * Drives Debian's Chromium (or CHROME_PATH) with the fake-device flags the browser tests use.
 * `npm run bench -- server` (or `frame`, `size`) runs only those sections; bench/README.md explains each.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { createRtcServer } from '../server/create-server.js';
import { buildAllInOne, bundleSizes, type BundleSize } from './bundle-size.js';
import { kb, ms, summarise, table } from './report.js';
import { serverBench } from './server.js';
import { meshUplinkBench } from './mesh-uplink.js';
import { sfuBench } from './sfu.js';
import { bundleReport, formatBundleReport } from '../scripts/bundle-report.js';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';

/** Runs of each; BENCH_RUNS overrides (at least 10 for figures worth quoting). */
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const root = fileURLToPath(new URL('..', import.meta.url));
const SECTIONS = ['frame', 'size', 'server', 'mesh', 'sfu'] as const;

/** `staticDir` holds the built bundle: the element runs load it from the server, another origin than the page's. */
async function frameBench(staticDir: string): Promise<void> {
  const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir });
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
  }
}

function printSizes(sizes: BundleSize[], report: ReturnType<typeof bundleReport>): void {
  console.log('Bundle cost (Vite production build, ES module)\n');
  const floor = sizes[0].gzipped;
  console.log(table(['', 'minified', 'gzipped', 'brotli', 'ratio (gzip) to lit'], sizes.map((s) => [s.name, kb(s.minified), kb(s.gzipped), kb(s.brotli), `${(s.gzipped / floor).toFixed(1)}x`])));
  console.log(`\n${formatBundleReport('dist/rtc-kit.js and its chunks', report)}\n`);
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown bench section "${unknown.join('", "')}"; choose from ${SECTIONS.join(', ')}`);
  const runs = (section: (typeof SECTIONS)[number]) => asked.length === 0 || asked.includes(section);

  if (runs('frame') || runs('size')) {
    // Sizes first: the Vite dev server of the frame section sets NODE_ENV=development, and builds
    // after it would pick lit's development build.
    const sizes = runs('size') ? await bundleSizes(root) : null;
    const allInOne = await buildAllInOne(root);
    try {
      const report = bundleReport(`${allInOne.dir}/rtc-kit.js`);
      if (runs('frame')) await frameBench(allInOne.dir);
      if (sizes) printSizes(sizes, report);
    } finally {
      await allInOne.remove();
    }
  }
  if (runs('server')) await serverBench();
  if (runs('mesh')) await meshUplinkBench();
  if (runs('sfu')) await sfuBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
