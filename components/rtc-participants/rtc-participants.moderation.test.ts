/** `<rtc-participants>` as a host's console, in real calls over the in-page hub: person menus, the room menu, the waiting list. */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-participants.js';
import type { RtcParticipants } from './rtc-participants.component.js';
import type { RtcClient } from '../../core/rtc-client.js';
import { LoopbackCall, type Person } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };
const noMedia = { audio: false, video: false };

const query = <T extends HTMLElement = HTMLElement>(el: RtcParticipants, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const inRow = (el: RtcParticipants, userId: string, part: string) =>
  query(el, `[data-user-id="${userId}"]`)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
const items = (el: RtcParticipants) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="menu"] [part~="menu-item"]')];
const labels = (el: RtcParticipants) => items(el).map((item) => item.textContent!.trim());
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
};

async function listFor(engine: RtcClient, lang = ''): Promise<RtcParticipants> {
  const el = document.createElement('rtc-participants');
  el.engine = engine;
  el.style.cssText = 'display:block;width:360px';
  if (lang) el.lang = lang;
  return fixture<RtcParticipants>(el);
}

async function openPersonMenu(el: RtcParticipants, userId: string): Promise<void> {
  inRow(el, userId, 'actions-button')!.click();
  await waitUntil(() => query(el, '[part~="person-menu"]'), 'menu open', LONG);
}

async function openRoomMenu(el: RtcParticipants): Promise<void> {
  query<HTMLButtonElement>(el, '[part~="room-menu-button"]')!.click();
  await waitUntil(() => query(el, '[part~="room-menu"]'), 'room menu open', LONG);
}

function pick(el: RtcParticipants, text: string): void {
  const item = items(el).find((i) => i.textContent!.trim() === text);
  if (!item) throw new Error(`no item "${text}" in ${labels(el).join(' | ')}`);
  item.click();
}

