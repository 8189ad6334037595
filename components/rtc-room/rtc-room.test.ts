/** `<rtc-room>` in real calls: two and three engines in one page over the in-page hub, synthetic media. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import type { RtcVideoGrid } from '../rtc-video-grid/rtc-video-grid.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import type { RtcControls } from '../rtc-controls/rtc-controls.component.js';
import type { RtcChat } from '../rtc-chat/rtc-chat.component.js';
import type { RtcParticipants } from '../rtc-participants/rtc-participants.component.js';
import type { RtcReactions } from '../rtc-reactions/rtc-reactions.component.js';
import { LoopbackCall, videoPlays, type Person } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 20_000 };

/** Collects the rtc-* events a room dispatches. */
function record(room: RtcRoom, ...names: string[]) {
  const seen: { type: string; detail: unknown }[] = [];
  for (const name of names) room.addEventListener(name, (e) => seen.push({ type: e.type, detail: (e as CustomEvent).detail }));
  return seen;
}

const grid = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcVideoGrid>('rtc-video-grid')!;
const controls = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcControls>('rtc-controls')!;
const tiles = (room: RtcRoom) => [...(grid(room)?.shadowRoot?.querySelectorAll<RtcVideoTile>('rtc-video-tile') ?? [])];
const tile = (room: RtcRoom, userId: string) => tiles(room).find((t) => t.userId === userId && !t.screen);
const tileVideo = (t: RtcVideoTile) => t.shadowRoot!.querySelector<HTMLVideoElement>('[part~="video"]')!;
const controlButton = (room: RtcRoom, action: string) =>
  controls(room).shadowRoot!.querySelector<HTMLButtonElement>(`[part~="button-${action}"]`)!;

async function seatedRoom(call: LoopbackCall, person: Person, attrs: Partial<RtcRoom> = {}, size = 'width:800px;height:500px') {
  const room = await fixture<RtcRoom>(html`<rtc-room style=${size}></rtc-room>`);
  Object.assign(room, attrs);
  call.seat(room, person);
  await room.updateComplete;
  return room;
}

