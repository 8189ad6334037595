/** `<rtc-room>` in a call for keyboard and screen-reader users, alone in a room, and with a timer (issue 9). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import type { RtcVideoGrid } from '../rtc-video-grid/rtc-video-grid.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import type { RtcControls } from '../rtc-controls/rtc-controls.component.js';
import { LoopbackCall, type Person } from '../internal/testing/loopback-call.js';
import { ManualClock } from '../internal/testing/manual-clock.js';

const LONG = { timeout: 20_000 };
const $ = <T extends Element = HTMLElement>(room: RtcRoom, selector: string) => room.shadowRoot!.querySelector<T>(selector);
const grid = (room: RtcRoom) => $<RtcVideoGrid>(room, 'rtc-video-grid')!;
const controls = (room: RtcRoom) => $<RtcControls>(room, 'rtc-controls')!;
const tiles = (room: RtcRoom) => [...(grid(room)?.shadowRoot?.querySelectorAll<RtcVideoTile>('rtc-video-tile') ?? [])];
const live = (room: RtcRoom) => $(room, '[part~="live-region"]')!;
const controlButton = (room: RtcRoom, action: string) => controls(room).shadowRoot!.querySelector<HTMLButtonElement>(`[part~="button-${action}"]`)!;

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function joinedRoom(call: LoopbackCall, person: Person, clock: ManualClock, attrs = '', size = 'width:800px;height:500px') {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<rtc-room style="${size}" ${attrs}></rtc-room>`;
  const room = container.firstElementChild as RtcRoom;
  room.clock = clock;
  call.seat(room, person);
  await room.join();
  await waitUntil(() => room.phase === 'joined' && controls(room), 'joined', LONG);
  await controls(room).updateComplete;
  // The keys come with the call's chunk (one file when built; separate modules here, which may arrive after the bar).
  await import('./call-dialogs.js');
  await room.updateComplete;
  return room;
}

describe('<rtc-room> call UX', function () {
  this.timeout(120_000);
  let call: LoopbackCall;
  let clock: ManualClock;

  beforeEach(() => {
    call = new LoopbackCall();
    clock = new ManualClock();
  });

  afterEach(async () => {
    await call.close();
    await setViewport({ width: 800, height: 600 });
  });

  it('puts focus on the microphone after joining by keyboard, not on <body>', async () => {
    const a = await fixture<RtcRoom>(html`<rtc-room style="width:800px;height:500px"></rtc-room>`);
    call.seat(a, call.person('alice'));
    await a.updateComplete;
    $(a, '[part~="join-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => a.phase === 'joined', 'joined', LONG);
    await waitUntil(() => controls(a) && deepActive() === controlButton(a, 'microphone'), 'focus on the microphone', LONG);
  });

  it('leaves focus alone when the page joins by script', async () => {
    const input = await fixture<HTMLInputElement>(html`<input aria-label="page field" />`);
    input.focus();
    const b = await joinedRoom(call, call.person('bob'), clock);
    await b.updateComplete;
    expect(document.activeElement).to.equal(input);
  });

  it('alone: says so above the video, covering nothing, with the invite link to copy; no pin on the own tile', async () => {
    for (const [lang, size] of [['en', 'width:800px;height:500px'], ['zh-CN', 'width:390px;height:700px']] as const) {
      const a = await joinedRoom(call, call.person(`solo-${lang}`), clock, `lang="${lang}" invite-url="https://example.test/r/standup"`, size);
      const invite = $(a, '[part~="invite"]')!;
      expect(invite.textContent).to.contain(lang === 'en' ? 'Waiting for others to join' : '等待其他人加入');
      expect($<HTMLInputElement>(a, '[part~="invite-link"]')!.value).to.equal('https://example.test/r/standup');
      await waitUntil(() => tiles(a).length === 1, 'own tile', LONG);
      const own = tiles(a)[0]!;
      await waitUntil(() => own.getBoundingClientRect().height > 100, 'own tile laid out', LONG);
      // The bar's styles come with the call's chunk (with the grid when built; a separate module here).
      await waitUntil(() => own.getBoundingClientRect().top >= invite.getBoundingClientRect().bottom - 0.5, 'the bar above the video', LONG);
      const inviteBox = invite.getBoundingClientRect();
      const tileBox = own.getBoundingClientRect();
      expect(tileBox.height).to.be.greaterThan(100);
      expect(tileBox.top, 'the bar is above the video, not over it').to.be.at.least(inviteBox.bottom - 0.5);
      expect(own.shadowRoot!.querySelector('[part~="pin-button"]'), 'no pin on the only tile').to.be.null;
      await expect(a).to.be.accessible();
      await a.leave();
      a.remove();
    }
  });

  it('copies the invite link (the page URL without invite-url) and says so', async () => {
    const a = await joinedRoom(call, call.person('alice'), clock);
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    try {
      $(a, '[part~="copy-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => copied.length === 1, 'copied');
      expect(copied[0]).to.equal(location.href);
      await a.updateComplete;
      expect($(a, '[part~="copy-button"]')!.textContent).to.equal('Link copied');
      clock.advance(1000);
      await a.updateComplete;
      expect(live(a).textContent).to.contain('Link copied');

      // Refused (no permission): the link is selected for a manual copy.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
      $(a, '[part~="copy-button"]')!.click();
      await waitUntil(() => $(a, '.invite-error'), 'says it could not copy');
      const field = $<HTMLInputElement>(a, '[part~="invite-link"]')!;
      expect(deepActive()).to.equal(field);
      expect(field.selectionEnd! - field.selectionStart!).to.equal(field.value.length);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
    const b = await call.joined('bob');
    await waitUntil(() => !$(a, '[part~="invite"]'), 'the bar goes when someone joins', LONG);
    expect(b).to.exist;
  });

  it('announces joins, leaves, hands and the connection in one polite region, not reactions, both languages', async () => {
    const a = await joinedRoom(call, call.person('alice', 'Alice', {}, { reconnectPolicy: { nextRetryDelayMs: () => 500 } }), clock);
    const region = live(a);
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const said = async () => {
      clock.advance(1000);
      await a.updateComplete;
      return region.textContent!.trim();
    };
    const bob = await call.joined('bob');
    await waitUntil(() => tiles(a).length === 2, 'bob in', LONG);
    expect(await said()).to.equal('Bob joined');

    await bob.engine.raiseHand(true);
    await waitUntil(() => a.shadowRoot && tiles(a).some((t) => t.handRaised), 'hand', LONG);
    expect(await said()).to.equal('Bob raised their hand');

    await bob.engine.sendReaction('🎉');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await said(), 'reactions are not read').to.equal('Bob raised their hand');

    // A burst of joins is one sentence.
    await Promise.all(['cy', 'dee', 'eve', 'fay'].map((id) => call.joined(id)));
    await waitUntil(() => tiles(a).length === 6, 'four more', LONG);
    expect(await said()).to.equal('4 people joined');

    a.lang = 'zh-CN';
    await bob.engine.leave();
    await waitUntil(() => tiles(a).length === 5, 'bob out', LONG);
    expect(await said()).to.equal('Bob 离开了通话');
    a.lang = 'en';

    call.loopback.dropConnections('alice');
    await waitUntil(() => a.connectionState === 'reconnecting', 'reconnecting', LONG);
    expect(await said()).to.equal('Connection lost. Reconnecting…');
    await waitUntil(() => a.connectionState === 'connected', 'back', LONG);
    expect(await said()).to.equal('Connection is back');
  });

  it('toggles the microphone, camera, chat and hand from the keyboard, never while typing in the chat', async () => {
    const person = call.person('alice');
    const a = await joinedRoom(call, person, clock);
    const engine = person.engine;
    const audio = engine.self.media.audio;
    (deepActive() as HTMLElement | null)?.blur();
    await sendKeys({ press: 'm' });
    await waitUntil(() => engine.self.media.audio === !audio, 'm toggles the microphone');
    clock.advance(1000);
    await a.updateComplete;
    expect(live(a).textContent).to.contain(audio ? 'Microphone off' : 'Microphone on');
    const video = engine.self.media.video;
    await sendKeys({ press: 'v' });
    await waitUntil(() => engine.self.media.video === !video, 'v toggles the camera', LONG);
    await sendKeys({ press: 'h' });
    await waitUntil(() => engine.self.handRaised, 'h raises the hand', LONG);

    await sendKeys({ press: 'c' });
    await waitUntil(() => a.panel === 'chat', 'c opens the chat');
    const chat = $(a, 'rtc-chat')!;
    await waitUntil(() => chat.shadowRoot?.querySelector('textarea, input'), 'chat box', LONG);
    const box = chat.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea, input')!;
    box.focus();
    const before = engine.self.media.audio;
    await sendKeys({ type: 'mvch l?' });
    expect(box.value).to.equal('mvch l?');
    expect(engine.self.media.audio, 'typing m in the chat does not mute').to.equal(before);
    expect(a.panel).to.equal('chat');
    expect($(a, 'dialog[open]'), 'no dialog from typing').to.be.null;
  });

  it('opens the shortcuts help on ?, and asks before leaving on l', async () => {
    const a = await joinedRoom(call, call.person('alice'), clock, 'lang="zh-CN"');
    (deepActive() as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Shift+Slash' });
    await waitUntil(() => $<HTMLDialogElement>(a, '[part~="shortcuts-dialog"]')?.open, 'help open');
    const help = $<HTMLDialogElement>(a, '[part~="shortcuts-dialog"]')!;
    expect(help.querySelector('h2')!.textContent).to.equal('键盘快捷键');
    const keys = [...help.querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    expect(keys).to.deep.equal(['M', '空格', 'V', 'C', 'H', 'L', '?']);
    await expect(a).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(a, '[part~="shortcuts-dialog"]'), 'help closed');

    await sendKeys({ press: 'l' });
    await waitUntil(() => $<HTMLDialogElement>(a, '[part~="leave-dialog"]')?.open, 'confirmation');
    expect(deepActive()!.textContent, 'Stay has focus').to.equal('留下');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(a, '[part~="leave-dialog"]'), 'stayed');
    expect(a.phase).to.equal('joined');

    (deepActive() as HTMLElement | null)?.blur();
    await sendKeys({ press: 'l' });
    await waitUntil(() => $<HTMLDialogElement>(a, '[part~="leave-dialog"]')?.open, 'confirmation again');
    $<HTMLButtonElement>(a, '[part~="leave-dialog"] button.danger')!.click();
    await waitUntil(() => a.phase === 'left', 'left', LONG);
  });

  it('talks while Space is held when muted; remaps and turns the shortcuts off', async () => {
    const person = call.person('alice');
    const a = await joinedRoom(call, person, clock);
    const engine = person.engine;
    await a.toggleMicrophone(false);
    (deepActive() as HTMLElement | null)?.blur();
    await sendKeys({ down: 'Space' });
    await waitUntil(() => engine.self.media.audio, 'talking while held', LONG);
    await sendKeys({ up: 'Space' });
    await waitUntil(() => !engine.self.media.audio, 'muted again on release', LONG);

    // Space on a focused button presses the button, it is not push-to-talk.
    controlButton(a, 'microphone').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => engine.self.media.audio, 'the button turned it on', LONG);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !engine.self.media.audio, 'and off', LONG);

    a.shortcuts = { microphone: 'Ctrl+d', camera: null };
    (deepActive() as HTMLElement | null)?.blur();
    const video = engine.self.media.video;
    await sendKeys({ press: 'm' });
    await sendKeys({ press: 'v' });
    await sendKeys({ press: 'Control+d' });
    await waitUntil(() => engine.self.media.audio, 'the remapped key works', LONG);
    expect(engine.self.media.video, 'a shortcut set to null is off').to.equal(video);

    a.noShortcuts = true;
    await sendKeys({ press: 'Control+d' });
    await sendKeys({ press: 'Shift+Slash' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engine.self.media.audio, 'no-shortcuts: nothing fires').to.be.true;
    expect($(a, 'dialog'), 'no help').to.be.null;
  });

  it('shows the time in the call with show-timer', async () => {
    const a = await joinedRoom(call, call.person('alice'), clock, 'show-timer');
    const timer = () => $(a, '[part~="timer"]')!;
    expect(timer().textContent!.trim()).to.equal('00:00');
    expect(getComputedStyle(timer()).fontVariantNumeric, 'digits of one width: the time does not jiggle (the call view\'s styles came with its chunk)').to.equal('tabular-nums');
    clock.advance(65_000);
    await a.updateComplete;
    expect(timer().textContent!.trim()).to.equal('01:05');
    expect(timer().getAttribute('role')).to.equal('timer');
    clock.advance(3_600_000);
    await a.updateComplete;
    expect(timer().textContent!.trim()).to.equal('1:01:05');
    a.showTimer = false;
    await a.updateComplete;
    expect($(a, '[part~="timer"]')).to.be.null;
  });
});
