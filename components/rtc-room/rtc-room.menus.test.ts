/**
 * Menus in a live call, clicked with the real mouse: an item is seen (and hit) only where it stays, so
 * a click on it never lands on the video tile under the page's corner, at desktop and phone sizes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import type { RtcControls } from '../rtc-controls/rtc-controls.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import { LoopbackCall, videoPlays } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };
const bar = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcControls>('rtc-controls')!;
const gridOf = (room: RtcRoom) => room.shadowRoot!.querySelector('rtc-video-grid');
const tileOf = (room: RtcRoom, userId: string) =>
  gridOf(room)?.shadowRoot?.querySelector<RtcVideoTile>(`rtc-video-tile[user-id="${userId}"]:not([screen])`);
const items = (room: RtcRoom) => [...bar(room).shadowRoot!.querySelectorAll<HTMLElement>('[role="menu"] [part~="menu-item"]')];

/** The element a pointer at (x, y) reaches, through every shadow root. */
function hitAt(x: number, y: number): Element | null {
  let hit: Element | null = null;
  for (let root: Document | ShadowRoot | null = document; root; ) {
    const next: Element | null = root.elementFromPoint(x, y);
    if (!next || next === hit) break;
    hit = next;
    root = next.shadowRoot;
  }
  return hit;
}

const centre = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
};
const rectOf = (element: Element) => JSON.stringify(element.getBoundingClientRect());

/** Whether a person can see the item and a pointer can hit it. */
const usable = (item: HTMLElement) =>
  item.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && item.contains(hitAt(...centre(item)));

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Opens a menu with a real click on `trigger`, noting where its first item could be used the moment it
 * entered the page (null: it could not), then waits until it shows and holds still, as a person would.
 */
async function openWithMouse(room: RtcRoom, trigger: HTMLElement): Promise<{ atFirstRender: string | null }> {
  let atFirstRender: string | null | undefined;
  const observer = new MutationObserver(() => {
    const first = items(room)[0];
    if (!first || atFirstRender !== undefined) return;
    atFirstRender = usable(first) ? rectOf(first) : null;
  });
  observer.observe(bar(room).shadowRoot!, { childList: true, subtree: true });
  await sendMouse({ type: 'click', position: centre(trigger) });
  let last = '';
  await waitUntil(async () => {
    const first = items(room)[0];
    if (!first || !usable(first)) return false;
    const now = rectOf(first);
    await frame();
    const still = now === rectOf(first) && now === last;
    last = now;
    return still;
  }, 'the menu shows and holds still', LONG);
  observer.disconnect();
  expect(atFirstRender, 'seen as it rendered').not.to.equal(undefined);
  return { atFirstRender: atFirstRender! };
}

describe('<rtc-room> menus under a real mouse', function () {
  this.timeout(120_000);
  let call: LoopbackCall;

  beforeEach(() => {
    call = new LoopbackCall();
  });

  afterEach(async () => {
    await resetMouse();
    await call.close();
    await setViewport({ width: 800, height: 600 });
  });

  const sizes = [
    { name: 'desktop', viewport: { width: 1000, height: 700 }, style: 'display:block;width:640px;height:480px' },
    { name: 'phone', viewport: { width: 390, height: 760 }, style: 'display:block;width:390px;height:700px' },
  ];
  for (const size of sizes) {
    it(`a click on a More-menu item or a device-menu item runs it, never the video under it (${size.name})`, async () => {
      await setViewport(size.viewport);
      const a = await fixture<RtcRoom>(html`<rtc-room style=${size.style}></rtc-room>`);
      call.seat(a, call.person('alice'));
      const b = await fixture<RtcRoom>(html`<rtc-room style="display:block;width:200px;height:150px"></rtc-room>`);
      call.seat(b, call.person('bob'));
      await a.join();
      await b.join();
      await waitUntil(() => tileOf(a, 'bob') && tileOf(a, 'alice'), 'both tiles', LONG);
      await videoPlays(tileOf(a, 'bob')!.shadowRoot!.querySelector<HTMLVideoElement>('[part~="video"]')!);
      const tileClicks: EventTarget[] = [];
      gridOf(a)!.addEventListener('click', (event) => tileClicks.push(event.composedPath()[0]!));

      const more = bar(a).shadowRoot!.querySelector<HTMLElement>('[part~="button-more"]')!;
      const opened = await openWithMouse(a, more);
      const people = items(a).find((item) => item.textContent!.trim() === 'People')!;
      expect(opened.atFirstRender, 'the menu is never usable anywhere but where it stays').to.be.oneOf([null, rectOf(items(a)[0]!)]);
      expect(hitAt(...centre(people)), 'the item is on top of the video').to.equal(people.querySelector('.menu-label'));
      await sendMouse({ type: 'click', position: centre(people) });
      await waitUntil(() => a.panel === 'people', 'the click ran the item: the people panel opens', LONG);

      a.panel = null;
      const microphoneMenu = bar(a).shadowRoot!.querySelector<HTMLElement>('[data-action="microphone"] [part~="menu-button"]')!;
      const devices = await openWithMouse(a, microphoneMenu);
      expect(devices.atFirstRender, 'the device menu too').to.be.oneOf([null, rectOf(items(a)[0]!)]);
      const microphone = items(a).find((item) => item.getAttribute('aria-checked') === 'true')!;
      expect(microphone.contains(hitAt(...centre(microphone)))).to.equal(true);
      await sendMouse({ type: 'click', position: centre(microphone) });
      await waitUntil(() => items(a).length === 0, 'the click chose the microphone and closed the menu', LONG);
      expect(tileClicks, 'no click reached a tile').to.deep.equal([]);
    });
  }
});
