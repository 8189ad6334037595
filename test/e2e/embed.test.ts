/**
 * The built bundle end to end: dist/rtc-kit.js on a plain page, three people in three browser
 * contexts, through the real server on loopback. Run after `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createRtcServer, type RtcServer } from '../../server/create-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const bundle = join(root, 'dist/rtc-kit.js');
const WAIT = { timeout: 30_000 };

let server: RtcServer;
let browser: Browser;
let site: string;
let state: string;
/** Uncaught errors and console errors of every page; a healthy call has none. */
const problems: string[] = [];

interface Heard {
  type: string;
  detail: Record<string, unknown>;
}

before(async () => {
  assert.ok(existsSync(bundle), 'dist/rtc-kit.js is missing: run `npm run build` first');
  site = mkdtempSync(join(tmpdir(), 'rtc-kit-e2e-'));
  copyFileSync(bundle, join(site, 'rtc-kit.js'));
  cpSync(join(root, 'dist/chunks'), join(site, 'chunks'), { recursive: true }); // loaded by the bundle on first use
  copyFileSync(join(import.meta.dirname, 'embed.html'), join(site, 'index.html'));
  state = mkdtempSync(join(tmpdir(), 'rtc-kit-e2e-state-'));
  server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: site, stateDir: state });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true });
});

async function open(room: string, user: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 960, height: 640 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${user}'s page threw: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${user}'s console: ${message.text()}`);
  });
  await page.goto(`${server.url}/?room=${room}&user=${user}&name=${encodeURIComponent(name)}`);
  return page;
}

const heard = (page: Page): Promise<Heard[]> => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);

/** Resolves when `userId`'s tile on `page` shows video frames that keep coming. */
async function showsLiveVideo(page: Page, userId: string): Promise<void> {
  // Locators pierce the elements' shadow roots.
  const video = page.locator(`rtc-video-tile[user-id="${userId}"] video`);
  const frames = () => video.evaluate((v: HTMLVideoElement) => (v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0));
  await video.waitFor(WAIT);
  const deadline = Date.now() + WAIT.timeout;
  let first = 0;
  while ((first = await frames()) === 0 && Date.now() < deadline) await page.waitForTimeout(250);
  while ((await frames()) <= first && Date.now() < deadline) await page.waitForTimeout(250);
  assert.ok((await frames()) > first, `${userId}'s video never played`);
}

test('three pages embedding dist/rtc-kit.js hold a call', async () => {
  const room = `e2e-${Date.now().toString(36)}`;
  const people = [['alice', 'Alice'], ['bob', 'Bob'], ['carol', 'Carol']] as const;
  const pages: Record<string, Page> = {};
  for (const [user, name] of people) pages[user] = await open(room, user, name);

  await test('everyone joins and sees the two others live', async () => {
    for (const [user] of people) {
      await pages[user]
        .waitForFunction(() => (window as unknown as { heard: Heard[] }).heard.some((e) => e.type === 'rtc-joined'), null, WAIT)
        .catch((error: Error) => assert.fail(`${user} never joined: ${error.message}\n${problems.join('\n')}`));
      for (const [other] of people) if (other !== user) await showsLiveVideo(pages[user], other);
    }
  });

  await test('a microphone turned off shows on the other side', async () => {
    const bobSeesAlice = pages.bob.locator('rtc-video-tile[user-id="alice"]');
    assert.equal(await bobSeesAlice.getAttribute('audio-muted'), null);
    await pages.alice.locator('rtc-controls button.microphone').click();
    await pages.bob.locator('rtc-video-tile[user-id="alice"][audio-muted]').waitFor(WAIT);
    await pages.carol.locator('rtc-video-tile[user-id="alice"][audio-muted]').waitFor(WAIT);
    assert.ok((await heard(pages.bob)).some((e) => e.type === 'rtc-mute-change' && e.detail.userId === 'alice' && e.detail.muted === true));
  });

  await test('a leave removes the tile and fires rtc-user-change', async () => {
    await pages.carol.locator('rtc-controls button.hangup').click();
    for (const user of ['alice', 'bob']) {
      await pages[user].locator('rtc-video-tile[user-id="carol"]').waitFor({ state: 'detached', ...WAIT });
      const changes = (await heard(pages[user])).filter((e) => e.type === 'rtc-user-change');
      const last = changes.at(-1)?.detail;
      assert.deepEqual(last?.exited, ['carol']);
      assert.deepEqual([...(last?.users as string[])].sort(), ['alice', 'bob']);
    }
    assert.ok((await heard(pages.carol)).some((e) => e.type === 'rtc-left' && e.detail.reason === 'hangup'));
  });

  for (const [user] of people) {
    const errors = (await heard(pages[user])).filter((e) => e.type === 'rtc-error');
    assert.deepEqual(errors, [], `${user}'s page reported errors`);
  }
  assert.deepEqual(problems, []);
});
