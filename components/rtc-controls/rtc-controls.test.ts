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

async function mount(state: RoomSnapshot, attrs = '') {
  const host = await fixture<HTMLDivElement>(html`<div style="width:720px;margin-top:300px"></div>`);
  const recorder = recordingCommands();
  const room = provideRoom(host, state, recorder.commands);
  host.innerHTML = `<rtc-controls ${attrs}></rtc-controls>`;
  const el = host.firstElementChild as RtcControls;
  await el.updateComplete;
  return { el, room, ...recorder };
}

const button = (el: RtcControls, action: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="button-${action}"]`);
const actions = (el: RtcControls) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="button"]')].map((b) => b.getAttribute('part')!.split(' ')[1]!.slice('button-'.length));

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

  it('is accessible, with a menu open too', async () => {
    const { el } = await mount(snapshot());
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="menu-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
