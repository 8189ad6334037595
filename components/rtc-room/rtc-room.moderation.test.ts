/** `<rtc-room>` under a host's powers, against the real server on loopback: what the affected person sees and hears. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { executeServerCommand } from '@web/test-runner-commands';
import { fetchDevToken } from '../../core/dev-token.js';
import { RtcClient } from '../../core/rtc-client.js';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';

const LONG = { timeout: 30_000 };
const roomName = (what: string) => `${what}-${Math.random().toString(36).slice(2, 8)}`;
const part = (room: RtcRoom, name: string) => room.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const micButton = (room: RtcRoom) =>
  room.shadowRoot!.querySelector('rtc-controls')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button-microphone"]') ?? null;
const noticeText = (room: RtcRoom) => part(room, 'notice-text')?.textContent ?? '';
const liveRegion = (room: RtcRoom) => part(room, 'live-region')!.textContent ?? '';

describe('<rtc-room> under moderation', function () {
  this.timeout(60_000);
  let server: { id: string; url: string };
  const clients: RtcClient[] = [];

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.leave()));
    for (const room of document.querySelectorAll('rtc-room')) await room.leave();
  });

  after(async () => {
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  it('says the host ended the meeting, with rtc-left { reason: ended } and no rejoin', async () => {
    const roomId = roomName('ended');
    const host = new RtcClient({ server: server.url });
    clients.push(host);
    await host.join(await fetchDevToken(server.url, { room: roomId, user: 'hana', role: 'host' }), { audio: false, video: false });
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="gus" user-name="Gus" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    const left: { reason: string; code?: string }[] = [];
    room.addEventListener('rtc-left', (event) => left.push(event.detail));
    await room.join();
    await waitUntil(() => host.participants.has('gus'), 'the host sees the guest', LONG);
    await host.endRoom();
    await waitUntil(() => room.phase === 'left', 'out', LONG);
    expect(left).to.deep.equal([{ reason: 'ended', code: 'room-ended' }]);
    const view = part(room, 'left')!;
    expect(view.dataset['reason']).to.equal('ended');
    expect(view.textContent).to.contain('The meeting was ended by the host');
    expect(view.querySelector('button'), 'no rejoin').to.be.null;
    await expect(room).to.be.accessible();
  });

  it('shows a viewer no publish buttons, and a promoted viewer the microphone and camera', async () => {
    const roomId = roomName('promote');
    const host = new RtcClient({ server: server.url });
    clients.push(host);
    await host.join(await fetchDevToken(server.url, { room: roomId, user: 'hana', role: 'host' }), { audio: false, video: false });
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="vic" user-name="Vic" role="viewer"
      style="width:800px;height:480px"></rtc-room>`);
    await room.join();
    const controls = () => room.shadowRoot!.querySelector('rtc-controls')?.shadowRoot;
    const button = (action: string) => controls()?.querySelector(`[data-action="${action}"]`) ?? null;
    await waitUntil(() => room.phase === 'joined' && !!controls(), 'in the call', LONG);
    expect(button('microphone'), 'no microphone for a viewer').to.be.null;
    await host.setRole('vic', 'participant');
    await waitUntil(() => button('microphone') !== null && button('camera') !== null, 'the publish buttons appear', LONG);
    expect(room.engine!.self.media.audio, 'nothing opened by itself').to.equal(false);
  });

  /** A host engine and a room element for the guest, both in the call. */
  async function hostAndGuest(what: string, attrs: { role?: string; lang?: string; audio?: string } = {}) {
    const roomId = roomName(what);
    const host = new RtcClient({ server: server.url });
    clients.push(host);
    await host.join(await fetchDevToken(server.url, { room: roomId, user: 'hana', role: 'host' }), { audio: false, video: false });
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="gus" user-name="Gus" video="off"
      audio=${attrs.audio ?? 'on'} role=${attrs.role ?? nothing} lang=${attrs.lang ?? 'en'} style="width:800px;height:480px"></rtc-room>`);
    await room.join();
    const controls = () => room.shadowRoot!.querySelector('rtc-controls')?.shadowRoot?.querySelector('[part~="button-hangup"]');
    await waitUntil(() => host.participants.has('gus') && room.phase === 'joined' && controls(), 'both in', LONG);
    return { host, room, roomId };
  }

  it('tells the person a host muted them, in words and in the live region, and their microphone button shows it', async () => {
    const { host, room } = await hostAndGuest('muted');
    await waitUntil(() => room.engine!.self.media.audio, 'microphone on', LONG);
    const events: { kind: string; by: string }[] = [];
    room.addEventListener('rtc-muted-by-host', (event) => events.push(event.detail));
    await host.mute('gus', 'audio');
    await waitUntil(() => noticeText(room) === 'The host muted your microphone', 'the notice', LONG);
    expect(events.map(({ kind, by }) => [kind, by])).to.deep.equal([['audio', 'hana']]);
    await waitUntil(() => micButton(room)!.getAttribute('aria-pressed') === 'false', 'the button shows muted', LONG);
    await waitUntil(() => liveRegion(room).includes('The host muted your microphone'), 'said', LONG);
    part(room, 'notice-dismiss')!.click();
    await waitUntil(() => !part(room, 'notice'), 'dismissed', LONG);
  });

  it('asks before anything opens: Not now keeps the microphone off, Turn on opens it', async () => {
    const { host, room } = await hostAndGuest('ask', { audio: 'off' });
    const requests: string[] = [];
    room.addEventListener('rtc-unmute-request', (event) => requests.push(event.detail.kind));
    await host.askToUnmute('gus', 'audio');
    await waitUntil(() => noticeText(room) === 'The host asks you to turn on your microphone', 'asked', LONG);
    expect(requests).to.deep.equal(['audio']);
    expect(room.engine!.self.media.audio, 'nothing opened by itself').to.be.false;
    part(room, 'notice-dismiss')!.click();
    await waitUntil(() => !part(room, 'notice'), 'not now', LONG);
    expect(room.engine!.self.media.audio).to.be.false;

    await host.askToUnmute('gus', 'audio');
    await waitUntil(() => part(room, 'notice-accept'), 'asked again', LONG);
    part(room, 'notice-accept')!.click();
    await waitUntil(() => room.engine!.self.media.audio && micButton(room)!.getAttribute('aria-pressed') === 'true', 'turned on', LONG);
    await waitUntil(() => host.participants.get('gus')?.media.audio === true, 'the host sees it on', LONG);
  });

  it('says why the microphone stays off while the host holds everyone muted, instead of an error', async () => {
    const { host, room } = await hostAndGuest('hold');
    const errors: string[] = [];
    room.addEventListener('rtc-error', (event) => errors.push(event.detail.code));
    await host.muteAll('audio', { hold: true });
    await waitUntil(() => room.engine!.roomState?.held.audio === true && micButton(room)!.getAttribute('aria-pressed') === 'false', 'held', LONG);
    micButton(room)!.click();
    await waitUntil(() => noticeText(room) === 'The host has muted everyone; you can’t unmute now', 'explained', LONG);
    expect(room.engine!.self.media.audio).to.be.false;
    expect(errors, 'not an error to show').to.deep.equal([]);
    expect(part(room, 'error')).to.be.null;
    await host.releaseHold('audio');
    await waitUntil(() => noticeText(room) === 'You can unmute again', 'released', LONG);
    micButton(room)!.click();
    await waitUntil(() => room.engine!.self.media.audio, 'unmuted', LONG);
  });

  it('asks a promoted viewer before the camera opens, and shows the title the host sets', async () => {
    const { host, room } = await hostAndGuest('promoted', { role: 'viewer' });
    const roles: { role: string; previous: string; local: boolean }[] = [];
    room.addEventListener('rtc-role-change', (event) => roles.push(event.detail));
    await host.setRole('gus', 'participant');
    await waitUntil(() => noticeText(room) === 'You can speak now: turn on your camera?', 'asked', LONG);
    expect(roles.map(({ role, previous, local }) => ({ role, previous, local }))).to.deep.equal([{ role: 'participant', previous: 'viewer', local: true }]);
    expect(room.engine!.self.media.video, 'nothing opens until they choose').to.be.false;
    part(room, 'notice-accept')!.click();
    await waitUntil(() => room.engine!.self.media.video, 'camera on', LONG);

    const states: (string | null)[] = [];
    room.addEventListener('rtc-room-state', (event) => states.push(event.detail.state.title));
    await host.setTitle('Town hall');
    await waitUntil(() => part(room, 'header')!.querySelector('.title')!.textContent === 'Town hall', 'title in the header', LONG);
    expect(states).to.deep.equal(['Town hall']);
    await waitUntil(() => liveRegion(room).includes('The meeting is now called “Town hall”'), 'said', LONG);
  });

  it('holds a newcomer in the waiting phase until a host admits them; a denied one is told and stays in the lobby', async () => {
    const roomId = roomName('lobby');
    const host = new RtcClient({ server: server.url });
    clients.push(host);
    await host.join(await fetchDevToken(server.url, { room: roomId, user: 'hana', role: 'host' }), { audio: false, video: false });
    await host.setLobby(true);
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="gus" user-name="Gus" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    const waitingEvents: string[] = [];
    room.addEventListener('rtc-waiting', (event) => waitingEvents.push(event.detail.roomId));
    const joined = room.join();
    await waitUntil(() => room.phase === 'waiting', 'waiting', LONG);
    expect(room.getAttribute('phase')).to.equal('waiting');
    expect(waitingEvents).to.deep.equal([roomId]);
    await waitUntil(() => noticeText(room) === 'You are waiting for the host to let you in', 'told', LONG);
    expect(part(room, 'lobby'), 'the lobby stays').to.not.be.null;
    await expect(room).to.be.accessible();
    await waitUntil(() => host.waitingList.length === 1, 'the host sees the knock', LONG);
    await host.admit('gus');
    await joined;
    await waitUntil(() => room.phase === 'joined' && !part(room, 'notice'), 'in, notice gone', LONG);

    const other = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="ida" user-name="Ida" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    const refused = other.join().then(() => '', (error: { code: string }) => error.code);
    await waitUntil(() => other.phase === 'waiting' && host.waitingList.length === 1, 'ida waits', LONG);
    await host.deny('ida');
    expect(await refused).to.equal('denied');
    await waitUntil(() => other.phase === 'lobby' && !part(other, 'notice'), 'back in the lobby', LONG);
    expect(part(other, 'lobby')!.textContent).to.contain('The host did not let you in');
  });

  it('speaks Chinese: the notices, and the room is accessible with one open', async () => {
    const { host, room } = await hostAndGuest('zh', { lang: 'zh-CN' });
    await host.mute('gus', 'audio');
    await waitUntil(() => noticeText(room) === '主持人已将你的麦克风静音', 'muted, in Chinese', LONG);
    await host.askToUnmute('gus', 'video');
    await waitUntil(() => noticeText(room) === '主持人请你打开摄像头', 'asked, in Chinese', LONG);
    expect(part(room, 'notice-accept')!.textContent).to.equal('打开');
    expect(part(room, 'notice-dismiss')!.textContent).to.equal('暂不');
    await expect(room).to.be.accessible();
  });
});
