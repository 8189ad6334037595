/** `<rtc-room>` embedding modes (flex, fullscreen, answer) and themes, in real calls over the in-page hub. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import type { RoomConfig } from './room-config.js';
import type { RtcVideoGrid } from '../rtc-video-grid/rtc-video-grid.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import { LoopbackCall, videoPlays, type Person } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };

function record(room: EventTarget, ...names: string[]) {
  const seen: { type: string; detail: unknown }[] = [];
  for (const name of names) room.addEventListener(name, (e) => seen.push({ type: e.type, detail: (e as CustomEvent).detail }));
  return seen;
}

const tiles = (room: RtcRoom) => [
  ...(room.shadowRoot!.querySelector<RtcVideoGrid>('rtc-video-grid')?.shadowRoot?.querySelectorAll<RtcVideoTile>('rtc-video-tile') ?? []),
];

/** A room element built with its engine and token already set (as a page or framework would). */
async function roomFor(call: LoopbackCall, person: Person, template: string, props: Partial<RtcRoom> = {}): Promise<RtcRoom> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = template;
  const room = holder.querySelector('rtc-room')!;
  Object.assign(room, props);
  call.seat(room, person);
  await room.updateComplete;
  return room;
}

describe('<rtc-room> modes', function () {
  this.timeout(120_000);
  let call: LoopbackCall;

  beforeEach(() => {
    call = new LoopbackCall();
  });

  afterEach(async () => {
    await call.close();
  });

  it('flex (default) fills the box the page gives it and follows its resizes', async () => {
    const a = await roomFor(call, call.person('alice'), '<div id="box" style="width:640px;height:400px"><rtc-room></rtc-room></div>');
    const b = await roomFor(call, call.person('bob'), '<rtc-room style="width:400px;height:300px"></rtc-room>');
    expect(a.mode).to.equal('flex');
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tiles(a).length === 2, 'two tiles', LONG);
    const box = a.parentElement!;
    expect(a.getBoundingClientRect()).to.include({ width: 640, height: 400 });
    const tops = () => new Set(tiles(a).map((t) => Math.round(t.getBoundingClientRect().top))).size;
    await waitUntil(() => tops() === 1, 'side by side in landscape');
    box.style.cssText = 'width:360px;height:700px';
    await waitUntil(() => a.getBoundingClientRect().width === 360 && tops() === 2, 'stacked in portrait', LONG);
    for (const t of tiles(a)) expect(t.getBoundingClientRect().right).to.be.at.most(a.getBoundingClientRect().right);
  });

  it('fullscreen covers the viewport above the page during the call and gives the page back on leave', async () => {
    document.documentElement.style.overflow = 'auto';
    const a = await roomFor(call, call.person('alice'), '<p style="height:3000px">page</p><rtc-room mode="fullscreen"></rtc-room>');
    const rect = () => a.getBoundingClientRect();
    expect(getComputedStyle(a).position).to.equal('fixed');
    expect(rect()).to.include({ top: 0, left: 0, width: window.innerWidth, height: window.innerHeight });
    expect(document.documentElement.style.overflow).to.equal('hidden');
    await a.join();
    await waitUntil(() => a.phase === 'joined', 'joined', LONG);
    expect(document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)).to.equal(a);
    await a.leave();
    await waitUntil(() => a.phase === 'left');
    await a.updateComplete;
    expect(getComputedStyle(a).display).to.equal('none');
    expect(document.documentElement.style.overflow).to.equal('auto');
    document.documentElement.style.overflow = '';
  });

  it('applies the light and dark themes', async () => {
    const a = await roomFor(call, call.person('alice'), '<rtc-room theme="dark" style="width:300px;height:300px"></rtc-room>');
    expect(getComputedStyle(a).backgroundColor).to.equal('rgb(15, 17, 21)');
    a.theme = 'light';
    await a.updateComplete;
    expect(getComputedStyle(a).backgroundColor).to.equal('rgb(238, 240, 244)');
    a.style.setProperty('--rtc-color-bg', 'rgb(1, 2, 3)');
    expect(getComputedStyle(a).backgroundColor, 'the page overrides a token').to.equal('rgb(1, 2, 3)');
  });

  describe('answer', () => {
    const q = <T extends Element = HTMLElement>(room: RtcRoom, selector: string) => room.querySelector<T>(selector);

    it('renders the call in light DOM with the plugin class hooks: call page, views, user list, actions, end page', async () => {
      const config: RoomConfig = {
        displayInfo: { calling: { information: 'Dr. Wang is calling' }, end: { information: 'Thanks for calling' } },
        users: { bob: { name: 'Bob the Builder' } },
      };
      const a = await roomFor(call, call.person('alice'), '<rtc-room mode="answer" style="display:block;width:375px;height:667px"></rtc-room>', { config });
      const b = await roomFor(call, call.person('bob'), '<rtc-room style="width:300px;height:300px"></rtc-room>');
      const events = record(a, 'rtc-joined', 'rtc-request-leave', 'rtc-hangup', 'rtc-player-change');
      expect(a.shadowRoot!.querySelector('rtc-video-grid')).to.be.null;
      const root = q(a, '.screen')!;
      expect(root.className).to.equal('screen flex answer');
      expect(a.phase).to.equal('calling');
      expect(q(a, '.content .message')!.textContent).to.equal('Dr. Wang is calling');
      expect(getComputedStyle(root).backgroundColor, 'plugin default').to.equal('rgba(31, 33, 41, 0.95)');

      await b.join();
      q(a, '.actions .action .btn-accept')!.click();
      await waitUntil(() => a.phase === 'joined' && q(a, '.player-view[data-user-id="bob"] video.live-player'), 'accepted and bob on the main view', LONG);
      expect(events[0]!.type).to.equal('rtc-joined');
      await videoPlays(q<HTMLVideoElement>(a, '.player-view video.live-player')!);
      await videoPlays(q<HTMLVideoElement>(a, '.pusher-view video.live-pusher')!);
      expect(q(a, '.pusher-view')!.classList.contains('mini')).to.be.true;
      expect(q(a, '.player-view')!.classList.contains('mini')).to.be.false;
      const items = [...a.querySelectorAll<HTMLButtonElement>('.user-list .user-list-item')];
      expect(items.map((i) => i.querySelector('.user-list-item-text')!.textContent)).to.deep.equal(['Alice (you)', 'Bob the Builder']);
      expect(items[1]!.classList.contains('selected')).to.be.true;

      // Tapping yourself in the list puts you on the main view (the other view goes mini).
      items[0]!.click();
      await waitUntil(() => q(a, '.user-list-item.selected .user-list-item-text')?.textContent === 'Alice (you)', 'alice selected', LONG);
      expect(q(a, '.pusher-view')!.classList.contains('mini')).to.be.false;
      expect(q(a, '.player-view')!.classList.contains('mini')).to.be.true;
      await waitUntil(() => events.some((e) => e.type === 'rtc-player-change'));
      expect(events.find((e) => e.type === 'rtc-player-change')!.detail).to.deep.equal({ userId: 'alice', preUserId: 'bob' });

      // A raised hand shows in the user list.
      await b.engine!.raiseHand(true);
      await waitUntil(() => q(a, '.user-list-item.hand[data-user-id="bob"] .user-list-item-hand'), 'bob hand in the list', LONG);
      expect(q(a, '.user-list-item-hand')!.getAttribute('aria-label')).to.equal('Hand raised');

      // The mute button: the icon turns `.disable`, and Bob sees it.
      const mute = q<HTMLButtonElement>(a, '.btn.btn-mute')!;
      expect(mute.getAttribute('aria-pressed')).to.equal('true');
      mute.click();
      await waitUntil(() => q(a, '.btn-mute .icon.disable'), 'muted icon', LONG);
      const bobTile = () => tiles(b).find((t) => t.userId === 'alice');
      await waitUntil(() => bobTile()?.audioMuted, 'bob sees the mute', LONG);

      q<HTMLButtonElement>(a, '.btn.btn-hangup')!.click();
      await waitUntil(() => a.phase === 'left', 'hung up', LONG);
      expect(events.filter((e) => e.type !== 'rtc-player-change').map((e) => e.type)).to.deep.equal(['rtc-joined', 'rtc-request-leave', 'rtc-hangup']);
      await a.updateComplete;
      expect(q(a, '.content .message')!.textContent).to.equal('Thanks for calling');
    });

    it('the call page takes the focus on its accept button; Escape declines and Enter accepts, as on <rtc-phone>', async () => {
      const page = '<rtc-room mode="answer" style="display:block;width:375px;height:667px"></rtc-room>';
      const a = await roomFor(call, call.person('alice'), page);
      await waitUntil(() => document.activeElement === q(a, '.btn-accept'), 'the call page takes the focus', LONG);
      const declined = record(a, 'rtc-call-decline');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => a.phase === 'left', 'Escape declines', LONG);
      expect(declined.map((e) => e.type)).to.deep.equal(['rtc-call-decline']);

      const c = await roomFor(call, call.person('carol'), page);
      await waitUntil(() => document.activeElement === q(c, '.btn-accept'), 'the next call page takes it', LONG);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => c.phase === 'joined', 'Enter accepts', LONG);
    });

    it('honours the Config flags: hidden actions, hidden user list, whole pictures, a mini player, no call page', async () => {
      const config: RoomConfig = {
        displayInfo: { callPage: { visible: false }, showFullScreen: { visible: true } },
        answer: {
          actions: { screenshot: { visible: false }, speaker: { visible: false }, switchScreenCapture: { visible: false } },
          users: { visible: false },
          player: { isMini: true },
          pusher: { isMini: false },
        },
      };
      const a = await roomFor(call, call.person('alice'), '<rtc-room mode="answer" style="display:block;width:640px;height:480px"></rtc-room>', { config });
      const b = await roomFor(call, call.person('bob'), '<rtc-room style="width:300px;height:300px"></rtc-room>');
      await b.join();
      await waitUntil(() => a.phase === 'joined', 'joined by itself without a call page', LONG);
      await waitUntil(() => q(a, '.player-view[data-user-id="bob"]'), 'bob', LONG);
      expect([...a.querySelectorAll('.actions .btn')].map((btn) => btn.classList[1])).to.deep.equal(['btn-mute', 'btn-camera', 'btn-hangup', 'btn-switch-camera']);
      expect(q(a, '.user-list')).to.be.null;
      expect(q(a, '.player-view')!.classList.contains('mini')).to.be.true;
      expect(q(a, '.pusher-view')!.classList.contains('mini')).to.be.false;
      expect(getComputedStyle(q(a, '.live-player')!).objectFit).to.equal('contain');
    });

    it('renames its hooks with screenname and namespace, and the page CSS beats the defaults', async () => {
      const style = document.createElement('style');
      style.textContent = '.mine .btn-hangup { background: rgb(1, 2, 3); } .call-root { background: rgb(4, 5, 6); }';
      document.head.append(style);
      try {
        const a = await roomFor(call, call.person('alice'), '<rtc-room mode="answer" screenname="call-root" namespace="mine" style="display:block;width:375px;height:600px"></rtc-room>');
        expect(q(a, '.call-root')!.className).to.equal('call-root flex mine');
        const decline = q(a, '.mine .btn-hangup')!;
        expect(getComputedStyle(decline).backgroundColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(q(a, '.call-root')!).backgroundColor).to.equal('rgb(4, 5, 6)');
        // Defaults still apply where the page says nothing.
        expect(getComputedStyle(decline).borderRadius).to.equal('50%');
        const events = record(a, 'rtc-request-leave', 'rtc-call-decline');
        decline.click();
        await a.updateComplete;
        expect(events.map((e) => e.type)).to.deep.equal(['rtc-request-leave', 'rtc-call-decline']);
        expect(a.phase).to.equal('left');
      } finally {
        style.remove();
      }
    });

    it('is accessible on the call page and in the call, in Chinese too', async () => {
      const a = await roomFor(call, call.person('alice'), '<rtc-room mode="answer" lang="zh-CN" style="display:block;width:375px;height:667px"></rtc-room>');
      expect(q(a, '.btn-accept')!.getAttribute('aria-label')).to.equal('接听');
      expect(q(a, '.content .message')!.textContent).to.equal('来电');
      await expect(a).to.be.accessible();
      q<HTMLButtonElement>(a, '.btn-accept')!.click();
      await waitUntil(() => q(a, '.btn-mute'), 'in call', LONG);
      expect(q(a, '.btn-hangup')!.getAttribute('aria-label')).to.equal('挂断');
      await expect(a).to.be.accessible();
    });
  });
});
