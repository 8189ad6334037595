/**
 * The built bundle in a browser that really refuses the camera and microphone: a context with no
 * permissions and no auto-accepting media UI. The lobby shows both devices off, the steps for this
 * browser and a Try again that asks the browser again; once the site is allowed, Try again gets them.
 * Run after `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createRtcServer, type RtcServer } from '../../server/create-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const bundle = join(root, 'dist/rtc-kit.js');
const WAIT = { timeout: 30_000 };

let server: RtcServer;
let browser: Browser;
let site: string;

before(async () => {
  assert.ok(existsSync(bundle), 'dist/rtc-kit.js is missing: run `npm run build` first');
  site = mkdtempSync(join(tmpdir(), 'rtc-kit-e2e-'));
  copyFileSync(bundle, join(site, 'rtc-kit.js'));
  cpSync(join(root, 'dist/chunks'), join(site, 'chunks'), { recursive: true });
  writeFileSync(join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><script type="module" src="/rtc-kit.js"></script>
<body style="margin:0"><rtc-room room="blocked" user-name="Bo" style="width:100vw;height:100vh"></rtc-room>`);
  server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: site });
  // Without --use-fake-ui-for-media-stream the browser answers from the site's permissions: none granted, so refused.
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs.filter((arg) => !arg.startsWith('--use-fake-ui')) });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

test('a browser that refuses the devices: the lobby shows them off, how to allow them, and asks again on Try again', async () => {
  const context = await browser.newContext({ viewport: { width: 960, height: 600 } });
  // Count the asks (the real getUserMedia still answers).
  await context.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const real = devices.getUserMedia.bind(devices);
    (window as unknown as { asks: number }).asks = 0;
    devices.getUserMedia = (constraints) => {
      (window as unknown as { asks: number }).asks++;
      return real(constraints);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  const notice = page.locator('rtc-room [part~="media-denied"]');
  await notice.waitFor(WAIT);
  const microphone = page.locator('rtc-room .preview-controls [data-device="microphone"]');
  const camera = page.locator('rtc-room .preview-controls [data-device="camera"]');
  await page.waitForFunction(() => document.querySelector('rtc-room')!.shadowRoot!.querySelector('[data-device="microphone"]')!.getAttribute('aria-pressed') === 'false', null, WAIT);
  assert.equal(await camera.getAttribute('aria-pressed'), 'false');
  assert.equal(await microphone.getAttribute('title'), 'Microphone blocked');
  assert.match(await notice.innerText(), /blocks the camera and microphone/);
  assert.match(await notice.innerText(), /address bar/);
  assert.equal(await notice.getAttribute('data-browser'), 'chrome');

  const asked = await page.evaluate(() => (window as unknown as { asks: number }).asks);
  await page.locator('rtc-room [part~="media-retry"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((before) => (window as unknown as { asks: number }).asks >= before + 2, asked, WAIT);
  assert.equal(await notice.count(), 1, 'still refused, still explained');

  // The person allows the site; Try again now gets both.
  await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
  await page.locator('rtc-room [part~="media-retry"]').click();
  await notice.waitFor({ state: 'detached', ...WAIT });
  await page.waitForFunction(() => document.querySelector('rtc-room')!.shadowRoot!.querySelector('[data-device="camera"]')!.getAttribute('aria-pressed') === 'true', null, WAIT);
  assert.equal(await microphone.getAttribute('aria-pressed'), 'true');
  await context.close();
});
