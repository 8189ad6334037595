/** `<rtc-participants>` in real calls over the in-page hub: a host and two participants. */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-participants.js';
import type { RtcParticipants } from './rtc-participants.component.js';
import type { RtcClient } from '../../core/rtc-client.js';
import { LoopbackCall, type Person } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };
const noMedia = { audio: false, video: false };

const query = <T extends HTMLElement = HTMLElement>(el: RtcParticipants, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const row = (el: RtcParticipants, userId: string) => query(el, `[data-user-id="${userId}"]`);
const inRow = (el: RtcParticipants, userId: string, part: string) => row(el, userId)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
/** Opens someone's host menu and picks "Remove from the call". */
async function chooseRemove(el: RtcParticipants, userId: string): Promise<void> {
  inRow(el, userId, 'actions-button')!.click();
  await el.updateComplete;
  query<HTMLButtonElement>(el, '[part~="person-menu"] [data-action="remove"]')!.click();
  await el.updateComplete;
}
const order = (el: RtcParticipants) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="person"]')].map((r) => r.dataset['userId']);
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function listFor(engine: RtcClient, lang = ''): Promise<RtcParticipants> {
  const el = document.createElement('rtc-participants');
  el.engine = engine;
  el.style.cssText = 'display:block;width:360px';
  if (lang) el.lang = lang;
  return fixture<RtcParticipants>(el);
}

