/**
 * Every ```html snippet of README.md and docs/elements.md, run as written from a page on another
 * origin, and checked for what the docs say it does. The page template adds only what a reader
 * supplies: `https://your-server.example` is the test's rtc-kit server, and a snippet without a script
 * tag gets the bundle loaded after its markup (as a CMS page has it). A snippet with one room is
 * opened by two visitors, who must see each other; the rooms of a snippet with several see each other
 * in one page. Run after `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { CrossOriginSite, RECORDER, WAIT, heard, joinFromLobby, playsLive, userIdOf } from './cross-origin-site.js';

const root = resolve(import.meta.dirname, '../..');
const PLACEHOLDER = 'https://your-server.example';

interface Snippet {
  file: string;
  index: number;
  html: string;
}

/** The fenced html blocks of a Markdown file (a block indented in a list item is dedented). */
function snippets(file: string): Snippet[] {
  const text = readFileSync(resolve(root, file), 'utf8');
  return [...text.matchAll(/^([ \t]*)```html\n([\s\S]*?)^\1```$/gm)].map((match, index) => ({
    file,
    index: index + 1,
    html: match[2]!.split('\n').map((line) => line.slice(match[1]!.length)).join('\n'),
  }));
}

const all = [...snippets('README.md'), ...snippets('docs/elements.md')];

let site: CrossOriginSite;

before(async () => {
  site = await CrossOriginSite.start();
});

after(async () => {
  await site?.close();
});

function pageFor(snippet: Snippet): string {
  const body = snippet.html.replaceAll(PLACEHOLDER, site.kit);
  const script = snippet.html.includes('rtc-kit.js') ? '' : `\n<script type="module" src="${site.kit}/rtc-kit.js"></script>`;
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${snippet.file} #${snippet.index}</title><link rel="icon" href="data:," />${RECORDER}</head>
  <body>
${body}${script}
  </body>
</html>`;
}

/** The rooms of a page, with what each one's markup says. */
async function roomsOf(page: Page) {
  const rooms = page.locator('rtc-room');
  return Promise.all(
    (await rooms.all()).map(async (room) => ({
      room,
      mode: (await room.getAttribute('mode')) ?? 'flex',
      roomId: (await room.getAttribute('room'))!,
    })),
  );
}

/** Joins a room the way its visitor would: Accept on the incoming-call page, or the lobby's Join. */
async function enter(room: Locator, mode: string, name: string): Promise<void> {
  if (mode !== 'answer') return joinFromLobby(room, name);
  await room.locator('.btn-accept').click();
  await room.page().waitForFunction((el) => el!.getAttribute('phase') === 'joined', await room.elementHandle(), WAIT);
}

/** What the snippet's markup promises beyond joining, checked on one visitor's page. */
async function checkPromises(snippet: Snippet, page: Page): Promise<void> {
  const rooms = await roomsOf(page);
  for (const { room, mode } of rooms) {
    const style = (await room.getAttribute('style')) ?? '';
    const height = /height:\s*(\d+)px/.exec(style)?.[1];
    if (mode === 'flex' && height) assert.equal((await room.boundingBox())!.height, Number(height), 'the flex room fills the box it is given');
    if (mode === 'fullscreen') {
      assert.deepEqual(await room.boundingBox(), { x: 0, y: 0, ...page.viewportSize()! }, 'the full-screen room covers the page');
    }
    if (mode === 'answer') {
      assert.ok(await room.locator('.screen.answer .content').count(), 'answer mode renders the plugin\'s class hooks in light DOM');
    }
    if ((await room.getAttribute('theme')) === 'dark') {
      const background = await room.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      assert.ok(r! + g! + b! < 3 * 96, `theme="dark" is dark (${background})`);
    }
    const lang = await room.getAttribute('lang');
    for (const controls of await room.locator('rtc-controls').all()) {
      // A device menu's button carries its action too: one entry per action.
      const actions = await controls.evaluate((el) => [...new Set([...el.shadowRoot!.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action')))]);
      // `record` and `pip` always live in the More menu (docs/elements.md), not in the bar itself.
      const asked = (await controls.getAttribute('actions'))?.split(/\s+/).filter((a) => !['slot', 'record', 'pip'].includes(a));
      // The More button (it holds them) is not an action anyone asks for.
      if (asked) assert.deepEqual(actions.filter((a) => a !== 'more'), asked, 'the controls show the actions asked for, in order');
      const ownButtons = await controls.locator(':scope > button').all();
      if (/<rtc-controls[^>]*>\s*<button/.test(snippet.html)) assert.ok(ownButtons.length > 0, 'the page\'s own buttons are found');
      for (const button of ownButtons) {
        assert.ok(await button.isVisible(), `the page's own button "${await button.textContent()}" shows in the bar`);
      }
      if (lang === 'zh-CN') assert.equal(await controls.locator('[part~="button-microphone"]').getAttribute('aria-label'), '麦克风');
    }
    for (const grid of await room.locator('rtc-video-grid').all()) {
      if ((await grid.getAttribute('layout')) === 'speaker') assert.equal(await grid.getAttribute('view'), 'stage', 'layout="speaker" puts one person on the stage');
    }
    for (const chat of await room.locator('rtc-chat').all()) {
      const placeholder = await chat.locator('[part~="input"]').getAttribute('placeholder');
      assert.equal(placeholder, lang === 'zh-CN' ? '发送给所有人' : 'Message everyone', 'the chat is live, in the room\'s language');
    }
  }
  const styleRule = /<style>\s*rtc-room \.answer \.btn-hangup \{ background: crimson; \}/.test(snippet.html);
  if (styleRule) {
    const hangup = page.locator('rtc-room[mode="answer"] .btn-hangup');
    assert.equal(await hangup.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(220, 20, 60)', 'the page\'s CSS restyles answer mode');
  }
}

