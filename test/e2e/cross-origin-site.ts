/**
 * The set-up of the cross-origin end-to-end tests: the rtc-kit server serving the built dist/ on one
 * port, and a plain HTTP server on another port (another origin) standing in for the site that embeds
 * the kit. Pages come from real servers: Chromium's local-network-access checks keep a page fulfilled by
 * request interception from opening `ws://127.0.0.1`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createRtcServer, type RtcServer } from '../../server/create-server.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export const WAIT = { timeout: 30_000 };

const dist = resolve(import.meta.dirname, '../../dist');

/** A page-side recorder (a classic script, so it runs before the kit): every `rtc-*` event that reaches the document. */
export const RECORDER = `<script>
  window.heard = [];
  for (const type of ['rtc-joined', 'rtc-left', 'rtc-error', 'rtc-user-change', 'rtc-message', 'rtc-data', 'rtc-call-state', 'rtc-incoming-call']) {
    document.addEventListener(type, (event) => window.heard.push({ type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) }));
  }
</script>`;

export interface Heard {
  type: string;
  detail: Record<string, unknown>;
}

export class CrossOriginSite {
  /** The rtc-kit server's origin, e.g. `http://127.0.0.1:40001`. */
  readonly kit: string;
  /** The embedding site's origin (another port). */
  readonly site: string;
  /** Uncaught errors and console errors of every page; a healthy call has none. */
  readonly problems: string[] = [];
  readonly #contexts: BrowserContext[] = [];

  private constructor(
    private readonly server: RtcServer,
    private readonly http: Server,
    private readonly browser: Browser,
    private readonly pages: Map<string, string>,
  ) {
    this.kit = server.url;
    this.site = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }

  static async start(): Promise<CrossOriginSite> {
    assert.ok(existsSync(join(dist, 'rtc-kit.js')), 'dist/rtc-kit.js is missing: run `npm run build` first');
    const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, staticDir: dist });
    const pages = new Map<string, string>();
    const http = createServer((req, res) => {
      const page = pages.get(new URL(req.url ?? '/', 'http://site').pathname);
      if (page === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    return new CrossOriginSite(server, http, browser, pages);
  }

  /** Serves `html` on the site at `path`; returns its URL. */
  page(path: string, html: string): string {
    this.pages.set(path, html);
    return `${this.site}${path}`;
  }

  /** A visitor: their own browser context (own storage, own fake devices) on `url`. */
  async visit(url: string, who: string): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1100, height: 760 } });
    this.#contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.problems.push(`${who}'s page threw: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`${who}'s console: ${message.text()}`);
    });
    await page.goto(url);
    return page;
  }

  /** Every visitor hangs up (so the next test's rooms hold no one still in grace) and goes. */
  async leaveAll(): Promise<void> {
    const contexts = this.#contexts.splice(0);
    const pages = contexts.flatMap((context) => context.pages());
    await Promise.all(pages.map((page) => page.evaluate(() => Promise.all(
      [...document.querySelectorAll('rtc-room')].map((room) => (room as unknown as { leave(): Promise<void> }).leave()),
    )).catch(() => {})));
    await Promise.all(contexts.map((context) => context.close()));
  }

  async close(): Promise<void> {
    await this.leaveAll();
    await this.browser.close();
    await new Promise((done) => this.http.close(done));
    await this.server.close();
  }
}

export const heard = (page: Page): Promise<Heard[]> => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);

/** The user id a room's engine joined as (rooms with dev tokens get a random one). */
export const userIdOf = (room: Locator): Promise<string> =>
  room.evaluate((el: Element) => (el as unknown as { engine: { self: { userId: string } } }).engine.self.userId);

/** Joins from a room's lobby: types a name when it asks for one, then presses Join. */
export async function joinFromLobby(room: Locator, name: string): Promise<void> {
  const lobby = room.locator('[part~="lobby"]');
  await lobby.waitFor(WAIT);
  const nameField = lobby.locator('input[name="name"]');
  if (await nameField.count()) await nameField.fill(name);
  await lobby.locator('[part~="join-button"]').click();
  await room.page().waitForFunction((el) => el.getAttribute('phase') === 'joined', await room.elementHandle(), WAIT);
}

/** Resolves when `video` shows frames that keep coming. */
export async function playsLive(video: Locator, what: string): Promise<void> {
  const frames = () => video.evaluate((v: HTMLVideoElement) => (v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0));
  await video.waitFor(WAIT);
  const page = video.page();
  const deadline = Date.now() + WAIT.timeout;
  let first = 0;
  while ((first = await frames()) === 0 && Date.now() < deadline) await page.waitForTimeout(250);
  while ((await frames()) <= first && Date.now() < deadline) await page.waitForTimeout(250);
  assert.ok((await frames()) > first, `${what} never played`);
}
