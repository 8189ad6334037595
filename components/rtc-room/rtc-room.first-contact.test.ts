/**
 * `<rtc-room>` as a newcomer meets it, against the real server on loopback: a page set up wrong,
 * a full room, a password room, blocked devices, a removal, a lost connection, small boxes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { createRoom, fetchDevToken } from '../../core/dev-token.js';
import { RtcClient } from '../../core/rtc-client.js';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import { browserFamily } from './media-access.js';

const LONG = { timeout: 30_000 };
let unique = 0;
const roomName = (what: string) => `${what}-${Date.now().toString(36)}-${unique++}`;

const part = (room: RtcRoom, name: string) => room.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const joinButton = (room: RtcRoom) => part(room, 'join-button') as HTMLButtonElement;
const deviceButton = (room: RtcRoom, kind: 'microphone' | 'camera') =>
  room.shadowRoot!.querySelector<HTMLButtonElement>(`.preview-controls [data-device="${kind}"]`)!;
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Presses a button the way a keyboard user does. */
async function press(button: HTMLElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

/** Records console.error while `run` runs. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}

describe('<rtc-room> first contact', function () {
  this.timeout(120_000);
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

  for (const [lang, neutral, next] of [
    ['en', "This call isn't set up correctly.", 'Let the site’s owner know.'],
    ['zh-CN', '此通话的设置不正确。', '请告知网站的管理员。'],
  ] as const) {
    it(`tells the developer, not the person, that the room attribute is missing (${lang})`, async () => {
      const room = await fixture<RtcRoom>(html`<rtc-room lang=${lang} server=${server.url} user-name="Ann" video="off" style="width:800px;height:480px"></rtc-room>`);
      const logged = await consoleErrors(async () => {
        await press(joinButton(room));
        await waitUntil(() => part(room, 'error'), 'an error in the lobby', LONG);
      });
      expect(text(part(room, 'error'))).to.contain(neutral).and.contain(next).and.not.contain('room');
      expect(logged.join('\n')).to.contain('`room` attribute is missing');
      expect(room.phase).to.equal('lobby');
      await expect(room).to.be.accessible();
    });
  }

  it('says a token endpoint answering 404 is a setup problem, and tells the developer what to fix', async () => {
    // The page's own origin is no rtc-kit server: GET /api/token answers 404, as on a production server.
    const room = await fixture<RtcRoom>(html`<rtc-room server=${location.origin} room="anywhere" user-name="Ann" video="off"
      style="width:800px;height:480px"></rtc-room>`);
    const codes: string[] = [];
    room.addEventListener('rtc-error', (event) => codes.push(event.detail.code));
    const logged = await consoleErrors(async () => {
      await press(joinButton(room));
      await waitUntil(() => part(room, 'error'), 'an error in the lobby', LONG);
    });
    expect(codes).to.deep.equal(['misconfigured']);
    expect(text(part(room, 'error'))).to.contain("This call isn't set up correctly.").and.not.contain('role');
    expect(logged.join('\n')).to.match(/GET .*\/api\/token answered 404/).and.contain('dev mode');
  });

  it('says how many the full room holds and what to do, in both languages', async () => {
    const { roomId } = await createRoom(server.url, { maxParticipants: 2 });
    for (const user of ['first', 'second']) {
      const client = new RtcClient({ server: server.url });
      clients.push(client);
      await client.join(await fetchDevToken(server.url, { room: roomId, user }), { audio: false, video: false });
    }
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-name="Third" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    await press(joinButton(room));
    await waitUntil(() => part(room, 'error'), 'refused', LONG);
    expect(text(part(room, 'error'))).to.contain('The room is full (2 people).').and.contain('Try again later');
    room.lang = 'zh-CN';
    await room.updateComplete;
    expect(text(part(room, 'error'))).to.contain('房间已满（2 人）。').and.contain('请稍后再试');
    await expect(room).to.be.accessible();
  });

  it('asks for the password when the room needs one, says when it is wrong, and joins with the right one', async () => {
    const { roomId } = await createRoom(server.url, { password: 'sesame' });
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-name="Pat" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    expect(room.shadowRoot!.querySelector('input[name="password"]'), 'no password field before the server asks').to.be.null;

    await press(joinButton(room));
    await waitUntil(() => room.shadowRoot!.querySelector('input[name="password"]'), 'the lobby asks for the password', LONG);
    const field = room.shadowRoot!.querySelector<HTMLInputElement>('input[name="password"]')!;
    expect(room.shadowRoot!.activeElement, 'focus goes to the password').to.equal(field);
    expect(text(room.shadowRoot!.querySelector('#lobby-password-hint'))).to.equal('This room needs a password');
    expect(part(room, 'error'), 'asking is no error').to.be.null;
    await expect(room).to.be.accessible();

    await sendKeys({ type: 'open' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(room.shadowRoot!.querySelector('#lobby-password-hint')) === 'Wrong password, try again', 'told it is wrong', LONG);
    expect(field.getAttribute('aria-invalid')).to.equal('true');

    field.select();
    await sendKeys({ type: 'sesame' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => room.phase === 'joined', 'joined with the password', LONG);
  });

  it('offers no rejoin to someone a host removed', async () => {
    const roomId = roomName('removal');
    const host = new RtcClient({ server: server.url });
    clients.push(host);
    await host.join(await fetchDevToken(server.url, { room: roomId, user: 'hana', role: 'host' }), { audio: false, video: false });
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="gus" user-name="Gus" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    await room.join();
    await waitUntil(() => host.participants.has('gus'), 'the host sees the guest', LONG);
    await host.kick('gus');
    await waitUntil(() => room.phase === 'left', 'removed', LONG);
    const left = part(room, 'left')!;
    expect(left.dataset['reason']).to.equal('kicked');
    expect(text(left)).to.contain('You were removed from the call').and.contain('You can’t rejoin this call.');
    expect(left.querySelector('button'), 'no rejoin').to.be.null;
    expect(part(room, 'error'), 'said once, by the page').to.be.null;
    await expect(room).to.be.accessible();
  });

  it('keeps a removed guest out after a reload: the same browser is the same guest', async () => {
    const roomId = roomName('removal-reload');
    const host = new RtcClient({ server: server.url });
    clients.push(host);
    await host.join(await fetchDevToken(server.url, { room: roomId, user: 'hana', role: 'host' }), { audio: false, video: false });
    const first = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-name="Gus" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    await first.join();
    const guestIn = () => [...host.participants.keys()].find((id) => id.startsWith('guest-'));
    await waitUntil(guestIn, 'the host sees the guest', LONG);
    const guest = guestIn();
    expect(guest, 'a guest id, not one the page chose').to.be.a('string');
    await host.kick(guest!);
    await waitUntil(() => first.phase === 'left', 'removed', LONG);
    first.remove();

    // A reload: a new room element in the same browser, nothing set but the room.
    const again = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-name="Gus" video="off" audio="off"
      style="width:800px;height:480px"></rtc-room>`);
    const codes: string[] = [];
    again.addEventListener('rtc-error', (event) => codes.push(event.detail.code));
    await again.join().catch(() => {});
    await waitUntil(() => codes.length > 0, 'refused', LONG);
    expect(codes[0]).to.equal('kicked');
    expect(again.phase).to.not.equal('joined');
    expect(host.participants.has(guest!), 'the host never sees them back').to.equal(false);
  });

  it('says "Connection lost" when the server is gone for good, and rejoins from there', async () => {
    const roomId = roomName('lost');
    // An engine that gives up at once: what a long outage ends in.
    const engine = new RtcClient({ server: server.url, reconnectPolicy: { nextRetryDelayMs: () => null } });
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id="lou" user-name="Lou" video="off" audio="off"
      .engine=${engine} style="width:800px;height:480px"></rtc-room>`);
    await room.join();
    await executeServerCommand('rtc-server-drop', { id: server.id, userId: 'lou' });
    await waitUntil(() => room.phase === 'left', 'lost', LONG);
    const left = part(room, 'left')!;
    expect(text(left.querySelector('h2'))).to.equal('Connection lost');
    expect(text(left)).not.to.contain('You left');
    expect(part(room, 'error'), 'said once, by the page').to.be.null;
    await press(part(room, 'rejoin-button')!);
    await waitUntil(() => room.phase === 'joined', 'back in', LONG);
  });

  for (const [width, height] of [[320, 240], [640, 360]] as const) {
    for (const lang of ['en', 'zh-CN']) {
      it(`keeps Join in view in a ${width}×${height} flex box, with the password asked (${lang})`, async () => {
        const { roomId } = await createRoom(server.url, { password: 'sesame' });
        const box = await fixture<HTMLDivElement>(html`<div style="display:flex;flex-direction:column;width:${width}px;height:${height}px">
          <rtc-room lang=${lang} server=${server.url} room=${roomId} style="flex:1"></rtc-room></div>`);
        const room = box.querySelector('rtc-room')!;
        await waitUntil(() => room.shadowRoot!.querySelector('rtc-video-tile'), 'the preview', LONG);
        const inView = () => {
          const outer = box.getBoundingClientRect();
          const rect = joinButton(room).getBoundingClientRect();
          const hit = room.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
          return rect.height > 0 && rect.top >= outer.top && rect.bottom <= outer.bottom && rect.left >= outer.left
            && rect.right <= outer.right && joinButton(room).contains(hit);
        };
        expect(inView(), 'Join in view in the lobby').to.be.true;
        room.userName = 'Pat';
        await press(joinButton(room));
        await waitUntil(() => room.shadowRoot!.querySelector('input[name="password"]'), 'asked for the password', LONG);
        expect(inView(), 'Join in view with the password asked').to.be.true;
        const preview = part(room, 'preview')!.getBoundingClientRect();
        expect(preview.bottom <= box.getBoundingClientRect().bottom, 'the preview stays in the box').to.be.true;
        await expect(room).to.be.accessible();
      });
    }
  }
});

describe('<rtc-room> with the camera and microphone blocked', function () {
  this.timeout(60_000);
  const devices = navigator.mediaDevices;
  const realGetUserMedia = devices.getUserMedia.bind(devices);
  const realQuery = navigator.permissions.query.bind(navigator.permissions);
  let asked: MediaStreamConstraints[];

  beforeEach(() => {
    asked = [];
    // What a browser does for a site the person blocked: refuse at once; the Permissions API has no answer yet.
    devices.getUserMedia = (constraints?: MediaStreamConstraints) => {
      asked.push(constraints ?? {});
      return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    };
    navigator.permissions.query = () => Promise.resolve({ state: 'prompt' } as PermissionStatus);
  });

  afterEach(() => {
    devices.getUserMedia = realGetUserMedia;
    navigator.permissions.query = realQuery;
  });

  for (const [lang, blocked, steps, retry] of [
    ['en', 'The browser blocks the camera and microphone for this site.', 'left of the address bar', 'Try again'],
    ['zh-CN', '浏览器阻止了此网站使用摄像头和麦克风。', '地址栏左侧', '重试'],
  ] as const) {
    it(`shows both devices off, how to allow them in this browser, and asks again on Try again (${lang})`, async () => {
      const room = await fixture<RtcRoom>(html`<rtc-room lang=${lang} room="blocked" user-name="Bo" style="width:800px;height:480px"></rtc-room>`);
      await waitUntil(() => part(room, 'media-denied'), 'the notice', LONG);
      await waitUntil(() => deviceButton(room, 'microphone').getAttribute('aria-pressed') === 'false', 'the microphone shows off');
      expect(deviceButton(room, 'camera').getAttribute('aria-pressed')).to.equal('false');
      expect(deviceButton(room, 'microphone').title).to.equal(lang === 'en' ? 'Microphone blocked' : '麦克风已被阻止');
      const notice = part(room, 'media-denied')!;
      expect(notice.dataset['browser']).to.equal('chrome');
      await waitUntil(() => text(notice).includes(steps), 'the steps for this browser', LONG);
      expect(text(notice)).to.contain(blocked);
      await expect(room).to.be.accessible();

      const before = asked.length;
      await press(part(room, 'media-retry')!);
      await waitUntil(() => asked.length >= before + 2, 'asked again for both');
      expect(part(room, 'media-denied'), 'still blocked').to.exist;

      // The person allows access in the site settings; Try again now gets the devices.
      devices.getUserMedia = realGetUserMedia;
      expect(text(part(room, 'media-retry'))).to.equal(retry);
      await press(part(room, 'media-retry')!);
      await waitUntil(() => !part(room, 'media-denied'), 'the notice goes', LONG);
      expect(deviceButton(room, 'microphone').getAttribute('aria-pressed')).to.equal('true');
      await waitUntil(() => deviceButton(room, 'camera').getAttribute('aria-pressed') === 'true', 'the camera is on', LONG);
    });
  }

  it('tells the browsers apart for their steps, desktop and phone', () => {
    const ua = (userAgent: string, userAgentData?: { brands: { brand: string }[]; mobile: boolean }) => browserFamily({ userAgent, userAgentData });
    const chromium = (brand: string, mobile = false) => ({ brands: [{ brand: 'Chromium' }, { brand }], mobile });
    expect(ua('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36', chromium('Google Chrome'))).to.equal('chrome');
    expect(ua('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0', chromium('Microsoft Edge'))).to.equal('edge');
    expect(ua('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36', chromium('Google Chrome', true))).to.equal('chrome-mobile');
    expect(ua('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).to.equal('firefox');
    expect(ua('Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0')).to.equal('firefox-mobile');
    expect(ua('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15')).to.equal('safari');
    expect(ua('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1')).to.equal('safari-ios');
    expect(ua('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 CriOS/130.0 Mobile/15E148 Safari/604.1')).to.equal('safari-ios');
  });
});
