/**
 * The kit embedded by another site: pages served by a plain HTTP server on another port load the
 * built bundle from the rtc-kit server, write no `server` attribute, and hold a call. Run after
 * `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CrossOriginSite, RECORDER, WAIT, heard, joinFromLobby, playsLive, userIdOf } from './cross-origin-site.js';

let site: CrossOriginSite;

before(async () => {
  site = await CrossOriginSite.start();
});

after(async () => {
  await site?.close();
});

const page = (head: string, body: string, lang = 'en') => `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8" /><title>Another site</title><link rel="icon" href="data:," />${RECORDER}${head}</head>
  <body style="margin: 0">${body}</body>
</html>`;

/** Both visitors are in, each sees the other's live video in `room`'s grid. */
async function seeEachOther(pages: Page[], room: string): Promise<void> {
  const ids = await Promise.all(pages.map((p) => userIdOf(p.locator(room))));
  for (const [i, p] of pages.entries()) {
    const other = ids[1 - i];
    await playsLive(p.locator(`${room} rtc-video-tile[user-id="${other}"] video`), `visitor ${i + 1}'s view of ${other}`);
  }
}

test('a page on another origin loads rtc-kit.js from the server, writes no server, and two visitors see each other live', async () => {
  const room = `cross-${Date.now().toString(36)}`;
  const url = site.page('/call', page(
    `<script type="module" src="${site.kit}/rtc-kit.js"></script>`,
    `<rtc-room room="${room}" autojoin style="height: 100vh"></rtc-room>`,
  ));
  assert.notEqual(new URL(url).origin, site.kit, 'the page must come from another origin');
  const pages = [await site.visit(url, 'first visitor'), await site.visit(url, 'second visitor')];

  for (const p of pages) {
    await p.waitForFunction(() => (window as unknown as { heard: { type: string }[] }).heard.some((e) => e.type === 'rtc-joined'), null, WAIT)
      .catch((error: Error) => assert.fail(`never joined: ${error.message}\n${site.problems.join('\n')}`));
    assert.equal(await p.locator('rtc-room').getAttribute('server'), null);
    const server = await p.locator('rtc-room').evaluate((el) => (el as unknown as { engine: { options: { server?: string } } }).engine.options.server);
    assert.equal(server, site.kit, 'the room talks to the server the bundle came from');
  }
  await seeEachOther(pages, 'rtc-room');
  for (const p of pages) assert.deepEqual((await heard(p)).filter((e) => e.type === 'rtc-error'), []);
  assert.deepEqual(site.problems, []);
  await site.leaveAll();
});

/** Records, frame by frame, the text the room's lobby shows (from before the bundle is there). */
const LOBBY_FRAMES = `<script>
  window.lobbyFrames = [];
  const sample = () => {
    const text = document.querySelector('rtc-room')?.shadowRoot?.querySelector('[part~="lobby"]')?.textContent?.replace(/\\s+/g, ' ').trim();
    if (text && window.lobbyFrames.at(-1) !== text) window.lobbyFrames.push(text);
    if (window.lobbyFrames.length < 50) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
</script>`;

test('the all-in-one bundle in English and in Chinese: the lobby paints in the page\'s language from its first frame, and the call\'s grid and bar come from their chunk', async () => {
  for (const [lang, title, microphone] of [['en', 'Ready to join?', 'Microphone'], ['zh-CN', '准备好加入了吗？', '麦克风']] as const) {
    const room = `lang-${lang}-${Date.now().toString(36)}`;
    const url = site.page(`/lang-${lang}`, page(
      `${LOBBY_FRAMES}<script type="module" src="${site.kit}/rtc-kit.js"></script>`,
      `<rtc-room room="${room}" style="height: 100vh"></rtc-room>`,
      lang,
    ));
    const visitor = await site.visit(url, `${lang} visitor`);
    await joinFromLobby(visitor.locator('rtc-room'), lang === 'en' ? 'Ann' : '安');
    const frames = await visitor.evaluate(() => (window as unknown as { lobbyFrames: string[] }).lobbyFrames);
    assert.ok(frames.length > 0, 'the lobby was seen');
    for (const text of frames) assert.ok(text.includes(title), `${lang}: every lobby frame says ${title}, one said: ${text}`);
    await visitor.locator('rtc-room rtc-video-tile').first().waitFor(WAIT);
    assert.equal(await visitor.locator('rtc-room rtc-controls [part~="button-microphone"]').getAttribute('aria-label'), microphone);
    assert.deepEqual((await heard(visitor)).filter((e) => e.type === 'rtc-error'), []);
  }
  assert.deepEqual(site.problems, []);
  await site.leaveAll();
});

test('per-element scripts in any order: a composition in static markup, the nested elements defined before the room', async () => {
  const room = `elements-${Date.now().toString(36)}`;
  // Separate script tags, the room's last, after the markup: every nested element is defined (and asks
  // for the room) before <rtc-room> is.
  const scripts = ['rtc-chat', 'rtc-controls', 'rtc-video-grid', 'rtc-room']
    .map((name) => `<script type="module" src="${site.kit}/elements/${name}.js"></script>`).join('\n');
  const url = site.page('/elements', page('', `
    <rtc-room room="${room}" lang="zh-CN" style="height: 100vh">
      <rtc-video-grid></rtc-video-grid>
      <rtc-controls actions="microphone camera chat hangup"></rtc-controls>
      <rtc-chat style="height: 200px"></rtc-chat>
    </rtc-room>
    ${scripts}`));
  const pages = [await site.visit(url, 'first visitor'), await site.visit(url, 'second visitor')];
  for (const [i, p] of pages.entries()) await joinFromLobby(p.locator('rtc-room'), `访客 ${i + 1}`);
  await seeEachOther(pages, 'rtc-room');
  for (const p of pages) {
    assert.equal(await p.locator('rtc-controls [part~="button-microphone"]').getAttribute('aria-label'), '麦克风');
    assert.equal(await p.locator('rtc-chat [part~="input"]').getAttribute('placeholder'), '发送给所有人');
  }
  assert.deepEqual(site.problems, []);
  await site.leaveAll();
});

test('the demo\'s "embed this" lines, pasted into another site, hold a call there', async () => {
  const demo = await site.visit(`${site.kit}/`, 'demo visitor');
  await demo.locator('#options input[name="room"]').fill(`embedded-${Date.now().toString(36)}`);
  await demo.locator('#options input[name="room"]').dispatchEvent('change');
  await demo.locator('#options select[name="lang"]').selectOption('en');
  await demo.locator('#embed summary').click();
  const lines = (await demo.locator('#embed-code').textContent())!;
  assert.match(lines, new RegExp(`^<script type="module" src="${site.kit}/rtc-kit.js"></script>\n<rtc-room `));
  assert.doesNotMatch(lines, /server=/);
  assert.match((await demo.locator('#embed').textContent())!, /ALLOWED_ORIGINS=/);

  const url = site.page('/pasted', page('', lines));
  const pages = [await site.visit(url, 'first visitor'), await site.visit(url, 'second visitor')];
  for (const [i, p] of pages.entries()) await joinFromLobby(p.locator('rtc-room'), `Guest ${i + 1}`);
  await seeEachOther(pages, 'rtc-room');
  assert.deepEqual(site.problems, []);
  await site.leaveAll();
});
