/** A tile when the link to that person does not come up, and the tile's name rules (issue 9). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './rtc-video-tile.js';
import type { RtcVideoTile } from './rtc-video-tile.component.js';
import { fakeParticipant, stopFakeMedia } from '../internal/testing/fake-media.js';
import { blockedNetwork, LoopbackCall } from '../internal/testing/loopback-call.js';
import { ManualClock } from '../internal/testing/manual-clock.js';

const part = (el: RtcVideoTile, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const LONG = { timeout: 20_000 };

describe('<rtc-video-tile> reaching someone', function () {
  this.timeout(90_000);
  afterEach(stopFakeMedia);

  it('says after the timeout that a person behind a blocking network cannot be reached, and Try again connects', async () => {
    const call = new LoopbackCall();
    const network = blockedNetwork(call);
    try {
      const ann = await call.joined('ann');
      const ben = call.person('ben', 'Ben', {}, network.engineOptions);
      await ben.engine.join(ben.token, { audio: false, video: true });
      const clock = new ManualClock();
      const tile = await fixture<RtcVideoTile>(html`<rtc-video-tile .engine=${ann.engine} .clock=${clock} user-id="ben"
        style="width:480px;height:270px"></rtc-video-tile>`);
      await waitUntil(() => part(tile, 'name')?.textContent === 'Ben', 'ben known', LONG);
      expect(part(tile, 'status')!.textContent).to.equal('Connecting…');
      expect(tile.unreachable).to.be.false;

      clock.advance(9_999);
      await tile.updateComplete;
      expect(part(tile, 'unreachable'), 'not before the timeout').to.be.null;
      clock.advance(1);
      await tile.updateComplete;
      expect(tile.hasAttribute('unreachable')).to.be.true;
      expect(part(tile, 'status'), 'no more "Connecting…"').to.be.null;
      const notice = part(tile, 'unreachable')!;
      expect(notice.textContent).to.contain("Can't reach Ben");
      expect(notice.textContent, 'the loopback has no TURN server').to.contain('No relay server (TURN) is set up');
      expect(part(tile, 'base')!.getAttribute('aria-label')).to.contain("Can't reach Ben");
      await expect(tile).to.be.accessible();

      tile.lang = 'zh-CN';
      await tile.updateComplete;
      expect(part(tile, 'unreachable')!.textContent).to.contain('无法连接到 Ben');
      expect(part(tile, 'retry-button')!.textContent).to.equal('重试');
      tile.lang = 'en';
      await tile.updateComplete;

      network.restore();
      part(tile, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await tile.updateComplete;
      expect(tile.unreachable, 'trying again').to.be.false;
      await waitUntil(() => ann.engine.participants.get('ben')?.link === 'connected', 'the new link connects', LONG);
      await waitUntil(() => !part(tile, 'status') && !tile.hasAttribute('video-muted'), 'ben shows', LONG);
      clock.advance(60_000);
      await tile.updateComplete;
      expect(tile.unreachable, 'a connected link stays reachable').to.be.false;
    } finally {
      await call.close();
    }
  });

  it('says at once when the link failed, naming a blocking network when a relay is configured', async () => {
    const tile = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('cy', { link: 'failed' })}></rtc-video-tile>`);
    expect(tile.unreachable).to.be.true;
    expect(part(tile, 'unreachable')!.textContent).to.contain("Can't reach Cy");
    expect(part(tile, 'retry-button'), 'no engine to retry with').to.be.null;
    tile.participant = fakeParticipant('cy', { link: 'connected' });
    await tile.updateComplete;
    expect(part(tile, 'unreachable')).to.be.null;
  });
});

describe('<rtc-video-tile> names', () => {
  afterEach(async () => {
    stopFakeMedia();
    await setViewport({ width: 800, height: 600 });
  });

  it('calls someone without a name Guest, never their id, in both languages', async () => {
    const me = fakeParticipant('guest-bzm9', { name: '', local: true, media: { audio: true, video: false, screen: false } });
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${me}></rtc-video-tile>`);
    expect(part(el, 'name')!.textContent).to.equal('Guest (you)');
    expect(part(el, 'avatar')!.textContent!.trim()).to.equal('G');
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(part(el, 'name')!.textContent).to.equal('访客（我）');
    expect(part(el, 'avatar')!.textContent!.trim()).to.equal('访');
  });

  it('draws initials from letters only: one per word, two at most', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('al', { name: 'Alice', stream: null })}></rtc-video-tile>`);
    const initials = () => part(el, 'avatar')!.textContent!.trim();
    expect(initials()).to.equal('A');
    for (const [name, expected] of [['<Oscar>', 'O'], ['Ada Byron Lovelace', 'AL'], ['李小龙', '李']] as const) {
      el.participant = fakeParticipant('al', { name, stream: null });
      await el.updateComplete;
      expect(initials(), name).to.equal(expected);
    }
    el.participant = fakeParticipant('al', { name: '1234', stream: null });
    await el.updateComplete;
    expect(part(el, 'avatar')!.querySelector('svg'), 'no letters: a person icon').to.exist;
  });

  it('keeps "(you)" whole on a narrow phone tile and cuts the name short instead', async () => {
    await setViewport({ width: 390, height: 844 });
    const me = fakeParticipant('me', { name: 'Maximiliana Theodora Wolfeschlegelsteinhausen', local: true });
    for (const lang of ['en', 'zh-CN']) {
      const el = await fixture<RtcVideoTile>(html`<rtc-video-tile lang=${lang} .participant=${me} style="width:170px;height:96px"></rtc-video-tile>`);
      const label = part(el, 'label')!.getBoundingClientRect();
      const text = part(el, 'name')!.querySelector<HTMLElement>('.name-text')!;
      const affix = part(el, 'name')!.querySelector<HTMLElement>('.affix')!;
      expect(affix.textContent).to.equal(lang === 'en' ? ' (you)' : '（我）');
      expect(text.scrollWidth, 'the name is ellipsized').to.be.greaterThan(text.clientWidth);
      const box = affix.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(10);
      expect(box.right, `the suffix is inside the label (${lang})`).to.be.at.most(label.right + 0.5);
    }
  });
});
