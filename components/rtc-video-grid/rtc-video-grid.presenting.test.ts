/** The grid for the one presenting, alone in a room, and for keyboard users pinning (issue 9). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-video-grid.js';
import type { RtcVideoGrid } from './rtc-video-grid.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import { fakeParticipant, stopFakeMedia } from '../internal/testing/fake-media.js';
import { LoopbackCall } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };
const tiles = (grid: RtcVideoGrid) => [...grid.shadowRoot!.querySelectorAll<RtcVideoTile>('rtc-video-tile')];
const part = (root: Element, name: string) => root.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const stage = (grid: RtcVideoGrid) => part(grid, 'stage')!;

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<rtc-video-grid> presenting', function () {
  this.timeout(90_000);
  let call: LoopbackCall;
  beforeEach(() => {
    call = new LoopbackCall();
  });
  afterEach(async () => {
    await call.close();
    stopFakeMedia();
  });

  it('shows the presenter a "You are presenting" card with stop, not their own screen, unless they ask for the preview', async () => {
    const ann = await call.joined('ann');
    const ben = await call.joined('ben');
    const grid = await fixture<RtcVideoGrid>(html`<rtc-video-grid .engine=${ann.engine} style="width:800px;height:450px"></rtc-video-grid>`);
    const benGrid = await fixture<RtcVideoGrid>(html`<rtc-video-grid .engine=${ben.engine} style="width:800px;height:450px"></rtc-video-grid>`);
    await ann.engine.shareScreen(true);
    await waitUntil(() => part(grid, 'presenting'), 'the card is on the stage', LONG);
    const card = part(grid, 'presenting')!;
    expect(card.textContent).to.contain('You are presenting');
    expect(stage(grid).querySelector('rtc-video-tile[screen]'), 'no hall of mirrors').to.be.null;
    expect(tiles(grid).map((t) => t.userId).sort(), 'the cameras stay in the strip').to.deep.equal(['ann', 'ben']);
    await waitUntil(() => benGrid.shadowRoot!.querySelector('[part~="stage"] rtc-video-tile[screen]'), 'ben sees the screen', LONG);
    await expect(grid).to.be.accessible();

    grid.lang = 'zh-CN';
    await grid.updateComplete;
    expect(part(grid, 'presenting')!.textContent).to.contain('停止共享');
    grid.lang = 'en';
    await grid.updateComplete;

    part(grid, 'preview-toggle')!.focus();
    await sendKeys({ press: 'Enter' });
    await grid.updateComplete;
    expect(grid.showOwnScreen).to.be.true;
    const preview = stage(grid).querySelector<RtcVideoTile>('rtc-video-tile[screen]');
    expect(preview?.userId, 'the preview when asked').to.equal('ann');
    expect(part(grid, 'preview-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(grid, 'preview-toggle')!.textContent).to.equal('Hide preview');

    part(grid, 'stop-presenting')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !ann.engine.self.media.screen, 'the share stops', LONG);
    await waitUntil(() => !part(grid, 'presenting') && !part(grid, 'stop-presenting'), 'the card goes', LONG);
    await waitUntil(() => !benGrid.shadowRoot!.querySelector('rtc-video-tile[screen]'), 'ben no longer sees it', LONG);
  });
});

describe('<rtc-video-grid> pins', () => {
  afterEach(stopFakeMedia);

  it('offers no pin on the only tile', async () => {
    const grid = await fixture<RtcVideoGrid>(html`<rtc-video-grid style="width:800px;height:450px"
      .participants=${[fakeParticipant('me', { local: true })]}></rtc-video-grid>`);
    await waitUntil(() => tiles(grid).length === 1, 'tile');
    await tiles(grid)[0]!.updateComplete;
    expect(tiles(grid)[0]!.pinnable).to.be.false;
    expect(part(tiles(grid)[0]!, 'pin-button')).to.be.null;
    grid.participants = [fakeParticipant('me', { local: true }), fakeParticipant('ada')];
    await grid.updateComplete;
    await Promise.all(tiles(grid).map((t) => t.updateComplete));
    expect(tiles(grid).every((t) => part(t, 'pin-button')), 'two people: each can be pinned').to.be.true;
  });

  it('keeps focus on the pin button when Enter moves the tile to the stage, and back', async () => {
    const grid = await fixture<RtcVideoGrid>(html`<rtc-video-grid style="width:800px;height:450px"
      .participants=${[fakeParticipant('me', { local: true }), fakeParticipant('ada'), fakeParticipant('bo')]}></rtc-video-grid>`);
    await waitUntil(() => tiles(grid).length === 3, 'tiles');
    const ada = tiles(grid).find((t) => t.userId === 'ada')!;
    await ada.updateComplete;
    part(ada, 'pin-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => grid.view === 'stage', 'pinned');
    await waitUntil(() => deepActive()?.getAttribute('part') === 'pin-button', 'focus is on a pin button', LONG);
    const onStage = stage(grid).querySelector<RtcVideoTile>('rtc-video-tile')!;
    expect(deepActive(), 'the pin button of the tile now on the stage').to.equal(part(onStage, 'pin-button'));
    expect(deepActive()!.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => grid.view === 'grid', 'unpinned');
    const back = tiles(grid).find((t) => t.userId === 'ada')!;
    await waitUntil(() => deepActive() === part(back, 'pin-button'), 'focus follows the tile back to the grid', LONG);
  });
});
