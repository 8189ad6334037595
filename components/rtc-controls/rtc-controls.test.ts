import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-controls.js';
import type { RtcControls } from './rtc-controls.component.js';
import type { RoomCommands } from '../context/room-commands-context.js';
import type { RoomSnapshot } from '../context/room-state-context.js';
import { RtcError } from '../../core/errors.js';
import { fakeParticipant, stopFakeMedia } from '../internal/testing/fake-media.js';
import { provideRoom, roomSnapshot } from '../internal/testing/room-provider.js';

const device = (kind: MediaDeviceKind, deviceId: string, label: string) =>
  ({ kind, deviceId, label, groupId: 'g', toJSON: () => ({}) }) as MediaDeviceInfo;

/** Records what the controls ask the room to do. */
function recordingCommands() {
  const calls: string[] = [];
  let failWith: unknown;
  const record = (name: string) => (...args: unknown[]) => {
    calls.push([name, ...args.map(String)].join(' ').trim());
    return failWith ? Promise.reject(failWith) : Promise.resolve();
  };
  const commands = {
    toggleMicrophone: record('toggleMicrophone'),
    toggleCamera: record('toggleCamera'),
    toggleScreenShare: record('toggleScreenShare'),
    toggleSpeaker: record('toggleSpeaker'),
    switchCamera: record('switchCamera'),
    selectDevice: record('selectDevice'),
    setLayout: record('setLayout'),
    setFullScreen: record('setFullScreen'),
    pin: record('pin'),
    openPanel: record('openPanel'),
    toggleLocalRecording: record('toggleLocalRecording'),
    togglePictureInPicture: record('togglePictureInPicture'),
    setSound: record('setSound'),
    snapshot: () => Promise.resolve(new Blob(['x'], { type: 'image/png' })),
    hangup: record('hangup'),
    reportError: (error: unknown) => calls.push(`reportError ${(error as RtcError).code}`),
  } satisfies RoomCommands;
  return { commands, calls, fail: (error: unknown) => (failWith = error) };
}

function snapshot(overrides: Partial<RoomSnapshot> = {}, media = { audio: true, video: false, screen: false }) {
  const me = fakeParticipant('me', { local: true, media, stream: null });
  return roomSnapshot([me], {
    devices: {
      cameras: [device('videoinput', 'cam1', 'Front camera')],
      microphones: [device('audioinput', 'mic1', 'Headset'), device('audioinput', 'mic2', 'Built-in microphone')],
      speakers: [device('audiooutput', 'spk1', 'Speakers')],
    },
    selectedDevices: { microphone: 'mic2' },
    ...overrides,
  });
}

async function mount(state: RoomSnapshot, attrs = '', width = 720) {
  const host = await fixture<HTMLDivElement>(html`<div style="width:${width}px;margin-top:300px"></div>`);
  const recorder = recordingCommands();
  const room = provideRoom(host, state, recorder.commands);
  host.innerHTML = `<rtc-controls ${attrs}></rtc-controls>`;
  const el = host.firstElementChild as RtcControls;
  await el.updateComplete;
  return { el, host, room, ...recorder };
}

