/**
 * docs/calls.md's first snippet, run as written from a page on another origin: Li Lei's page (the
 * snippet verbatim) calls Han Meimei, whose page is the same snippet for her (the only lines a
 * reader changes: who the phone is for). She sees the incoming panel, accepts with video, and both
 * see each other's live video in the call the phones open. Run after `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CrossOriginSite, RECORDER, WAIT, heard, playsLive } from './cross-origin-site.js';

const root = resolve(import.meta.dirname, '../..');
const snippet = /^```html\n([\s\S]*?)^```$/m.exec(readFileSync(resolve(root, 'docs/calls.md'), 'utf8'))![1]!;

let site: CrossOriginSite;

before(async () => {
  site = await CrossOriginSite.start();
});

after(async () => {
  await site?.close();
});

const pageWith = (body: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>calls.md</title><link rel="icon" href="data:," />${RECORDER}</head>
  <body>
${body.replaceAll('https://your-server.example', site.kit)}
  </body>
</html>`;

test('docs/calls.md: a phone on another site calls another, who answers; both see each other', async () => {
  assert.match(snippet, /<rtc-phone user-id="lilei"/, 'the snippet is the one this test expects');
  const forHan = snippet
    .replace('user-id="lilei" user-name="Li Lei"', 'user-id="hanmeimei" user-name="Han Meimei"')
    .replace(/<button[\s\S]*<\/button>/, '');
  site.problems.length = 0;
  const han = await site.visit(site.page('/han', pageWith(forHan)), 'Han Meimei');
  const li = await site.visit(site.page('/li', pageWith(snippet)), 'Li Lei');
  try {
    // Both lines are open once each phone is idle and reachable.
    for (const page of [han, li]) await page.locator('rtc-phone[state="idle"]').waitFor({ ...WAIT, state: 'attached' });
    await li.getByRole('button', { name: 'Call Han Meimei' }).click();

    const incoming = han.locator('rtc-phone [part~="incoming"]');
    await incoming.waitFor(WAIT);
    assert.match((await incoming.textContent()) ?? '', /Li Lei is calling/);
    await li.locator('rtc-phone [part~="outgoing"]').waitFor(WAIT);
    assert.match((await li.locator('rtc-phone [part~="outgoing"]').textContent()) ?? '', /Calling Han Meimei/);

    await han.locator('rtc-phone [part~="accept"]').click();
    for (const [page, other] of [[han, 'lilei'], [li, 'hanmeimei']] as const) {
      await page.locator('rtc-phone rtc-room[phase="joined"]').waitFor({ ...WAIT, state: 'attached' });
      await playsLive(page.locator(`rtc-phone rtc-room rtc-video-tile[user-id="${other}"] video`), `${page === han ? 'Han' : 'Li'} sees ${other}`);
    }
    for (const page of [han, li]) {
      const states = (await heard(page)).filter((e) => e.type === 'rtc-call-state').map((e) => (e.detail as { state: string }).state);
      assert.ok(states.includes('accepted'), `the page heard the call accepted (${states.join(', ')})`);
      assert.deepEqual((await heard(page)).filter((e) => e.type === 'rtc-error'), []);
    }
    assert.deepEqual(site.problems, []);
  } finally {
    await site.leaveAll();
  }
});
