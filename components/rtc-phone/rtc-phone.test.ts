/**
 * `<rtc-phone>` through the real server on loopback (dev mode), with Chromium's fake camera: calls
 * between phones on one page, each its own line as a tab would be (two phones with one user id are
 * that user's two tabs).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startServer, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { framesArrive, until } from '../../core/testing/media-probes.js';
import type { RtcCallStateEvent } from '../events/rtc-call-state.js';
import type { RtcIncomingCallEvent } from '../events/rtc-incoming-call.js';
import { ManualClock } from '../internal/testing/manual-clock.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import './rtc-phone.js';
import type { RtcPhone } from './rtc-phone.component.js';

const LONG = { timeout: 30_000 };
const id = (name: string) => `${name}-${Math.random().toString(36).slice(2, 7)}`;

/** A phone that remembers the call states it told the page. */
interface Phone extends RtcPhone {
  states: string[];
}

function remember(phone: RtcPhone): Phone {
  const states: string[] = [];
  phone.addEventListener('rtc-call-state', (event: RtcCallStateEvent) => states.push(event.detail.state));
  return Object.assign(phone, { states });
}

const part = (phone: RtcPhone, name: string) => phone.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const room = (phone: RtcPhone) => phone.querySelector<RtcRoom>('rtc-room');
const connected = (phones: RtcPhone[]) => waitUntil(() => phones.every((p) => p.line?.state === 'connected'), 'the lines to open', LONG);