describe('<rtc-participants>', function () {
  this.timeout(90_000);
  let call: LoopbackCall;
  let ann: Person;
  let bob: Person;
  let cy: Person;

  /** Ann hosts; Bob has his microphone on; Cy watches. */
  beforeEach(async () => {
    call = new LoopbackCall();
    ann = call.person('ann');
    await ann.engine.join(call.loopback.token({ room: call.roomId, user: 'ann', name: 'Ann', role: 'host' }), noMedia);
    bob = call.person('bob');
    await bob.engine.join(bob.token, { audio: true, video: false });
    cy = call.person('cy', 'Cy');
    await cy.engine.join(call.loopback.token({ room: call.roomId, user: 'cy', name: 'Cy', role: 'viewer' }), noMedia);
  });

  afterEach(async () => {
    await call.close();
  });

  it('lists everyone with their role, microphone and camera, and marks the local user', async () => {
    const el = await listFor(bob.engine);
    await waitUntil(() => order(el).length === 3, 'three people', LONG);
    expect(query(el, '[part~="heading"]')!.textContent).to.equal('People (3)');
    expect(order(el)).to.deep.equal(['bob', 'ann', 'cy']);
    expect(inRow(el, 'bob', 'name')!.textContent).to.equal('Bob (you)');
    expect(row(el, 'bob')!.getAttribute('part')).to.contain('person-local');
    expect(inRow(el, 'ann', 'role')!.textContent).to.equal('Host');
    expect(inRow(el, 'cy', 'role')!.textContent).to.equal('Viewer');
    expect(inRow(el, 'bob', 'role')).to.be.null;
    const marks = (id: string) => [...row(el, id)!.querySelectorAll('[part~="media"] [role="img"]')].map((m) => m.getAttribute('aria-label'));
    expect(marks('bob')).to.deep.equal(['Microphone on', 'Camera off']);
    expect(marks('ann')).to.deep.equal(['Microphone off', 'Camera off']);
    expect(inRow(el, 'cy', 'media'), 'viewers send nothing').to.be.null;
    expect(inRow(el, 'ann', 'actions-button'), 'only hosts get the person menu').to.be.null;
    expect(query(el, '[part~="room-menu-button"]'), 'only hosts get the room menu').to.be.null;

    await bob.engine.setMicrophone(false);
    await waitUntil(() => marks('bob')[0] === 'Microphone off', 'mute shown', LONG);
  });

  it('puts raised hands first, in the order they were raised, and lets a host lower them', async () => {
    const el = await listFor(ann.engine);
    await cy.engine.raiseHand(true);
    await waitUntil(() => ann.engine.hands.length === 1, 'cy raised', LONG);
    await bob.engine.raiseHand(true);
    await waitUntil(() => order(el).join() === 'cy,bob,ann', 'hands first, oldest first', LONG);
    expect([...el.shadowRoot!.querySelectorAll('[part~="group-heading"]')].map((h) => h.textContent)).to.deep.equal(['Raised hands', 'In the call']);
    expect(inRow(el, 'cy', 'hand')!.getAttribute('aria-label')).to.equal('Hand raised, #1');
    expect(inRow(el, 'bob', 'hand')!.getAttribute('aria-label')).to.equal('Hand raised, #2');
    expect(inRow(el, 'ann', 'hand')).to.be.null;

    // Bob sees no way to lower Cy's hand, but can lower his own.
    const bobs = await listFor(bob.engine);
    await waitUntil(() => order(bobs).join() === 'cy,bob,ann', 'bob sees the queue', LONG);
    expect(inRow(bobs, 'cy', 'lower-hand-button')).to.be.null;
    expect(inRow(bobs, 'bob', 'lower-hand-button')!.getAttribute('aria-label')).to.equal('Lower hand for Bob');

    inRow(el, 'cy', 'lower-hand-button')!.click();
    await waitUntil(() => cy.engine.hands.join() === 'bob', 'cy lowered by the host', LONG);
    await waitUntil(() => order(el).join() === 'bob,ann,cy', 'cy back in the list', LONG);
    expect(cy.engine.self.handRaised).to.be.false;
  });

  it('removes someone only after the host confirms, and lets the page veto it', async () => {
    const el = await listFor(ann.engine);
    await waitUntil(() => inRow(el, 'bob', 'actions-button'), 'remove offered', LONG);
    const requests: string[] = [];
    el.addEventListener('rtc-request-kick', (e) => {
      requests.push(e.detail.userId);
      if (requests.length === 1) e.preventDefault();
    });

    await chooseRemove(el, 'bob');
    expect(inRow(el, 'bob', 'confirm')!.textContent).to.contain('Remove Bob from the call?');
    expect(requests, 'nothing happens before the confirmation').to.deep.equal([]);
    inRow(el, 'bob', 'cancel-button')!.click();
    await el.updateComplete;
    expect(inRow(el, 'bob', 'confirm')).to.be.null;

    // Confirmed, but the page cancels the request: Bob stays.
    await chooseRemove(el, 'bob');
    inRow(el, 'bob', 'confirm-button')!.click();
    expect(requests).to.deep.equal(['bob']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bob.engine.state).to.equal('connected');

    // Confirmed again: Bob is out.
    const left = new Promise<string>((resolve) => bob.engine.once('left', ({ reason }) => resolve(reason)));
    await chooseRemove(el, 'bob');
    inRow(el, 'bob', 'confirm-button')!.click();
    expect(await left).to.equal('kicked');
    await waitUntil(() => !row(el, 'bob'), 'bob gone from the list', LONG);
  });

  it('works by keyboard alone: the menu opens on its first item, End reaches Remove, the confirmation takes focus, Escape backs out', async () => {
    const el = await listFor(ann.engine);
    await waitUntil(() => inRow(el, 'cy', 'actions-button'), 'menus offered', LONG);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(focused(), 'the room menu first').to.equal(query(el, '[part~="room-menu-button"]'));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(inRow(el, 'bob', 'actions-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('role') === 'menuitem', 'focus in the menu', LONG);
    await sendKeys({ press: 'End' });
    expect((focused() as HTMLElement).dataset['action']).to.equal('remove');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(), 'the safe choice is focused').to.equal(inRow(el, 'bob', 'cancel-button'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(inRow(el, 'bob', 'confirm')).to.be.null;
    expect(focused()).to.equal(inRow(el, 'bob', 'actions-button'));

    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(inRow(el, 'cy', 'actions-button'));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => focused()?.getAttribute('role')?.startsWith('menuitem'), 'focus in the menu', LONG);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused()).to.equal(inRow(el, 'cy', 'confirm-button'));
    const left = new Promise<string>((resolve) => cy.engine.once('left', ({ reason }) => resolve(reason)));
    await sendKeys({ press: 'Enter' });
    expect(await left).to.equal('kicked');
    await el.updateComplete;
    expect(focused(), 'focus does not fall off the page').to.equal(query(el, '[part~="heading"]'));
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`is accessible (${lang}), with hands raised and a confirmation open`, async () => {
      const el = await listFor(ann.engine, lang);
      await bob.engine.raiseHand(true);
      await waitUntil(() => inRow(el, 'bob', 'hand') && inRow(el, 'cy', 'actions-button'), 'hand shown', LONG);
      await chooseRemove(el, 'cy');
      if (lang === 'zh-CN') {
        expect(query(el, '[part~="heading"]')!.textContent).to.equal('参会者（3）');
        expect(inRow(el, 'bob', 'hand')!.getAttribute('aria-label')).to.equal('已举手，第 1 位');
        expect(inRow(el, 'cy', 'confirm')!.textContent).to.contain('将 Cy 移出通话？');
        expect(inRow(el, 'ann', 'name')!.textContent).to.equal('Ann（我）');
      }
      await expect(el).to.be.accessible();
    });
  }

  it('keeps every row the same shape at a narrow panel width: names whole, buttons beside them in columns', async () => {
    // As the host Ann, with her own hand raised and that of someone with a long name, in Chinese too.
    const dee = call.person('dee', 'Deborah Fitzgerald-Nakamura');
    await dee.engine.join(dee.token, noMedia);
    await ann.engine.raiseHand(true);
    await dee.engine.raiseHand(true);
    for (const lang of ['en', 'zh-CN']) {
      const el = await listFor(ann.engine, lang);
      el.style.width = '300px';
      await waitUntil(() => order(el).join() === 'ann,dee,bob,cy', 'hands first', LONG);
      await el.updateComplete;
      const rows = ['ann', 'dee', 'bob', 'cy'].map((id) => row(el, id)!);
      for (const r of rows) {
        const name = r.querySelector<HTMLElement>('[part~="name"]')!;
        expect(name.scrollWidth <= name.clientWidth && name.scrollHeight <= name.clientHeight, `${name.textContent} shown whole`).to.be.true;
        const avatar = r.querySelector('[part~="avatar"]')!.getBoundingClientRect();
        for (const b of r.querySelectorAll('button')) {
          const middle = b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2;
          expect(middle > avatar.top && middle < avatar.bottom, `${b.getAttribute('aria-label')} beside the name`).to.be.true;
        }
      }
      const edges = (part: string, side: 'left' | 'right') =>
        rows.map((r) => r.querySelector(`[part~="${part}"]`)?.getBoundingClientRect()[side]).filter((x) => x !== undefined);
      expect(new Set(edges('actions-button', 'right')).size, 'menu buttons in one column').to.equal(1);
      expect(new Set(edges('lower-hand-button', 'left')).size, 'lower-hand buttons in one column').to.equal(1);
      expect(edges('lower-hand-button', 'left')).to.have.length(2);
      const lower = inRow(el, 'ann', 'lower-hand-button')!;
      expect(lower.title).to.equal(lang === 'en' ? 'Lower hand for Ann' : '为 Ann 放下手');
    }
  });
});
