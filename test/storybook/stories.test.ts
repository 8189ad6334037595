/**
 * Storybook smoke test: builds the static Storybook once, serves it on loopback and shows every
 * story and docs page in Chromium, one page per element, switching from story to story as the
 * Storybook UI does. Every story must render its element with no page error, console error or
 * failed play function; the stories tagged `remote-video` must show frames from a simulated remote
 * person; and once the next entry is shown, a story's peer connections must all be closed (its call
 * ended with it).
 *   node --import tsx --test test/storybook/stories.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const WAIT = 30_000;

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

/** What the preview said about the entry being shown (Storybook's channel events). */
interface Outcome {
  event: string;
  payload: unknown;
}

let out: string;
let server: Server;
let base: string;
let browser: Browser;
let entries: IndexEntry[] = [];

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2',
};

/** Serves the built Storybook (nothing outside its folder). */
function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      // The browser asks for /favicon.ico by itself; Storybook ships none.
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'rtc-kit-storybook-'));
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  run(bin('cem'), ['analyze', '--config', '.storybook/custom-elements-manifest.config.mjs', '--quiet']);
  run(bin('storybook'), ['build', '--quiet', '--disable-telemetry', '-o', out]);
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  entries = Object.values(index.entries);
  server = await serve(out);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/**
 * Runs in the page, so it is self-contained (and names no inner functions, which tsx would wrap):
 * whether the story's element (its title names the tag) has rendered into its shadow root, and
 * whether a remote person's video has frames (a tile not of the local user, or answer mode's player view).
 */
function pageState(tag: string): { rendered: boolean; remoteVideo: boolean } {
  const all: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  const element = all.find((e) => e.localName === tag);
  const remoteVideo = all.some((video) => {
    if (!(video instanceof HTMLVideoElement)) return false;
    const host = (video.getRootNode() as ShadowRoot).host;
    const remote = host?.localName === 'rtc-video-tile' ? !host.hasAttribute('local') : video.closest('.player-view') !== null;
    return remote && video.videoWidth > 0 && video.currentTime > 0;
  });
  return { rendered: (element?.shadowRoot?.childElementCount ?? 0) > 0, remoteVideo };
}

/**
 * Opens the preview with nothing selected, records the channel events that tell how an entry went,
 * and keeps every RTCPeerConnection the page makes, to check that a story's call ends with the story.
 */
async function openPreview(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { peerConnections: RTCPeerConnection[] };
    const Native = window.RTCPeerConnection;
    w.peerConnections = [];
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        w.peerConnections.push(this);
      }
    };
  });
  await page.goto(`${base}/iframe.html`);
  await page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window && '__STORYBOOK_PREVIEW__' in window, null, { timeout: WAIT });
  await page.evaluate(() => {
    const w = window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { on(name: string, listener: (payload: unknown) => void): void }; outcomes: Outcome[] };
    w.outcomes = [];
    const events = ['storyFinished', 'storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing', 'docsRendered'];
    for (const event of events) w.__STORYBOOK_ADDONS_CHANNEL__.on(event, (payload) => w.outcomes.push({ event, payload }));
  });
}

/** Shows one story or docs page (as the Storybook UI does) and resolves with how it went. */
async function show(page: Page, entry: IndexEntry): Promise<Outcome> {
  const handle = await page.waitForFunction(
    ({ id, viewMode }) => {
      const w = window as unknown as {
        __STORYBOOK_ADDONS_CHANNEL__: { emit(name: string, payload: unknown): void };
        outcomes: Outcome[];
        shown?: string;
        peerConnections: RTCPeerConnection[];
        earlier: number;
      };
      if (w.shown !== id) {
        w.shown = id;
        w.outcomes = [];
        w.earlier = w.peerConnections.length;
        w.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode });
      }
      return w.outcomes.find((o) => o.event !== 'storyFinished' || (o.payload as { storyId: string }).storyId === id) ?? false;
    },
    { id: entry.id, viewMode: entry.type === 'docs' ? 'docs' : 'story' },
    { timeout: WAIT, polling: 100 },
  );
  return (await handle.jsonValue()) as Outcome;
}