const button = (el: RtcControls, action: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="button-${action}"]`);
const actions = (el: RtcControls) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="button"]')].map((b) => b.getAttribute('part')!.split(' ')[1]!.slice('button-'.length));
const moreMenu = (el: RtcControls) => el.shadowRoot!.querySelector<HTMLElement>('.more-menu');
/** The More menu's items: their accessible names, and the role and state of each. */
const menuItems = (el: RtcControls) =>
  [...moreMenu(el)!.querySelectorAll<HTMLElement>('[part~="menu-item"]')].map((item) => ({
    name: item.getAttribute('aria-label') ?? item.textContent!.trim(),
    role: item.getAttribute('role'),
    checked: item.getAttribute('aria-checked'),
  }));
const activeName = (el: RtcControls) => {
  const active = el.shadowRoot!.activeElement;
  return active?.getAttribute('aria-label') ?? active?.textContent?.trim();
};

describe('<rtc-controls>', () => {
  afterEach(stopFakeMedia);

  it('shows the default buttons, labelled, with aria-pressed on toggles', async () => {
    const { el } = await mount(snapshot());
    expect(actions(el)).to.deep.equal(['microphone', 'camera', 'screen', 'layout', 'fullscreen', 'chat', 'people', 'hangup']);
    expect(button(el, 'microphone')!.getAttribute('aria-label')).to.equal('Microphone');
    expect(button(el, 'microphone')!.getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'camera')!.getAttribute('aria-pressed')).to.equal('false');
    expect(button(el, 'camera')!.title).to.equal('Turn on camera');
    expect(button(el, 'hangup')!.hasAttribute('aria-pressed')).to.be.false;
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getAttribute('aria-label'), b.outerHTML).to.not.be.empty;
  });

  it('follows the room state', async () => {
    const { el, room } = await mount(snapshot());
    room.update(snapshot({ layout: 'speaker', fullscreen: true }, { audio: false, video: true, screen: true }));
    await el.updateComplete;
    expect(button(el, 'microphone')!.getAttribute('aria-pressed')).to.equal('false');
    expect(button(el, 'camera')!.getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'screen')!.getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'layout')!.getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'fullscreen')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('runs each action from a click or the keyboard', async () => {
    const { el, calls } = await mount(snapshot(), 'actions="microphone camera speaker layout fullscreen screen"');
    button(el, 'microphone')!.click();
    button(el, 'camera')!.focus();
    await sendKeys({ press: 'Enter' });
    button(el, 'speaker')!.focus();
    await sendKeys({ press: 'Space' });
    button(el, 'layout')!.click();
    button(el, 'fullscreen')!.click();
    button(el, 'screen')!.click();
    await waitUntil(() => calls.length === 6);
    expect(calls).to.deep.equal(['toggleMicrophone', 'toggleCamera', 'toggleSpeaker', 'setLayout speaker', 'setFullScreen true', 'toggleScreenShare']);
  });

  it('chooses and orders buttons with `actions`, and places the page buttons at `slot`', async () => {
    const { el } = await mount(snapshot(), 'actions="hangup slot microphone"');
    el.innerHTML = '<button aria-label="Record">R</button>';
    expect(actions(el)).to.deep.equal(['hangup', 'microphone']);
    const bar = el.shadowRoot!.querySelector('[part~="base"]')!;
    expect([...bar.children].map((c) => c.tagName.toLowerCase())).to.deep.equal(['button', 'slot', 'div']);
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('R');
  });

  it('offers switch-camera only with two cameras, and nothing to publish for a viewer', async () => {
    const { el, room } = await mount(snapshot(), 'actions="microphone switch-camera"');
    expect(button(el, 'switch-camera')).to.be.null;
    const two = snapshot();
    room.update({ ...two, devices: { ...two.devices, cameras: [device('videoinput', 'a', 'Front'), device('videoinput', 'b', 'Back')] } });
    await el.updateComplete;
    expect(button(el, 'switch-camera')).to.exist;
    const viewer = snapshot();
    room.update({ ...viewer, self: { ...viewer.self!, role: 'viewer' }, participants: [{ ...viewer.self!, role: 'viewer' }] });
    await el.updateComplete;
    expect(actions(el)).to.deep.equal([]);
  });

  it('asks before hanging up, and stays when the page says no', async () => {
    const { el, calls } = await mount(snapshot());
    const veto = (event: Event) => event.preventDefault();
    el.addEventListener('rtc-request-leave', veto, { once: true });
    button(el, 'hangup')!.click();
    expect(calls).to.deep.equal([]);
    setTimeout(() => button(el, 'hangup')!.click());
    const request = await oneEvent(el, 'rtc-request-leave');
    expect(request.detail).to.deep.equal({ source: 'hangup' });
    expect(request.cancelable && request.bubbles && request.composed).to.be.true;
    await waitUntil(() => calls.includes('hangup'));
  });

  it('reports a failed action as an error', async () => {
    const { el, calls, fail } = await mount(snapshot());
    fail(new RtcError('permission-denied'));
    button(el, 'camera')!.click();
    await waitUntil(() => calls.includes('reportError permission-denied'));
  });

  it('opens a device menu with the keyboard, moves with arrows, selects, and returns focus', async () => {
    const { el, calls } = await mount(snapshot());
    const trigger = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="menu-button"]')[0]!;
    expect(trigger.getAttribute('aria-label')).to.equal('Audio settings');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const menu = el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Headset', 'Built-in microphone', 'Speakers']);
    await waitUntil(() => el.shadowRoot!.activeElement === items[1], 'the chosen device has focus');
    expect(items[1]!.getAttribute('aria-checked')).to.equal('true');
    // Placed above its button, inside the viewport.
    await waitUntil(() => menu.getBoundingClientRect().bottom <= trigger.getBoundingClientRect().top);
    await sendKeys({ press: 'ArrowUp' });
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => calls.includes('selectDevice microphone mic1'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.be.null;
    expect(el.shadowRoot!.activeElement).to.equal(trigger);
    // Escape closes too, and a click outside.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.be.null;
    trigger.click();
    await el.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.be.null;
  });

  it('toggles the chat and people panels, counting unread messages and raised hands', async () => {
    const { el, room, calls } = await mount(snapshot(), 'actions="chat people"');
    const badge = (action: string) => button(el, action)!.querySelector('[part~="badge"]');
    expect(button(el, 'chat')!.getAttribute('aria-pressed')).to.equal('false');
    expect(badge('chat')).to.be.null;
    button(el, 'chat')!.click();
    await waitUntil(() => calls.length === 1);
    room.update(snapshot({ panel: 'chat' }));
    await el.updateComplete;
    expect(button(el, 'chat')!.getAttribute('aria-pressed')).to.equal('true');
    button(el, 'chat')!.click();
    button(el, 'people')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => calls.length === 3);
    expect(calls).to.deep.equal(['openPanel chat', 'openPanel null', 'openPanel people']);

    room.update(snapshot({ unreadMessages: 3, hands: ['me', 'x'] }));
    await el.updateComplete;
    expect(badge('chat')!.textContent).to.equal('3');
    expect(button(el, 'chat')!.getAttribute('aria-label')).to.equal('Chat, 3 unread');
    expect(badge('people')!.textContent).to.equal('2');
    expect(button(el, 'people')!.getAttribute('aria-label')).to.equal('People, hands raised: 2');
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(button(el, 'chat')!.getAttribute('aria-label')).to.equal('聊天，3 条未读');
    await expect(el).to.be.accessible();
  });

  it('counts who waits in the lobby on the people button for a host, before raised hands; a participant sees hands only', async () => {
    const waiting = [{ userId: 'dee', name: 'Dee', since: 1 }, { userId: 'eve', name: 'Eve', since: 2 }];
    const host = fakeParticipant('me', { local: true, role: 'host', stream: null });
    const { el, room } = await mount(roomSnapshot([host], { waiting, hands: ['x'] }));
    const people = () => button(el, 'people')!;
    expect(people().querySelector('[part~="badge"]')!.textContent).to.equal('2');
    expect(people().getAttribute('aria-label')).to.equal('People, waiting to join: 2');
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(people().getAttribute('aria-label')).to.equal('参会者，等待加入：2');
    el.lang = 'en';
    room.update(roomSnapshot([host], { waiting: [], hands: ['x'] }));
    await el.updateComplete;
    expect(people().getAttribute('aria-label')).to.equal('People, hands raised: 1');
    // The engine tells only those who may admit; a stale list still shows nothing to a participant.
    room.update(roomSnapshot([fakeParticipant('me', { local: true, stream: null })], { waiting, hands: [] }));
    await el.updateComplete;
    expect(people().querySelector('[part~="badge"]')).to.be.null;
  });

  it('holds the raise-hand toggle and the reaction picker, sized and named like its own buttons', async () => {
    const { el } = await mount(snapshot(), 'actions="microphone hand reactions"');
    const nested = [...el.shadowRoot!.querySelectorAll('rtc-reactions')];
    expect(nested.map((r) => [r.hasAttribute('no-reactions'), r.hasAttribute('no-hand')])).to.deep.equal([[true, false], [false, true]]);
    await Promise.all(nested.map((r) => r.updateComplete));
    const hand = nested[0]!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="hand-button"]')!;
    expect(hand.getAttribute('aria-label')).to.equal('Raise hand');
    expect(hand.disabled).to.be.false;
    expect(getComputedStyle(hand).width).to.equal(getComputedStyle(button(el, 'microphone')!).width);
    expect(nested[1]!.getAttribute('exportparts')).to.contain('reactions-button:button-reactions');
  });

  it('speaks Chinese', async () => {
    const { el } = await mount(snapshot(), 'lang="zh-CN"');
    expect(button(el, 'microphone')!.getAttribute('aria-label')).to.equal('麦克风');
    expect(button(el, 'hangup')!.getAttribute('aria-label')).to.equal('挂断');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-label')).to.equal('通话控制');
  });

  it('hands the snapshot image to the page, which can keep it from downloading', async () => {
    const { el } = await mount(snapshot(), 'actions="snapshot"');
    el.addEventListener('rtc-snapshot', (event) => event.preventDefault());
    setTimeout(() => button(el, 'snapshot')!.click());
    const event = await oneEvent(el, 'rtc-snapshot');
    expect(event.detail.userId).to.equal('me');
    expect(event.detail.image.size).to.be.greaterThan(0);
  });

  it('keeps recording and picture-in-picture in the More menu, however wide the bar, and runs them from there', async () => {
    const { el, room, calls } = await mount(snapshot(), 'actions="microphone camera pip record hangup"', 1000);
    expect(actions(el)).to.deep.equal(['microphone', 'camera', 'more', 'hangup']);
    button(el, 'more')!.click();
    await el.updateComplete;
    const pip = 'documentPictureInPicture' in window || document.pictureInPictureEnabled;
    expect(menuItems(el).map((item) => item.name)).to.deep.equal([...(pip ? ['Picture in picture'] : []), 'Record the call']);
    await expect(el).to.be.accessible();
    [...moreMenu(el)!.querySelectorAll<HTMLElement>('[part~="menu-item"]')].at(-1)!.click();
    await waitUntil(() => calls.includes('toggleLocalRecording'), 'the room is asked to record');

    room.update(snapshot({ localRecording: 'recording' }));
    await el.updateComplete;
    button(el, 'more')!.click();
    await el.updateComplete;
    expect(menuItems(el).at(-1)).to.deep.equal({ name: 'Stop recording', role: 'menuitemcheckbox', checked: 'true' });

    // Outside a call there is nothing to record: the item says so instead of failing.
    room.update(snapshot({ state: 'disconnected' }));
    await el.updateComplete;
    const item = [...moreMenu(el)!.querySelectorAll<HTMLElement>('[part~="menu-item"]')].at(-1)!;
    expect(item.getAttribute('aria-disabled')).to.equal('true');
  });

  it('is accessible, with a menu open too', async () => {
    const { el } = await mount(snapshot());
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="menu-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('in a narrow bar', () => {
    it('moves the last actions into a More menu, keeps microphone, camera, hang up and the page buttons, and brings them back when wider', async () => {
      const { el, host } = await mount(snapshot(), '', 320);
      el.innerHTML = '<button aria-label="Record">R</button>';
      await waitUntil(() => button(el, 'more'), 'a More button');
      // Nothing leaves the bar's box, and the bar does not scroll.
      const bar = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      const box = host.getBoundingClientRect();
      for (const b of [...el.shadowRoot!.querySelectorAll('button'), el.querySelector('button')!]) {
        const rect = b.getBoundingClientRect();
        expect(rect.left >= box.left && rect.right <= box.right, b.outerHTML).to.be.true;
      }
      expect(bar.scrollWidth).to.equal(bar.clientWidth);
      expect(actions(el)).to.deep.equal(['microphone', 'camera', 'more', 'hangup']);
      expect(el.querySelector('button')!.assignedSlot, 'the page button stays').to.exist;
      expect(button(el, 'more')!.getAttribute('aria-label')).to.equal('More actions');
      expect(button(el, 'more')!.getAttribute('aria-haspopup')).to.equal('menu');

      button(el, 'more')!.click();
      await el.updateComplete;
      const names = menuItems(el).map((item) => item.name);
      expect(names).to.deep.equal([
        'Share screen', 'Raise hand', 'Thumbs up', 'Applause', 'Laughing', 'Love', 'Celebrate', 'Surprised', 'Thinking', 'Wave',
        'Speaker view', 'Full screen', 'Chat', 'People',
      ]);

      host.style.width = '1024px';
      await waitUntil(() => !button(el, 'more'), 'everything back in the bar');
      expect(actions(el)).to.deep.equal(['microphone', 'camera', 'screen', 'layout', 'fullscreen', 'chat', 'people', 'hangup']);
      expect(moreMenu(el), 'the menu closed with its button').to.be.null;
      host.style.width = '375px';
      await waitUntil(() => button(el, 'more'), 'narrow again');
      expect(actions(el)).to.deep.equal(['microphone', 'camera', 'screen', 'more', 'hangup']);
    });

    it('keeps the order `actions` gives: what comes last moves first', async () => {
      const { el } = await mount(snapshot(), 'actions="people chat camera microphone layout fullscreen screen hangup"', 320);
      await waitUntil(() => button(el, 'more'), 'a More button');
      // More takes the place of the first action it holds.
      expect(actions(el)).to.deep.equal(['people', 'more', 'camera', 'microphone', 'hangup']);
      button(el, 'more')!.click();
      await el.updateComplete;
      expect(menuItems(el).map((item) => item.name)).to.deep.equal(['Chat', 'Speaker view', 'Full screen', 'Share screen']);
    });

    it('runs the moved actions from the menu by keyboard, with toggles as checkboxes and the counts', async () => {
      const { el, room, calls } = await mount(snapshot({ unreadMessages: 3, hands: ['me', 'x'], layout: 'speaker' }), '', 320);
      await waitUntil(() => button(el, 'more'), 'a More button');
      const more = button(el, 'more')!;
      expect(more.querySelector('[part~="badge"]')!.textContent).to.equal('5');
      expect(more.getAttribute('aria-label')).to.equal('More actions, 5 new');

      more.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(moreMenu(el)!.getAttribute('role')).to.equal('menu');
      await waitUntil(() => activeName(el) === 'Raise hand', 'the first item has focus');
      expect(menuItems(el).filter((item) => item.role !== 'menuitem')).to.deep.equal([
        { name: 'Raise hand', role: 'menuitemcheckbox', checked: 'false' },
        { name: 'Speaker view', role: 'menuitemcheckbox', checked: 'true' },
        { name: 'Full screen', role: 'menuitemcheckbox', checked: 'false' },
        { name: 'Chat, 3 unread', role: 'menuitemcheckbox', checked: 'false' },
        { name: 'People, hands raised: 2', role: 'menuitemcheckbox', checked: 'false' },
      ]);
      const badges = [...moreMenu(el)!.querySelectorAll('[part~="badge"]')].map((b) => b.textContent);
      expect(badges).to.deep.equal(['3', '2']);

      // Up and down go through every item (and wrap), left and right along the emoji, Home and End to the ends.
      await sendKeys({ press: 'ArrowDown' });
      expect(activeName(el)).to.equal('Thumbs up');
      await sendKeys({ press: 'ArrowLeft' });
      expect(activeName(el)).to.equal('Wave');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(activeName(el)).to.equal('Applause');
      await sendKeys({ press: 'End' });
      expect(activeName(el)).to.equal('People, hands raised: 2');
      await sendKeys({ press: 'ArrowDown' });
      expect(activeName(el)).to.equal('Raise hand');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(activeName(el)).to.equal('Chat, 3 unread');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => calls.length === 1);
      expect(moreMenu(el), 'a choice closes the menu').to.be.null;
      expect(el.shadowRoot!.activeElement, 'focus back on More').to.equal(more);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'End' });
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowUp' });
      expect(activeName(el)).to.equal('Speaker view');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => calls.length === 2);
      expect(calls).to.deep.equal(['openPanel chat', 'setLayout grid']);

      // Escape closes without choosing; the counts follow the room.
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(moreMenu(el)).to.be.null;
      expect(el.shadowRoot!.activeElement).to.equal(more);
      room.update(snapshot({ unreadMessages: 0, hands: [], panel: 'chat' }));
      await el.updateComplete;
      expect(more.querySelector('[part~="badge"]')).to.be.null;
      expect(more.getAttribute('aria-label')).to.equal('More actions');
    });

    for (const lang of ['en', 'zh-CN']) {
      it(`is accessible with the More menu open (${lang})`, async () => {
        const { el } = await mount(snapshot({ unreadMessages: 2, hands: ['x'], panel: 'people' }), `lang="${lang}"`, 320);
        await waitUntil(() => button(el, 'more'), 'a More button');
        button(el, 'more')!.click();
        await el.updateComplete;
        if (lang === 'zh-CN') {
          expect(button(el, 'more')!.getAttribute('aria-label')).to.equal('更多操作，3 项新提醒');
          expect(moreMenu(el)!.getAttribute('aria-label')).to.equal('更多操作');
          expect(menuItems(el).at(-1)).to.deep.equal({ name: '参会者，举手 1 人', role: 'menuitemcheckbox', checked: 'true' });
        }
        await expect(el).to.be.accessible();
      });
    }
  });
});
