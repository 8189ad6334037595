/** Each element standing alone with its own `engine` (no `<rtc-room>` around it), in a real call over the in-page hub. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './rtc-video-grid/rtc-video-grid.js';
import './rtc-video-tile/rtc-video-tile.js';
import './rtc-controls/rtc-controls.js';
import type { RtcControls } from './rtc-controls/rtc-controls.component.js';
import type { RtcVideoGrid } from './rtc-video-grid/rtc-video-grid.component.js';
import type { RtcVideoTile } from './rtc-video-tile/rtc-video-tile.component.js';
import { LoopbackCall, videoPlays, type Person } from './internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };

describe('elements standing alone with an engine', function () {
  this.timeout(120_000);
  let call: LoopbackCall;
  let alice: Person;
  let bob: Person;

  beforeEach(async () => {
    call = new LoopbackCall();
    alice = await call.joined('alice', {});
    bob = await call.joined('bob', {});
  });

  afterEach(async () => {
    await call.close();
  });

  it('a grid shows the engine participants with live video', async () => {
    const grid = await fixture<RtcVideoGrid>(html`<rtc-video-grid .engine=${alice.engine} style="width:640px;height:360px"></rtc-video-grid>`);
    const tiles = () => [...grid.shadowRoot!.querySelectorAll<RtcVideoTile>('rtc-video-tile')];
    await waitUntil(() => tiles().length === 2, 'two tiles', LONG);
    expect(tiles().map((t) => t.userId)).to.deep.equal(['alice', 'bob']);
    await videoPlays(tiles()[1]!.shadowRoot!.querySelector('video')!);
    await bob.engine.leave();
    await waitUntil(() => tiles().length === 1, 'bob gone', LONG);
  });

  it('a tile rings while its participant speaks, from the engine audio levels', async () => {
    // The synthetic microphone talks in 0.6 s bursts.
    const tile = await fixture<RtcVideoTile>(html`<rtc-video-tile user-id="bob" .engine=${alice.engine} style="width:320px;height:180px"></rtc-video-tile>`);
    const ring = () => getComputedStyle(tile.shadowRoot!.querySelector('[part~="base"]')!, '::after').boxShadow;
    await waitUntil(() => tile.hasAttribute('speaking') && ring().endsWith('3px inset'), 'speaking, with the ring', LONG);
    await waitUntil(() => !tile.hasAttribute('speaking') && ring().endsWith('0px inset'), 'quiet between bursts, no ring', LONG);
  });

  it('controls act on the engine: microphone, camera and the device menus', async () => {
    const el = await fixture<RtcControls>(html`<rtc-controls .engine=${alice.engine} style="margin-top:300px"></rtc-controls>`);
    const button = (action: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="button-${action}"]`)!;
    await waitUntil(() => button('microphone')?.getAttribute('aria-pressed') === 'true', 'mic shown on');
    expect(button('layout'), 'room-only buttons are left out').to.be.null;
    button('microphone').click();
    await waitUntil(() => bob.engine.participants.get('alice')?.media.audio === false, 'bob hears alice muted', LONG);
    await waitUntil(() => button('microphone').getAttribute('aria-pressed') === 'false');

    // Two synthetic cameras: switch-camera shows, and the camera menu picks the second one.
    await waitUntil(() => button('switch-camera'), 'switch-camera with two cameras', LONG);
    const cameraMenu = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="menu-button"]')[1]!;
    cameraMenu.click();
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Synthetic camera 1', 'Synthetic camera 2']);
    expect(items[0]!.getAttribute('aria-checked')).to.equal('true');
    const before = alice.engine.selectedDevices.camera;
    items[1]!.click();
    await waitUntil(() => alice.engine.selectedDevices.camera !== before, 'camera switched', LONG);
    cameraMenu.click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="menuitemradio"]')[1]?.getAttribute('aria-checked') === 'true', 'menu shows the new camera');
  });
});