/** Everyone in the same room id sees everyone else: live video on the tiles (the main view in answer mode). */
async function checkEveryoneSeen(pages: Page[]): Promise<void> {
  const everyone = [];
  for (const page of pages) {
    for (const entry of await roomsOf(page)) everyone.push({ ...entry, page, userId: await userIdOf(entry.room) });
  }
  for (const me of everyone) {
    const others = everyone.filter((o) => o !== me && o.roomId === me.roomId);
    assert.ok(others.length > 0, `nobody else in ${me.roomId}: the test would prove nothing`);
    if (me.mode === 'answer') {
      await playsLive(me.room.locator('video.live-player'), `${me.userId}'s main view`);
      for (const other of others) await me.room.locator(`.user-list-item[data-user-id="${other.userId}"]`).waitFor(WAIT);
      continue;
    }
    for (const other of others) {
      await playsLive(me.room.locator(`rtc-video-tile[user-id="${other.userId}"] video`), `${me.userId}'s view of ${other.userId}`);
    }
  }
}

/** A chat in the snippet carries a message from one visitor to the other. */
async function checkChat(pages: Page[]): Promise<void> {
  const [first, second] = pages;
  if (!second || !(await first!.locator('rtc-room > rtc-chat').count())) return;
  const text = `hello from the first visitor ${Date.now()}`;
  await first!.locator('rtc-chat [part~="input"]').fill(text);
  await first!.locator('rtc-chat [part~="input"]').press('Enter');
  await second.locator('rtc-chat [part~="text"]', { hasText: text }).waitFor(WAIT);
}

test('the docs have html snippets to run', () => {
  assert.ok(all.length >= 6, `found only ${all.length}`);
});

for (const snippet of all) {
  const firstLine = snippet.html.trim().split('\n')[0]!.slice(0, 70);
  test(`${snippet.file} snippet #${snippet.index} runs from another origin: ${firstLine}`, async () => {
    const url = site.page(`/${snippet.file.replace(/\W/g, '-')}-${snippet.index}`, pageFor(snippet));
    site.problems.length = 0;
    const single = (snippet.html.match(/<rtc-room\b/g) ?? []).length === 1;
    const pages = [await site.visit(url, 'first visitor')];
    if (single) pages.push(await site.visit(url, 'second visitor'));
    try {
      for (const [v, page] of pages.entries()) {
        const rooms = await roomsOf(page);
        assert.ok(rooms.length > 0, 'the snippet has a room');
        for (const [i, { room, mode }] of rooms.entries()) await enter(room, mode, `Visitor ${v + 1}.${i + 1}`);
      }
      await checkEveryoneSeen(pages);
      for (const page of pages) await checkPromises(snippet, page);
      await checkChat(pages);
      for (const page of pages) assert.deepEqual((await heard(page)).filter((e) => e.type === 'rtc-error'), []);
      assert.deepEqual(site.problems, []);
    } finally {
      await site.leaveAll();
    }
  });
}