/** Changes a control (every element has `lang`) and resolves once the story has rendered again. */
async function changeControl(page: Page, entry: IndexEntry): Promise<Outcome> {
  const handle = await page.waitForFunction(
    (id) => {
      const w = window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(name: string, payload: unknown): void }; outcomes: Outcome[]; changed?: string };
      if (w.changed !== id) {
        w.changed = id;
        w.outcomes = [];
        w.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId: id, updatedArgs: { lang: 'zh-CN' } });
      }
      return w.outcomes[0] ?? false;
    },
    entry.id,
    { timeout: WAIT, polling: 100 },
  );
  return (await handle.jsonValue()) as Outcome;
}

const peerConnectionCount = (page: Page) => page.evaluate(() => (window as unknown as { peerConnections: unknown[] }).peerConnections.length);

/** Peer connections of the stories shown before this one that are still open. */
function leftOpen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { peerConnections: RTCPeerConnection[]; earlier: number };
    return w.peerConnections.slice(0, w.earlier).filter((pc) => pc.signalingState !== 'closed').length;
  });
}

async function check(page: Page, entry: IndexEntry, problems: string[]): Promise<void> {
  const outcome = await show(page, entry);
  const said = () => `${JSON.stringify(outcome)}\n${problems.join('\n')}`;
  assert.equal(await leftOpen(page), 0, 'the story before left peer connections open: its call did not end with it');
  if (entry.type === 'docs') {
    assert.equal(outcome.event, 'docsRendered', `the docs page failed: ${said()}`);
  } else {
    assert.deepEqual([outcome.event, (outcome.payload as { status?: string }).status], ['storyFinished', 'success'], `the story failed: ${said()}`);
    const tag = entry.title.split('/').at(-1)!;
    const until = (key: 'rendered' | 'remoteVideo') =>
      page.waitForFunction(`(${pageState})(${JSON.stringify(tag)}).${key}`, null, { timeout: WAIT, polling: 250 });
    await until('rendered').catch(() => assert.fail(`<${tag}> rendered nothing\n${problems.join('\n')}`));
    if (entry.tags?.includes('remote-video')) {
      await until('remoteVideo').catch(() => assert.fail(`no remote video frames\n${problems.join('\n')}`));
      // Storybook runs a story's loaders again when a control changes: the call must go on, not start over.
      const before = await peerConnectionCount(page);
      const rerendered = await changeControl(page, entry);
      assert.deepEqual([rerendered.event, (rerendered.payload as { status?: string }).status], ['storyFinished', 'success'], 'the re-render failed');
      assert.equal(await peerConnectionCount(page), before, 'a changed control started another call');
      await until('remoteVideo').catch(() => assert.fail(`no remote video frames after a control changed\n${problems.join('\n')}`));
    }
  }
  assert.deepEqual(problems, [], `${problems.length} problem(s) while showing it (or tearing down the one before)`);
}

test('every story and docs page renders, and call stories show remote video', async (t) => {
  assert.ok(entries.some((entry) => entry.type === 'story'), 'index.json lists no stories');
  const titles = [...new Set(entries.map((entry) => entry.title))];
  for (const title of titles) {
    await t.test(title, async (t) => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 720 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      try {
        await openPreview(page);
        const own = entries.filter((e) => e.title === title);
        for (const entry of own) {
          await t.test(entry.name, async () => {
            try {
              await check(page, entry, problems);
            } finally {
              problems.length = 0;
            }
          });
        }
        await t.test('the last story ends its call too', async () => {
          await show(page, own[0]!);
          assert.equal(await leftOpen(page), 0, 'peer connections left open');
        });
      } finally {
        await context.close();
      }
    });
  }
});
