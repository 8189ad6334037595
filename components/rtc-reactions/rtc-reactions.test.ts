/** `<rtc-reactions>` in a real call over the in-page hub. */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-reactions.js';
import type { RtcReactions } from './rtc-reactions.component.js';
import type { RtcClient } from '../../core/rtc-client.js';
import type { RtcClientEvents } from '../../core/types.js';
import { LoopbackCall, type Person } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };
const noMedia = { audio: false, video: false };

const part = <T extends HTMLElement = HTMLButtonElement>(el: RtcReactions, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function reactionsFor(engine: RtcClient, attrs: Record<string, string> = {}): Promise<RtcReactions> {
  const el = document.createElement('rtc-reactions');
  el.engine = engine;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return fixture<RtcReactions>(el);
}

describe('<rtc-reactions>', function () {
  this.timeout(60_000);
  let call: LoopbackCall;
  let alice: Person;
  let bob: Person;

  beforeEach(async () => {
    call = new LoopbackCall();
    alice = await call.joined('alice');
    bob = await call.joined('bob');
  });

  afterEach(async () => {
    await call.close();
  });

  it('raises and lowers the hand, and shows it with aria-pressed', async () => {
    const el = await reactionsFor(alice.engine);
    const hand = part(el, 'hand-button')!;
    expect(hand.getAttribute('aria-pressed')).to.equal('false');
    expect(hand.title).to.equal('Raise hand');
    hand.click();
    await waitUntil(() => hand.getAttribute('aria-pressed') === 'true', 'hand up', LONG);
    expect(bob.engine.hands).to.deep.equal(['alice'], 'the server queued it for everyone');
    expect(hand.title).to.equal('Lower hand');
    hand.click();
    await waitUntil(() => bob.engine.hands.length === 0, 'hand down for bob', LONG);
    await waitUntil(() => hand.getAttribute('aria-pressed') === 'false', 'hand down', LONG);
  });

  it('sends a reaction by keyboard alone, and the picker gives focus back', async () => {
    const el = await reactionsFor(alice.engine);
    const received: RtcClientEvents['reaction'][] = [];
    bob.engine.on('reaction', (detail) => received.push(detail));
    (document.activeElement as HTMLElement | null)?.blur();

    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part(el, 'hand-button'));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part(el, 'reactions-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('role') === 'menuitem', 'focus in the picker');
    expect(part(el, 'reactions-button')!.getAttribute('aria-expanded')).to.equal('true');
    expect(focused()!.getAttribute('aria-label')).to.equal('Thumbs up');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()!.getAttribute('aria-label')).to.equal('Applause');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()!.getAttribute('aria-label')).to.equal('Wave', 'arrows wrap around');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'menu')).to.be.null;
    expect(focused()).to.equal(part(el, 'reactions-button'));

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('role') === 'menuitem', 'picker open again');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => received.length === 1, 'bob got the reaction', LONG);
    expect(received[0]).to.include({ from: 'alice', emoji: '👏' });
    await el.updateComplete;
    expect(part(el, 'menu')).to.be.null;
    expect(focused()).to.equal(part(el, 'reactions-button'));
  });

  it('offers every reaction the server accepts', async () => {
    const el = await reactionsFor(alice.engine);
    const received: string[] = [];
    bob.engine.on('reaction', ({ emoji }) => received.push(emoji));
    const errors: unknown[] = [];
    alice.engine.on('error', (detail) => errors.push(detail));
    part(el, 'reactions-button')!.click();
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="menu-item"]')];
    expect(items.length).to.be.within(6, 8);
    const emoji = items.map((item) => item.textContent);
    for (let i = 0; i < emoji.length; i++) {
      if (i > 0) {
        part(el, 'reactions-button')!.click();
        await el.updateComplete;
      }
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="menu-item"]')[i]!.click();
      await el.updateComplete;
    }
    await waitUntil(() => received.length === items.length, 'all delivered', LONG);
    expect(received).to.deep.equal(emoji);
    expect(errors).to.deep.equal([]);
  });

  it('shows only what it is asked to, and waits for the call', async () => {
    const carol = call.person('carol');
    const el = await reactionsFor(carol.engine, { 'no-reactions': '' });
    expect(part(el, 'reactions-button')).to.be.null;
    expect(part(el, 'hand-button')!.disabled, 'not in the call yet').to.be.true;
    await carol.engine.join(carol.token, noMedia);
    await el.updateComplete;
    expect(part(el, 'hand-button')!.disabled).to.be.false;
    el.noReactions = false;
    el.noHand = true;
    await el.updateComplete;
    expect(part(el, 'hand-button')).to.be.null;
    expect(part(el, 'reactions-button')).to.exist;
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`is accessible (${lang}), with the picker open`, async () => {
      const el = await reactionsFor(alice.engine, { lang });
      part(el, 'reactions-button')!.click();
      await el.updateComplete;
      if (lang === 'zh-CN') {
        expect(part(el, 'hand-button')!.getAttribute('aria-label')).to.equal('举手');
        expect(part(el, 'menu')!.getAttribute('aria-label')).to.equal('表情回应');
        expect(part(el, 'menu-item')!.getAttribute('aria-label')).to.equal('赞');
      }
      await expect(el).to.be.accessible();
    });
  }
});
