/** The room's controls on phone and desktop screens, in real calls over the in-page hub: nothing off-screen, the rest in More. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../rtc-room/rtc-room.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import type { RtcControls } from './rtc-controls.component.js';
import { LoopbackCall, type Person } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };

const controls = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcControls>('rtc-controls');
const part = (room: RtcRoom, name: string) => controls(room)?.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
/** Every button of the bar, those of the nested hand and reaction toggles included. */
const barButtons = (room: RtcRoom) => {
  const bar = controls(room)!.shadowRoot!;
  const nested = [...bar.querySelectorAll('rtc-reactions')].flatMap((r) => [...r.shadowRoot!.querySelectorAll('button')]);
  return [...bar.querySelectorAll<HTMLElement>('[part~="base"] button'), ...nested];
};
/** The item of the open More menu with this accessible name. */
const menuItem = (room: RtcRoom, name: string) =>
  [...controls(room)!.shadowRoot!.querySelectorAll<HTMLElement>('.more-menu [part~="menu-item"]')].find(
    (item) => (item.getAttribute('aria-label') ?? item.textContent!.trim()) === name,
  );
/** Resolves once a frame was drawn. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('<rtc-controls> in a room on a phone', function () {
  this.timeout(120_000);
  let call: LoopbackCall;
  let bob: Person;
  /** Errors the page reported, such as a ResizeObserver loop (a measure → render cycle that never settles). */
  let pageErrors: string[];
  const onError = (event: ErrorEvent) => pageErrors.push(event.message);

  /** Alice's room covers the viewport (as on a phone); Bob is in the call too. */
  async function aliceRoom(width: number): Promise<RtcRoom> {
    await setViewport({ width, height: 720 });
    const room = await fixture<RtcRoom>(html`<rtc-room style="position:fixed;inset:0;width:auto;height:auto"></rtc-room>`);
    call.seat(room, call.person('alice'));
    bob = call.person('bob');
    await Promise.all([room.join(), bob.engine.join(bob.token, { audio: false, video: false })]);
    await waitUntil(() => part(room, 'button-hangup'), 'the controls', LONG);
    return room;
  }

  beforeEach(() => {
    call = new LoopbackCall();
    pageErrors = [];
    window.addEventListener('error', onError);
  });

  afterEach(async () => {
    window.removeEventListener('error', onError);
    await call.close();
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 375, 1024]) {
    it(`keeps every button inside a ${width} px screen, hang up included`, async () => {
      const room = await aliceRoom(width);
      // The cameras are listed once the call is up: switch-camera joins the bar then.
      await waitUntil(() => part(room, 'button-switch-camera'), 'two cameras', LONG);
      // The hand and reaction toggles are a chunk loaded on first use: measure once it is in, as a person sees the bar.
      await customElements.whenDefined('rtc-reactions');
      await Promise.all([...controls(room)!.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('rtc-reactions')].map((r) => r.updateComplete));
      await nextFrame();
      for (const button of barButtons(room)) {
        const rect = button.getBoundingClientRect();
        expect(rect.left >= 0 && rect.right <= width && rect.top >= 0 && rect.bottom <= 720, button.outerHTML).to.be.true;
      }
      expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.equal(width);
      const hangup = part(room, 'button-hangup')!.getBoundingClientRect();
      const hit = controls(room)!.shadowRoot!.elementFromPoint(hangup.x + hangup.width / 2, hangup.y + hangup.height / 2);
      expect(hit?.closest('[part~="button-hangup"]'), 'hang up is visible, nothing covers it').to.exist;
      // The room's More button is always there (recording, picture-in-picture); other actions move into it only when needed.
      expect(!!part(room, 'button-more'), 'the More button').to.equal(true);
      expect(!!part(room, 'button-people'), 'the last action moves only when needed').to.equal(width >= 1024);
      expect(pageErrors).to.deep.equal([]);
    });
  }

  it('runs the moved actions from the More menu by keyboard: raise a hand, react, open the chat, switch layout', async () => {
    const room = await aliceRoom(320);
    const more = () => part(room, 'button-more')!;
    const openMore = async () => {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused()?.getAttribute('role')?.startsWith('menuitem'), 'focus in the menu');
    };
    /** Arrows down to an item (what comes before it depends on the devices, so count nothing). */
    const arrowTo = async (name: string) => {
      for (let i = 0; i < 20 && focused() !== menuItem(room, name); i++) await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal(menuItem(room, name));
    };
    const reactions: string[] = [];
    bob.engine.on('reaction', ({ from, emoji }) => reactions.push(`${from} ${emoji}`));
    await waitUntil(() => part(room, 'button-more'), 'a More button', LONG);
    more().focus();

    await openMore();
    await arrowTo('Raise hand');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bob.engine.hands.includes('alice'), 'bob sees the hand', LONG);
    expect(focused(), 'focus back on More').to.equal(more());
    await waitUntil(() => more().getAttribute('aria-label') === 'More actions, 1 new', 'the hand counted on More', LONG);

    // A reaction: the emoji follow.
    await openMore();
    expect(menuItem(room, 'Raise hand')!.getAttribute('aria-checked')).to.equal('true');
    await arrowTo('Thumbs up');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(menuItem(room, 'Applause'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => reactions.includes('alice 👏'), 'bob got the reaction', LONG);

    // The chat: it opens with focus in its text box; Escape gives focus back to More.
    await bob.engine.sendMessage('Hi Alice');
    await waitUntil(() => more().getAttribute('aria-label') === 'More actions, 2 new', 'the message counted on More', LONG);
    expect(more().querySelector('[part~="badge"]')!.textContent).to.equal('2');
    await openMore();
    await arrowTo('Chat, 1 unread');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => room.panel === 'chat' && focused()?.matches('[part~="input"]'), 'typing in the chat', LONG);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => room.panel === null, 'chat closed', LONG);
    await waitUntil(() => focused() === more(), 'focus back on More', LONG);

    // Layout.
    await openMore();
    await arrowTo('Speaker view');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => room.layout === 'speaker', 'speaker layout', LONG);
    await openMore();
    expect(menuItem(room, 'Speaker view')!.getAttribute('aria-checked')).to.equal('true');
    await sendKeys({ press: 'Escape' });

    // Wider: everything back in the bar, the hand and the layout still on.
    await setViewport({ width: 1024, height: 720 });
    await waitUntil(() => part(room, 'button-people') && part(room, 'button-layout'), 'all in the bar', LONG);
    expect(part(room, 'button-layout')!.getAttribute('aria-pressed')).to.equal('true');
    expect(pageErrors).to.deep.equal([]);
  });
});