describe('<rtc-participants> for a host', function () {
  this.timeout(90_000);
  let call: LoopbackCall;
  let ann: Person;
  let bob: Person;
  let cy: Person;

  /** Ann hosts; Bob speaks with his microphone on; Cy watches. */
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

  it('offers per person only what fits: mute what is on, ask for what is off, a role, remove; nothing for the host herself', async () => {
    const el = await listFor(ann.engine);
    await waitUntil(() => inRow(el, 'cy', 'actions-button'), 'menus', LONG);
    expect(inRow(el, 'ann', 'actions-button'), 'no menu on her own row').to.be.null;
    await openPersonMenu(el, 'bob');
    expect(labels(el)).to.deep.equal(['Mute microphone', 'Ask to turn on camera', 'Host', 'Speaker', 'Viewer (audience)', 'Remove from the call']);
    const checked = items(el).filter((i) => i.getAttribute('aria-checked') === 'true').map((i) => i.textContent!.trim());
    expect(checked, 'his role is the checked one').to.deep.equal(['Speaker']);
    await sendKeys({ press: 'Escape' });
    await openPersonMenu(el, 'cy');
    expect(labels(el), 'a viewer sends nothing to mute').to.deep.equal(['Host', 'Speaker', 'Viewer (audience)', 'Remove from the call']);
  });

  it('mutes someone at the source, asks them to unmute, and moves a viewer up to speak', async () => {
    const el = await listFor(ann.engine);
    const bobsView = await listFor(bob.engine);
    await waitUntil(() => inRow(el, 'bob', 'actions-button'), 'menu', LONG);
    const muted = new Promise((resolve) => bob.engine.once('muted', resolve));
    await openPersonMenu(el, 'bob');
    pick(el, 'Mute microphone');
    await muted;
    expect(bob.engine.self.media.audio, 'off at the source').to.be.false;
    expect(bob.engine.self.stream?.getAudioTracks().every((track) => !track.enabled)).to.be.true;
    await waitUntil(() => query(el, '[data-user-id="bob"] [part~="media"] [role="img"]')?.getAttribute('aria-label') === 'Microphone off', 'shown muted', LONG);
    expect(focused(), 'focus back on the menu button').to.equal(inRow(el, 'bob', 'actions-button'));

    const asked = new Promise<{ kind: string }>((resolve) => bob.engine.once('unmute-request', resolve));
    await openPersonMenu(el, 'bob');
    pick(el, 'Ask to turn on microphone');
    expect((await asked).kind).to.equal('audio');
    expect(bob.engine.self.media.audio, 'nothing opened by itself').to.be.false;

    await openPersonMenu(el, 'cy');
    pick(el, 'Speaker');
    await waitUntil(() => cy.engine.self.role === 'participant', 'cy promoted', LONG);
    await waitUntil(() => inRow(bobsView, 'cy', 'role') === null, 'everyone sees the new role', LONG);
    await openPersonMenu(el, 'cy');
    expect(labels(el).slice(0, 2), 'a speaker now: asked, never opened').to.deep.equal(['Ask to turn on microphone', 'Ask to turn on camera']);
  });

  it('offers a host Record on the server; in a mesh room it says why it cannot (recording-unavailable)', async () => {
    const el = await listFor(ann.engine);
    await waitUntil(() => query(el, '[part~="room-menu-button"]'), 'ready', LONG);
    await openRoomMenu(el);
    const record = items(el).find((i) => i.textContent!.trim() === 'Record on the server')!;
    expect(record.getAttribute('role')).to.equal('menuitemcheckbox');
    expect(record.getAttribute('aria-checked'), 'not recording').to.equal('false');
    const refused = new Promise<string>((resolve) => el.addEventListener('rtc-error', (event) => resolve(event.detail.code), { once: true }));
    pick(el, 'Record on the server');
    expect(await refused).to.equal('recording-unavailable');
    expect(ann.engine.roomState?.serverRecording, 'nobody is told it records').to.equal(null);
  });

  it('runs the room from its menu: mute everyone with hold, lock, waiting room, title; a participant gets no menu', async () => {
    const el = await listFor(ann.engine);
    const bobsView = await listFor(bob.engine);
    await waitUntil(() => query(el, '[part~="room-menu-button"]') && inRow(bobsView, 'ann', 'name'), 'ready', LONG);
    expect(query(bobsView, '[part~="room-menu-button"]'), 'no room menu for a participant').to.be.null;
    expect(inRow(bobsView, 'cy', 'actions-button'), 'no person menu for a participant').to.be.null;

    await openRoomMenu(el);
    expect(labels(el)).to.deep.equal(['Mute everyone', 'Turn everyone’s camera off', 'Keep everyone muted', 'Audio only for everyone', 'Lock the room',
      'Waiting room for newcomers', 'Change the title', 'Record on the server', 'End the meeting for everyone']);
    pick(el, 'Keep everyone muted');
    await waitUntil(() => bob.engine.roomState?.held.audio === true && !bob.engine.self.media.audio, 'held and muted', LONG);
    let refused = '';
    await bob.engine.setMicrophone(true).catch((error: { code: string }) => (refused = error.code));
    expect(refused, 'no unmuting under the hold').to.equal('not-allowed');
    await openRoomMenu(el);
    expect(items(el).find((i) => i.textContent!.trim() === 'Keep everyone muted')!.getAttribute('aria-checked')).to.equal('true');
    pick(el, 'Keep everyone muted');
    await waitUntil(() => bob.engine.roomState?.held.audio === false, 'hold released', LONG);

    // Audio only for everyone: cameras go off, the host's own too, and stay off until it is lifted.
    await openRoomMenu(el);
    pick(el, 'Audio only for everyone');
    await waitUntil(() => bob.engine.roomState?.audioOnly === true && !bob.engine.self.media.video && !ann.engine.self.media.video,
      'every camera off', LONG);
    refused = '';
    await bob.engine.setCamera(true).catch((error: { code: string }) => (refused = error.code));
    expect(refused, 'no camera in an audio-only call').to.equal('not-allowed');
    await openRoomMenu(el);
    expect(items(el).find((i) => i.textContent!.trim() === 'Audio only for everyone')!.getAttribute('aria-checked')).to.equal('true');
    pick(el, 'Audio only for everyone');
    await waitUntil(() => bob.engine.roomState?.audioOnly === false, 'video allowed again', LONG);
    await bob.engine.setCamera(true);

    await openRoomMenu(el);
    pick(el, 'Lock the room');
    await waitUntil(() => ann.engine.roomState?.locked === true, 'locked', LONG);
    await openRoomMenu(el);
    pick(el, 'Waiting room for newcomers');
    await waitUntil(() => ann.engine.roomState?.lobby === true, 'lobby on', LONG);

    await openRoomMenu(el);
    pick(el, 'Change the title');
    await el.updateComplete;
    const input = query<HTMLInputElement>(el, '[part~="title-input"]')!;
    expect(focused(), 'the field takes focus').to.equal(input);
    input.value = 'Weekly sync';
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bob.engine.roomState?.title === 'Weekly sync', 'everyone has the title', LONG);
    expect(query(el, '[part~="title-form"]')).to.be.null;
    expect(focused()).to.equal(query(el, '[part~="room-menu-button"]'));
  });

  it('ends the meeting for everyone only after the confirmation', async () => {
    const el = await listFor(ann.engine);
    await waitUntil(() => query(el, '[part~="room-menu-button"]'), 'menu', LONG);
    await openRoomMenu(el);
    pick(el, 'End the meeting for everyone');
    await waitUntil(() => query<HTMLDialogElement>(el, '[part~="end-dialog"]')?.open, 'asked first', LONG);
    expect(query(el, '[part~="end-dialog"]')!.textContent).to.contain('End the meeting for everyone?');
    expect(focused(), 'the safe choice is focused').to.equal(query(el, '[part~="end-cancel"]'));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !query(el, '[part~="end-dialog"]'), 'closed', LONG);
    expect(focused()).to.equal(query(el, '[part~="room-menu-button"]'));
    expect(bob.engine.state).to.equal('connected');

    const left = new Promise<string>((resolve) => bob.engine.once('left', ({ reason }) => resolve(reason)));
    await openRoomMenu(el);
    pick(el, 'End the meeting for everyone');
    await waitUntil(() => query(el, '[part~="end-confirm"]'), 'asked', LONG);
    query<HTMLButtonElement>(el, '[part~="end-confirm"]')!.click();
    expect(await left).to.equal('ended');
  });

  it('lists who waits in the lobby, and admits or denies each', async () => {
    await ann.engine.setLobby(true);
    const el = await listFor(ann.engine);
    const dee = call.person('dee', 'Dee');
    const eve = call.person('eve', 'Eve');
    const deeIn = dee.engine.join(dee.token, noMedia);
    const eveIn = eve.engine.join(eve.token, noMedia).then(() => 'joined', (error: { code: string }) => error.code);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="waiting-person"]').length === 2, 'both wait', LONG);
    expect(query(el, '[part~="waiting-heading"]')!.textContent).to.equal('Waiting to join (2)');
    expect(inRow(el, 'dee', 'name'), 'not in the call yet').to.be.null;
    const admit = query<HTMLButtonElement>(el, '[data-waiting-id="dee"] [part~="admit-button"]')!;
    expect(admit.getAttribute('aria-label')).to.equal('Admit Dee');
    admit.click();
    await deeIn;
    await waitUntil(() => inRow(el, 'dee', 'name'), 'dee in the call', LONG);
    await waitUntil(() => focused() === query(el, '[data-waiting-id="eve"] [part~="admit-button"]'), 'focus on the next one', LONG);
    query<HTMLButtonElement>(el, '[data-waiting-id="eve"] [part~="deny-button"]')!.click();
    expect(await eveIn).to.equal('denied');
    await waitUntil(() => !query(el, '[part~="waiting-heading"]'), 'nobody waits', LONG);
    expect(focused()).to.equal(query(el, '[part~="heading"]'));

    // Bob may not admit: he never sees the list.
    const bobsView = await listFor(bob.engine);
    const fay = call.person('fay', 'Fay');
    void fay.engine.join(fay.token, noMedia).catch(() => {});
    await waitUntil(() => query(el, '[data-waiting-id="fay"]'), 'fay waits', LONG);
    expect(query(bobsView, '[part~="waiting-list"]')).to.be.null;
  });

  it('keeps the room menu to the keyboard: arrows, Escape back to its button', async () => {
    const el = await listFor(ann.engine);
    await waitUntil(() => query(el, '[part~="room-menu-button"]'), 'menu', LONG);
    query(el, '[part~="room-menu-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.dataset['choice'] === 'mute-all', 'first item focused', LONG);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()!.dataset['choice'], 'wraps to the last').to.equal('end');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()!.dataset['choice']).to.equal('camera-all');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(query(el, '[part~="room-menu"]')).to.be.null;
    expect(focused()).to.equal(query(el, '[part~="room-menu-button"]'));
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`is accessible (${lang}) with people waiting and each menu open`, async () => {
      await ann.engine.setLobby(true);
      const dee = call.person('dee', 'Dee');
      void dee.engine.join(dee.token, noMedia).catch(() => {});
      const el = await listFor(ann.engine, lang);
      await waitUntil(() => query(el, '[part~="waiting-person"]'), 'dee waits', LONG);
      await openRoomMenu(el);
      if (lang === 'zh-CN') {
        expect(query(el, '[part~="waiting-heading"]')!.textContent).to.equal('等待加入（1）');
        expect(labels(el)[0]).to.equal('全员静音');
        expect(query(el, '[part~="room-menu-button"]')!.getAttribute('aria-label')).to.equal('会议管理');
      }
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await openPersonMenu(el, 'bob');
      if (lang === 'zh-CN') expect(labels(el)[0]).to.equal('静音麦克风');
      await expect(el).to.be.accessible();
    });
  }
});