describe('<rtc-phone> with the server', function () {
  this.timeout(120_000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ graceMs: 1000 });
  });

  after(async () => {
    await stopServer(server);
  });

  async function phones(people: { user: string; name: string; lang?: string; mode?: string }[]): Promise<Phone[]> {
    const box = await fixture<HTMLElement>(html`<div>
      ${people.map((p) => html`<rtc-phone server=${server.url} user-id=${p.user} user-name=${p.name} lang=${p.lang ?? 'en'}
        mode=${p.mode ?? 'flex'} silent style="display:block;width:390px;height:420px"></rtc-phone>`)}
    </div>`);
    const list = [...box.querySelectorAll('rtc-phone')].map(remember);
    await connected(list);
    return list;
  }

  it('rings both of B\'s tabs; B answers in one, the other says answered elsewhere, and A and B see each other live', async () => {
    const han = id('han');
    const [a, bTab1, bTab2] = await phones([{ user: id('li'), name: 'Li Lei' }, { user: han, name: 'Han Meimei' }, { user: han, name: 'Han Meimei' }]);
    const bId = bTab1!.userId;
    const titleBefore = document.title;

    const placing = a!.call(bId, { name: 'Han Meimei' });
    await a!.updateComplete;
    expect(a!.state).to.equal('calling');
    expect(part(a!, 'callee')!.textContent).to.equal('Calling Han Meimei…');
    await placing;

    await waitUntil(() => bTab1!.state === 'ringing' && bTab2!.state === 'ringing', 'both tabs to ring', LONG);
    expect(bTab1!.getAttribute('state')).to.equal('ringing');
    expect(part(bTab2!, 'caller')!.textContent).to.equal('Li Lei is calling');
    expect(part(bTab2!, 'incoming')!.textContent).to.contain('Incoming video call');
    expect(document.title).to.equal('📞 Li Lei is calling…', 'the tab title shows the call');

    part(bTab1!, 'accept')!.click();
    await waitUntil(() => part(bTab2!, 'notice')?.textContent?.includes('Answered on another device'), 'the other tab to say so', LONG);
    expect(bTab2!.state).to.equal('idle');
    expect(bTab2!.states).to.include('answered-elsewhere');
    expect(document.title).to.equal(titleBefore, 'the title is back');

    await waitUntil(() => room(a!)?.phase === 'joined' && room(bTab1!)?.phase === 'joined', 'both in the call', LONG);
    expect(a!.state).to.equal('in-call');
    expect(a!.states).to.deep.equal(['ringing', 'accepted']);
    expect(room(a!)!.engine!.roomId).to.equal(room(bTab1!)!.engine!.roomId);
    const remote = (phone: RtcPhone) => [...room(phone)!.engine!.participants.values()].find((p) => !p.local)?.stream;
    await waitUntil(() => remote(a!) && remote(bTab1!), 'each to get the other\'s media', LONG);
    await framesArrive(remote(a!));
    await framesArrive(remote(bTab1!));

    await bTab1!.hangup();
    await waitUntil(() => !room(a!) && !room(bTab1!), 'the other side hangs up too, both rooms go', LONG);
    await waitUntil(() => a!.states.includes('ended'), 'the call ends', LONG);
    expect(a!.state).to.equal('idle');
  });

  it('tells the caller when the callee declines, with Escape on the incoming panel', async () => {
    const [a, b] = await phones([{ user: id('li'), name: 'Li Lei' }, { user: id('han'), name: 'Han Meimei' }]);
    await a!.call(b!.userId, { name: 'Han Meimei', video: false });
    await waitUntil(() => b!.state === 'ringing', 'b rings', LONG);
    expect(part(b!, 'incoming')!.textContent).to.contain('Incoming audio call');
    expect(part(b!, 'accept-audio')).to.equal(null, 'an audio call has one accept');
    expect(b!.shadowRoot!.activeElement).to.equal(part(b!, 'accept'), 'the incoming panel takes the focus');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => a!.states.includes('declined'), 'a hears declined', LONG);
    await waitUntil(() => part(a!, 'notice')?.textContent?.includes('Han Meimei declined the call'), 'a sees it', LONG);
    expect(b!.state).to.equal('idle');
    expect(part(b!, 'notice')).to.equal(null, 'no notice for a call declined here');
  });

  it('answers on Enter (audio only, from the panel) and stops the ringing when the caller cancels', async () => {
    const [a, b] = await phones([{ user: id('li'), name: 'Li Lei' }, { user: id('han'), name: 'Han Meimei' }]);
    const first = await a!.call(b!.userId);
    await waitUntil(() => b!.state === 'ringing', 'b rings', LONG);
    await a!.cancel(first.callId);
    await waitUntil(() => b!.state === 'idle', 'b stops ringing', LONG);
    expect(b!.states).to.include('cancelled');
    expect(part(b!, 'notice')!.textContent).to.contain('Missed call from Li Lei');
    expect(a!.state).to.equal('idle');

    await a!.call(b!.userId);
    await waitUntil(() => b!.state === 'ringing', 'b rings again', LONG);
    (part(b!, 'incoming')!).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => room(b!)?.phase === 'joined' && room(a!)?.phase === 'joined', 'Enter answers', LONG);
    await a!.hangup();
    await waitUntil(() => !room(a!) && !room(b!), 'both rooms go', LONG);
  });

  it('says missed on both sides when nobody answers in time, and busy to a third caller during a call', async () => {
    const [a, b, c] = await phones([{ user: id('li'), name: 'Li Lei' }, { user: id('han'), name: 'Han Meimei' }, { user: id('lucy'), name: 'Lucy' }]);
    await a!.call(b!.userId, { name: 'Han Meimei', timeoutMs: 5_000 });
    await waitUntil(() => a!.states.includes('missed') && b!.states.includes('missed'), 'the server\'s timeout', LONG);
    await waitUntil(() => part(a!, 'notice')?.textContent?.includes('No answer from Han Meimei'), 'the caller is told', LONG);
    expect(part(b!, 'notice')!.textContent).to.contain('Missed call from Li Lei');
    expect(b!.state).to.equal('idle');

    await a!.call(b!.userId, { name: 'Han Meimei' });
    await waitUntil(() => b!.state === 'ringing', 'b rings', LONG);
    part(b!, 'accept-audio')!.click();
    await waitUntil(() => room(a!)?.phase === 'joined' && room(b!)?.phase === 'joined', 'a and b in the call', LONG);
    expect(room(b!)!.engine!.self.media.video).to.equal(false, 'answered audio only');
    await c!.call(b!.userId, { name: 'Han Meimei' }).catch(() => {});
    await waitUntil(() => part(c!, 'notice')?.textContent?.includes('Han Meimei is in another call'), 'c hears busy', LONG);
    expect(c!.states).to.include('busy');
    expect(b!.state).to.equal('in-call', 'b\'s call goes on');
    await a!.hangup();
    await waitUntil(() => !room(a!) && !room(b!), 'both rooms go', LONG);
  });

  it('lets a page that cancels rtc-incoming-call show its own UI and answer with decline()', async () => {
    const [a, b] = await phones([{ user: id('li'), name: 'Li Lei' }, { user: id('han'), name: 'Han Meimei' }]);
    let asked: RtcIncomingCallEvent['detail'] | undefined;
    b!.addEventListener('rtc-incoming-call', (event) => {
      asked = event.detail;
      event.preventDefault();
    });
    const { callId } = await a!.call(b!.userId, { data: { topic: 'lunch' } });
    await waitUntil(() => asked, 'the page is asked', LONG);
    expect(asked).to.deep.include({ callId, video: true, data: { topic: 'lunch' } });
    expect(asked!.from.name).to.equal('Li Lei');
    await b!.updateComplete;
    expect(part(b!, 'panel')).to.equal(null, 'no panel of the phone\'s own');
    expect(b!.state).to.equal('idle');
    await b!.decline(callId);
    await waitUntil(() => a!.states.includes('declined'), 'a hears declined', LONG);
  });

  it('says why a call could not be placed', async () => {
    const [a] = await phones([{ user: id('li'), name: 'Li Lei' }]);
    const error = await a!.call('nobody-here', { name: 'Lucy' }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('offline');
    await a!.updateComplete;
    expect(part(a!, 'notice')!.textContent).to.contain('Lucy is not reachable right now');
    expect(a!.state).to.equal('idle');
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`shows accessible incoming and outgoing panels (${lang})`, async () => {
      const [a, b] = await phones([{ user: id('li'), name: 'Li Lei', lang }, { user: id('han'), name: 'Han Meimei', lang }]);
      const { callId } = await a!.call(b!.userId, { name: 'Han Meimei' });
      await waitUntil(() => b!.state === 'ringing', 'b rings', LONG);
      await a!.updateComplete;
      const zh = lang === 'zh-CN';
      expect(part(a!, 'callee')!.textContent).to.equal(zh ? '正在呼叫 Han Meimei…' : 'Calling Han Meimei…');
      expect(part(b!, 'caller')!.textContent).to.equal(zh ? 'Li Lei 来电' : 'Li Lei is calling');
      expect(part(b!, 'accept')!.getAttribute('aria-label')).to.equal(zh ? '视频接听' : 'Accept with video');
      expect(part(b!, 'accept-audio')!.getAttribute('aria-label')).to.equal(zh ? '仅语音接听' : 'Accept audio only');
      expect(part(b!, 'decline')!.getAttribute('aria-label')).to.equal(zh ? '拒绝' : 'Decline');
      expect(part(a!, 'cancel')!.getAttribute('aria-label')).to.equal(zh ? '取消' : 'Cancel');
      expect(part(b!, 'avatar')!.textContent!.trim()).to.equal('LL');
      await expect(a).to.be.accessible();
      await expect(b).to.be.accessible();
      await a!.cancel(callId);
      await waitUntil(() => b!.state === 'idle', 'b stops', LONG);
    });
  }

  it('rings on the room\'s answer page in answer mode, restyled by the page\'s CSS', async () => {
    const style = document.createElement('style');
    style.textContent = 'rtc-phone .answer .btn-accept { background: rgb(1, 2, 3); } rtc-phone .answer .message.calling { color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const [a, b] = await phones([{ user: id('li'), name: 'Li Lei', mode: 'answer' }, { user: id('han'), name: 'Han Meimei', mode: 'answer' }]);
      await a!.call(b!.userId, { name: 'Han Meimei' });
      await waitUntil(() => room(a!)?.querySelector('.message.calling') && room(b!)?.querySelector('.message.calling'), 'both answer pages show the call', LONG);
      expect(room(a!)!.phase).to.equal('calling');
      expect(room(b!)!.phase).to.equal('ringing');
      expect(room(a!)!.querySelector('.message.calling')!.textContent).to.contain('Calling Han Meimei…');
      expect(room(a!)!.querySelector('.btn-accept')).to.equal(null, 'the caller can only cancel');
      expect(room(b!)!.querySelector('.message.calling')!.textContent).to.contain('Li Lei is calling');
      const accept = room(b!)!.querySelector<HTMLElement>('.btn-accept')!;
      expect(getComputedStyle(accept).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(room(b!)!.querySelector('.message.calling')!).color).to.equal('rgb(4, 5, 6)');
      expect(room(b!)!.querySelector('.btn-hangup')!.getAttribute('aria-label')).to.equal('Decline');
      expect(b!.shadowRoot!.querySelector('.panel')).to.equal(null, 'the phone shows no panel of its own');
      accept.click();
      await waitUntil(() => room(a!)?.phase === 'joined' && room(b!)?.phase === 'joined', 'both in the call', LONG);
      expect(room(b!)!.querySelector('.btn-hangup')!.getAttribute('aria-label')).to.equal('Leave call');
      await b!.hangup();
      await waitUntil(() => !room(a!) && !room(b!), 'both rooms go', LONG);
    } finally {
      style.remove();
    }
  });

  it('answer mode: the ringing page takes the focus; Escape declines and Enter accepts there, as on the panels', async () => {
    const [a, b] = await phones([{ user: id('li'), name: 'Li Lei', mode: 'answer' }, { user: id('han'), name: 'Han Meimei', mode: 'answer' }]);
    const ringsWithFocus = async () => {
      await waitUntil(() => room(b!)?.querySelector('.btn-accept'), 'b\'s answer page rings', LONG);
      await waitUntil(() => document.activeElement === room(b!)!.querySelector('.btn-accept'), 'on its accept button', LONG);
    };
    await a!.call(b!.userId, { name: 'Han Meimei' });
    await ringsWithFocus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => a!.states.includes('declined'), 'Escape declines', LONG);
    await waitUntil(() => !room(b!)?.querySelector('.btn-accept'), 'and the ringing page goes', LONG);

    await a!.call(b!.userId, { name: 'Han Meimei' });
    await ringsWithFocus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => room(a!)?.phase === 'joined' && room(b!)?.phase === 'joined', 'Enter accepts: both in the call', LONG);
    await b!.hangup();
    await waitUntil(() => !room(a!) && !room(b!), 'both rooms go', LONG);
  });

  it('lets the notice go by itself after a while (the clock the page gives)', async () => {
    const [a] = await phones([{ user: id('li'), name: 'Li Lei' }]);
    const clock = new ManualClock();
    a!.clock = clock;
    await a!.call('nobody-here').catch(() => {});
    await a!.updateComplete;
    expect(part(a!, 'notice')).to.not.equal(null);
    clock.advance(5_000);
    await a!.updateComplete;
    expect(part(a!, 'notice')).to.equal(null);
  });
});

describe('<rtc-phone> before any line', () => {
  it('shows nothing while idle', async () => {
    const phone = await fixture<RtcPhone>(html`<rtc-phone server="http://127.0.0.1:9" user-id="x"></rtc-phone>`);
    await until(() => phone.hasUpdated, 'rendered');
    expect(phone.state).to.equal('idle');
    expect(phone.shadowRoot!.querySelector('[part]')).to.equal(null);
    expect(phone.getBoundingClientRect().height).to.equal(0);
  });
});