describe('<rtc-room> in a call', function () {
  this.timeout(120_000);
  let call: LoopbackCall;

  beforeEach(() => {
    call = new LoopbackCall();
  });

  afterEach(async () => {
    await resetMouse();
    await call.close();
  });

  it('joins, shows live remote video, and reports who joined', async () => {
    const alice = call.person('alice');
    const bob = call.person('bob');
    const a = await seatedRoom(call, alice);
    const aliceEvents = record(a, 'rtc-joined', 'rtc-user-change', 'rtc-connection-state');
    expect(a.getAttribute('phase')).to.equal('lobby');

    await a.join();
    await waitUntil(() => a.phase === 'joined', 'alice joined', LONG);
    expect(aliceEvents.find((e) => e.type === 'rtc-joined')!.detail).to.deep.equal({ roomId: call.roomId, userId: 'alice' });
    expect(a.getAttribute('connection-state')).to.equal('connected');
    await waitUntil(() => aliceEvents.some((e) => e.type === 'rtc-user-change'), 'own join reported', LONG);
    expect(aliceEvents.find((e) => e.type === 'rtc-user-change')!.detail).to.deep.equal({ joined: ['alice'], exited: [], users: ['alice'], current: 'alice' });

    const b = await seatedRoom(call, bob);
    await b.join();
    await waitUntil(() => tile(a, 'bob') && tile(b, 'alice'), 'each sees the other', LONG);
    await videoPlays(tileVideo(tile(a, 'bob')!));
    await videoPlays(tileVideo(tile(b, 'alice')!));
    expect(tileVideo(tile(a, 'bob')!).muted, 'tiles never play sound').to.be.true;
    const change = aliceEvents.filter((e) => e.type === 'rtc-user-change').at(-1)!.detail;
    expect(change).to.deep.equal({ joined: ['bob'], exited: [], users: ['alice', 'bob'], current: 'bob' });
    expect(tile(a, 'alice')!.local).to.be.true;
    expect(tile(a, 'bob')!.local).to.be.false;
  });

  it('shows a mute and a camera turned off on the other side', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob') && !tile(a, 'bob')!.videoMuted, 'bob visible to alice', LONG);
    const mutes = record(a, 'rtc-mute-change');

    await b.toggleMicrophone(false);
    await waitUntil(() => tile(a, 'bob')!.hasAttribute('audio-muted'), 'alice sees bob muted', LONG);
    expect(mutes[0]!.detail).to.deep.equal({ userId: 'bob', local: false, kind: 'audio', muted: true });
    expect(tile(a, 'bob')!.shadowRoot!.querySelector('[part~="muted-icon"]')).to.exist;

    // Bob turns his camera off from his own controls: Alice sees his initials instead of video.
    controlButton(b, 'camera').click();
    await waitUntil(() => tile(a, 'bob')!.hasAttribute('video-muted'), 'alice sees bob camera off', LONG);
    expect(tile(a, 'bob')!.shadowRoot!.querySelector('[part~="avatar"]')!.textContent!.trim()).to.equal('B');
    expect(controlButton(b, 'camera').getAttribute('aria-pressed')).to.equal('false');
  });

  it('removes the tile of someone who leaves, and hangs up from the controls', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob'), 'bob on alice side', LONG);
    const aliceEvents = record(a, 'rtc-user-change');
    const bobEvents = record(b, 'rtc-request-leave', 'rtc-hangup', 'rtc-left');

    await waitUntil(() => controls(b) && controlButton(b, 'hangup'), 'controls shown');
    controlButton(b, 'hangup').click();
    await waitUntil(() => b.phase === 'left', 'bob left', LONG);
    expect(bobEvents.map((e) => e.type)).to.deep.equal(['rtc-request-leave', 'rtc-hangup', 'rtc-left']);
    expect(bobEvents[2]!.detail).to.deep.equal({ reason: 'hangup' });
    expect(b.shadowRoot!.querySelector('[part~="left"]')).to.exist;

    await waitUntil(() => !tile(a, 'bob'), 'bob tile gone', LONG);
    await waitUntil(() => aliceEvents.length > 0);
    expect(aliceEvents[0]!.detail).to.deep.equal({ joined: [], exited: ['bob'], users: ['alice'], current: 'alice' });
  });

  it('keeps the user in the call when the page vetoes the hang-up', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    await a.join();
    await waitUntil(() => controls(a) && controlButton(a, 'hangup'), 'controls', LONG);
    a.addEventListener('rtc-request-leave', (e) => e.preventDefault());
    controlButton(a, 'hangup').click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.phase).to.equal('joined');
  });

  it('takes a snapshot of someone as a PNG', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob') && !tile(a, 'bob')!.videoMuted, 'bob video', LONG);
    await videoPlays(tileVideo(tile(a, 'bob')!));
    const image = await a.snapshot('bob');
    expect(image.type).to.equal('image/png');
    expect(image.size).to.be.greaterThan(1000);
    const bitmap = await createImageBitmap(image);
    expect([bitmap.width, bitmap.height]).to.deep.equal([320, 180]);
    // Without an argument: who is on the main view (bob, the only other person).
    expect((await a.snapshot()).size).to.be.greaterThan(1000);
    let error: unknown;
    await a.snapshot('nobody').catch((e) => (error = e));
    expect((error as { code?: string }).code).to.equal('unknown-user');
  });

  it('switches the main view on a pin and fires rtc-player-change, but not for the page setting current-user-id', async () => {
    const [a, b, c] = await Promise.all(['alice', 'bob', 'carol'].map((id) => seatedRoom(call, call.person(id))));
    await a!.join();
    await b!.join();
    await c!.join();
    await waitUntil(() => tiles(a!).length === 3, 'three tiles', LONG);
    const players = record(a!, 'rtc-player-change');
    const main = a!.shadowRoot!.querySelector<RtcVideoGrid>('rtc-video-grid')!;
    const pinButton = (userId: string) => tile(a!, userId)!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="pin-button"]')!;
    expect(a!.currentUserId).to.equal('');

    pinButton('carol').click();
    await waitUntil(() => main.view === 'stage', 'stage view', LONG);
    await waitUntil(() => players.some((p) => (p.detail as { userId: string }).userId === 'carol'), 'player change', LONG);
    expect(a!.currentUserId).to.equal('carol');
    const stageTile = () => main.shadowRoot!.querySelector<RtcVideoTile>('[part~="stage"] rtc-video-tile')!;
    expect(stageTile().userId).to.equal('carol');

    const count = players.length;
    a!.currentUserId = 'bob';
    await waitUntil(() => stageTile()?.userId === 'bob', 'bob on stage', LONG);
    await a!.updateComplete;
    expect(players.length, 'no event for the owner').to.equal(count);

    a!.currentUserId = '';
    await waitUntil(() => main.view === 'grid', 'back to the grid', LONG);
  });

  it('switches layout and full screen from the controls', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    await a.join();
    await waitUntil(() => controls(a) && controlButton(a, 'layout'), 'controls', LONG);
    const events = record(a, 'rtc-layout-change', 'rtc-fullscreen-change');
    controlButton(a, 'layout').click();
    await waitUntil(() => a.layout === 'speaker');
    expect(a.getAttribute('layout')).to.equal('speaker');
    await waitUntil(() => grid(a).view === 'stage');

    // A real click (a user gesture), so the Fullscreen API may be used.
    await a.updateComplete;
    const fs = controlButton(a, 'fullscreen');
    const box = fs.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => a.fullscreen, 'full screen', LONG);
    expect(a.getBoundingClientRect().width).to.equal(window.innerWidth);
    expect(a.getBoundingClientRect().height).to.equal(window.innerHeight);
    await a.setFullScreen(false);
    await waitUntil(() => !a.fullscreen, 'out of full screen', LONG);
    expect(events.map((e) => e.type)).to.deep.equal(['rtc-layout-change', 'rtc-fullscreen-change', 'rtc-fullscreen-change']);
    expect(events.map((e) => e.detail)).to.deep.equal([{ layout: 'speaker' }, { fullscreen: true }, { fullscreen: false }]);
  });

  it('plays remote sound through the room, and offers a one-click "enable audio" when the browser blocks it', async () => {
    // Simulated autoplay policy: play() with sound is refused until the page has a user activation
    // (the suite runs with --autoplay-policy=no-user-gesture-required, so the real policy is off).
    const realPlay = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (this instanceof HTMLAudioElement && !this.muted && !navigator.userActivation.isActive) {
        return Promise.reject(new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError'));
      }
      return realPlay.call(this);
    };
    try {
      const a = await seatedRoom(call, call.person('alice'));
      const b = await seatedRoom(call, call.person('bob'));
      const blocked = record(a, 'rtc-audio-blocked');
      await Promise.all([a.join(), b.join()]);
      const unlock = () => a.shadowRoot!.querySelector<HTMLButtonElement>('[part~="audio-unlock"]');
      await waitUntil(() => unlock(), 'the enable-audio button', LONG);
      expect(blocked[0]!.detail).to.deep.equal({ userIds: ['bob'] });
      const audio = a.shadowRoot!.querySelector<HTMLAudioElement>('audio[data-user-id="bob"]')!;
      expect(audio.paused).to.be.true;
      expect(unlock()!.textContent).to.contain('Enable audio');

      const box = unlock()!.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await waitUntil(() => !audio.paused && !unlock(), 'sound plays and the button goes', LONG);
      await waitUntil(() => audio.currentTime > 0.2, 'the audio clock runs', LONG);
    } finally {
      HTMLMediaElement.prototype.play = realPlay;
    }
  });

  it('joins from the lobby with the keyboard, speaking Chinese', async () => {
    const alice = call.person('alice');
    const a = await fixture<RtcRoom>(html`<rtc-room lang="zh-CN" style="width:800px;height:500px"></rtc-room>`);
    call.seat(a, alice);
    await a.updateComplete;
    const lobby = a.shadowRoot!.querySelector('[part~="lobby"]')!;
    expect(lobby.querySelector('h2')!.textContent).to.equal('准备好加入了吗？');
    const join = a.shadowRoot!.querySelector<HTMLButtonElement>('[part~="join-button"]')!;
    expect(join.textContent!.trim()).to.equal('加入');
    join.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => a.phase === 'joined', 'joined', LONG);
    await waitUntil(() => controls(a), 'controls');
    await controls(a).updateComplete;
    expect(controlButton(a, 'hangup').getAttribute('aria-label')).to.equal('挂断');
    expect(a.shadowRoot!.querySelector('[part~="invite"] .invite-title')!.textContent).to.equal('等待其他人加入');
  });

  it('reports a refused token as rtc-error and says so on screen', async () => {
    const a = await fixture<RtcRoom>(html`<rtc-room style="width:800px;height:500px"></rtc-room>`);
    const alice = call.person('alice');
    a.engine = alice.engine;
    a.token = 'not-a-token';
    setTimeout(() => a.join().catch(() => {}));
    const event = await oneEvent(a, 'rtc-error');
    expect(event.detail.code).to.equal('token-invalid');
    await a.updateComplete;
    expect(a.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('The join token is invalid.');
    expect(a.phase).to.equal('lobby');
  });

  it('lets the page compose its own UI from nested elements', async () => {
    const alice = call.person('alice');
    const bob = call.person('bob');
    const a = await fixture<RtcRoom>(html`<rtc-room style="width:800px;height:500px">
      <rtc-video-grid layout="speaker"></rtc-video-grid>
      <rtc-controls actions="microphone hangup"></rtc-controls>
    </rtc-room>`);
    call.seat(a, alice);
    const b = await seatedRoom(call, bob);
    await Promise.all([a.join(), b.join()]);
    expect(a.shadowRoot!.querySelector('rtc-video-grid'), 'no default grid').to.be.null;
    const nested = a.querySelector('rtc-video-grid')!;
    await waitUntil(() => nested.shadowRoot!.querySelectorAll('rtc-video-tile').length === 2, 'nested grid shows both', LONG);
    const stageTile = nested.shadowRoot!.querySelector<RtcVideoTile>('[part~="stage"] rtc-video-tile')!;
    expect(stageTile.userId).to.equal('bob');
    await videoPlays(tileVideo(stageTile));
    const nestedControls = a.querySelector('rtc-controls')!;
    nestedControls.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-microphone"]')!.click();
    await waitUntil(() => tile(b, 'alice')?.audioMuted, 'bob sees alice muted', LONG);
  });

  it('puts a screen share on the stage by itself, uncropped, and fires rtc-screen-share', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob'), 'bob', LONG);
    const shares = record(a, 'rtc-screen-share');
    await b.toggleScreenShare(true);
    const stageTile = () => grid(a).shadowRoot!.querySelector<RtcVideoTile>('[part~="stage"] rtc-video-tile');
    await waitUntil(() => stageTile()?.screen && stageTile()!.userId === 'bob', 'the screen on the stage', LONG);
    expect(shares[0]!.detail).to.deep.equal({ userId: 'bob', local: false, active: true });
    await videoPlays(tileVideo(stageTile()!));
    expect(getComputedStyle(tileVideo(stageTile()!)).objectFit).to.equal('contain');
    expect(stageTile()!.shadowRoot!.querySelector('[part~="name"]')!.textContent).to.equal('Bob is presenting');
    expect(controlButton(b, 'screen').getAttribute('aria-pressed')).to.equal('true');
    controlButton(b, 'screen').click();
    await waitUntil(() => grid(a).view === 'grid', 'back to the grid', LONG);
    expect(shares.at(-1)!.detail).to.deep.equal({ userId: 'bob', local: false, active: false });
  });

  it('says it is reconnecting while the connection is down, and carries on', async () => {
    // Retry after a second, so the reconnecting state lasts long enough to be seen.
    const a = await seatedRoom(call, call.person('alice', 'Alice', {}, { reconnectPolicy: { nextRetryDelayMs: () => 1000 } }));
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob'), 'bob', LONG);
    const states = record(a, 'rtc-connection-state');
    call.loopback.dropConnections('alice');
    await waitUntil(() => a.getAttribute('connection-state') === 'reconnecting', 'reconnecting', LONG);
    await a.updateComplete;
    expect(a.shadowRoot!.querySelector('[part~="banner"]')!.textContent).to.equal('Reconnecting…');
    await waitUntil(() => a.getAttribute('connection-state') === 'connected', 'back', LONG);
    expect(states.map((e) => (e.detail as { state: string }).state)).to.deep.equal(['reconnecting', 'connected']);
    expect(a.phase).to.equal('joined');
    expect(tile(a, 'bob')).to.exist;
  });

  it('reports plugged and unplugged devices as rtc-device-change', async () => {
    const alice = call.person('alice');
    const a = await seatedRoom(call, alice);
    await a.join();
    const changes = record(a, 'rtc-device-change');
    alice.media.plug('audioinput', 'USB headset');
    await waitUntil(() => changes.length > 0, 'device change', LONG);
    const { devices } = changes[0]!.detail as { devices: { microphones: MediaDeviceInfo[] } };
    expect(devices.microphones.map((d) => d.label)).to.include('USB headset');
  });

  it('opens the chat from the controls, counts what arrives while it is closed, and fires rtc-message', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => controls(a) && controlButton(a, 'chat') && controls(b) && controlButton(b, 'chat'), 'chat buttons', LONG);
    const aliceMessages = record(a, 'rtc-message');
    const bobMessages = record(b, 'rtc-message');
    const chat = (room: RtcRoom) => room.shadowRoot!.querySelector<RtcChat>('rtc-chat')!;
    const panel = (room: RtcRoom) => room.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
    expect(panel(a).hidden, 'closed to start with').to.be.true;

    // Bob opens the chat by keyboard: focus lands in the text box, and he types.
    controlButton(b, 'chat').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => b.getAttribute('panel') === 'chat' && !panel(b).hidden, 'bob chat open', LONG);
    await waitUntil(() => chat(b).shadowRoot!.activeElement?.matches('[part~="input"]'), 'focus in the text box', LONG);
    await sendKeys({ type: 'Hello Alice' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => aliceMessages.length === 1, 'alice got rtc-message', LONG);
    const got = aliceMessages[0]!.detail as { message: { text: string; from: string }; local: boolean };
    expect([got.message.text, got.message.from, got.local]).to.deep.equal(['Hello Alice', 'bob', false]);
    await waitUntil(() => bobMessages.length === 1, 'bob got his own rtc-message', LONG);
    expect((bobMessages[0]!.detail as { local: boolean }).local).to.be.true;
    await waitUntil(() => controlButton(a, 'chat').getAttribute('aria-label') === 'Chat, 1 unread', 'unread on alice side', LONG);
    expect(controlButton(a, 'chat').querySelector('[part~="badge"]')!.textContent).to.equal('1');
    expect(controlButton(b, 'chat').querySelector('[part~="badge"]'), 'nothing unread for the reader').to.be.null;

    controlButton(a, 'chat').click();
    await waitUntil(() => !panel(a).hidden && !controlButton(a, 'chat').querySelector('[part~="badge"]'), 'read once open', LONG);
    expect(controlButton(a, 'chat').getAttribute('aria-pressed')).to.equal('true');
    await chat(a).updateComplete;
    expect(chat(a).shadowRoot!.querySelector('[part~="text"]')!.textContent).to.equal('Hello Alice');

    // Escape closes the panel and gives focus back to the chat button; the next message counts again.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => panel(a).hidden && a.getAttribute('panel') === null, 'closed', LONG);
    await waitUntil(() => controls(a).shadowRoot!.activeElement === controlButton(a, 'chat'), 'focus back on the button', LONG);
    await b.engine!.sendMessage('Still there?');
    await waitUntil(() => controlButton(a, 'chat').querySelector('[part~="badge"]')?.textContent === '1', 'unread again', LONG);
  });

  it('raises a hand and reacts from the controls: the queue, the tile marks, the people panel and the events', async () => {
    const alice = call.person('alice');
    const a = await seatedRoom(call, alice);
    a.token = call.loopback.token({ room: call.roomId, user: 'alice', name: 'Alice', role: 'host' });
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob') && controls(b) && controls(b).shadowRoot!.querySelector('rtc-reactions'), 'in call', LONG);
    const events = record(a, 'rtc-hand-change', 'rtc-reaction', 'rtc-request-kick');
    const nested = (room: RtcRoom, which: 'hand' | 'reactions') =>
      controls(room).shadowRoot!.querySelector<RtcReactions>(which === 'hand' ? 'rtc-reactions[no-reactions]' : 'rtc-reactions[no-hand]')!;

    nested(b, 'hand').shadowRoot!.querySelector<HTMLButtonElement>('[part~="hand-button"]')!.click();
    await waitUntil(() => tile(a, 'bob')!.hasAttribute('hand-raised'), 'alice sees bob hand', LONG);
    expect(events[0]).to.deep.equal({ type: 'rtc-hand-change', detail: { queue: ['bob'] } });
    await waitUntil(() => controlButton(a, 'people').getAttribute('aria-label') === 'People, hands raised: 1', 'count on people', LONG);

    const picker = nested(b, 'reactions');
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reactions-button"]')!.click();
    await picker.updateComplete;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="menu-item"]')!.click();
    await waitUntil(() => tile(a, 'bob')!.shadowRoot!.querySelector('[part~="reactions"]'), 'bubble on bob tile', LONG);
    const reaction = events.find((e) => e.type === 'rtc-reaction')!.detail as { userId: string; emoji: string };
    expect([reaction.userId, reaction.emoji]).to.deep.equal(['bob', '👍']);

    // Alice (the host) opens the people panel, lowers Bob's hand, then removes him.
    controlButton(a, 'people').click();
    const people = () => a.shadowRoot!.querySelector<RtcParticipants>('rtc-participants')!;
    const inRow = (part: string) => people().shadowRoot!.querySelector<HTMLButtonElement>(`[data-user-id="bob"] [part~="${part}"]`);
    await waitUntil(() => a.getAttribute('panel') === 'people' && inRow('lower-hand-button'), 'people panel', LONG);
    expect(inRow('hand')!.getAttribute('aria-label')).to.equal('Hand raised, #1');
    inRow('lower-hand-button')!.click();
    await waitUntil(() => !tile(a, 'bob')!.hasAttribute('hand-raised') && !inRow('hand'), 'hand lowered', LONG);
    expect(events.filter((e) => e.type === 'rtc-hand-change').at(-1)!.detail).to.deep.equal({ queue: [] });
    inRow('actions-button')!.click();
    await people().updateComplete;
    people().shadowRoot!.querySelector<HTMLButtonElement>('[part~="person-menu"] [data-action="remove"]')!.click();
    await people().updateComplete;
    inRow('confirm-button')!.click();
    expect(events.find((e) => e.type === 'rtc-request-kick')!.detail).to.deep.equal({ userId: 'bob' });
    await waitUntil(() => b.phase === 'left', 'bob removed', LONG);
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('[part~="left"]')!.textContent).to.contain('You were removed from the call');
  });

  it('lays the panel over the video in a narrow room, and is accessible with it open, in Chinese too', async () => {
    const a = await seatedRoom(call, call.person('alice'), {}, 'width:400px;height:640px');
    const b = await seatedRoom(call, call.person('bob'));
    await Promise.all([a.join(), b.join()]);
    await b.engine!.sendMessage('你好 https://example.com');
    a.panel = 'chat';
    await waitUntil(() => a.shadowRoot!.querySelector('rtc-chat')?.shadowRoot?.querySelector('[part~="text"]'), 'message shown', LONG);
    const panel = a.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
    expect(getComputedStyle(panel).position).to.equal('absolute');
    expect(Math.round(panel.getBoundingClientRect().width)).to.equal(400);
    await expect(a).to.be.accessible();
    a.lang = 'zh-CN';
    a.panel = 'people';
    await a.updateComplete;
    expect(panel.getAttribute('aria-label')).to.equal('参会者');
    expect(a.shadowRoot!.querySelector('[part~="panel-close"]')!.getAttribute('aria-label')).to.equal('关闭');
    await expect(a).to.be.accessible();
  });

  it('is accessible in the lobby, in the call and after leaving', async () => {
    const a = await seatedRoom(call, call.person('alice'));
    const b = await seatedRoom(call, call.person('bob'));
    await expect(a).to.be.accessible();
    await Promise.all([a.join(), b.join()]);
    await waitUntil(() => tile(a, 'bob'), 'in call', LONG);
    await expect(a).to.be.accessible();
    await a.leave();
    await waitUntil(() => a.phase === 'left');
    await expect(a).to.be.accessible();
  });
});
