/**
 * The demo page (dist/index.html) under the Content Security Policy the server sends it: two visitors
 * join from the lobby and see each other, and the browser reports no violation. Run after `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRtcServer, type RtcServer } from '../../server/create-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const dist = resolve(import.meta.dirname, '../../dist');
const WAIT = { timeout: 30_000 };

let server: RtcServer;
let browser: Browser;
let state: string;
const problems: string[] = [];

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is missing: run `npm run build` first');
  state = mkdtempSync(join(tmpdir(), 'rtc-kit-csp-state-'));
  server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: dist, stateDir: state });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(state, { recursive: true, force: true });
});

async function visit(room: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => problems.push(`${name}'s page threw: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name}'s console: ${message.text()}`);
  });
  // Every violation, reported or not in the console.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
  }));
  const response = await page.goto(`${server.url}/?room=${room}`);
  assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self' 'sha256-/);
  // One join step: the room's own lobby (its name field, its Join).
  await page.locator('rtc-room input[name=name]').fill(name);
  await page.locator('rtc-room').getByRole('button', { name: /join/i }).first().click();
  return page;
}

/** Resolves when `page` plays both videos, its own and the other visitor's (locators pierce shadow roots). */
async function playsBothVideos(page: Page): Promise<void> {
  const playing = () => page.locator('rtc-video-tile video').evaluateAll((videos) =>
    videos.filter((v) => (v as HTMLVideoElement).videoWidth > 0 && (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames > 2).length);
  const deadline = Date.now() + WAIT.timeout;
  while ((await playing()) < 2 && Date.now() < deadline) await page.waitForTimeout(250);
  assert.equal(await playing(), 2, `videos playing on the page\n${problems.join('\n')}`);
}

test('the demo works under its CSP: two visitors join from the lobby and see each other', async () => {
  const room = `csp-${Date.now().toString(36)}`;
  const ann = await visit(room, 'Ann');
  const bob = await visit(room, 'Bob');
  for (const page of [ann, bob]) {
    await page.locator('rtc-room[connection-state="connected"]').waitFor(WAIT);
    await playsBothVideos(page);
  }
  assert.deepEqual(problems, []);
});
