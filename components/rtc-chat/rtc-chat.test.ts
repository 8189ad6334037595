/** `<rtc-chat>` in real calls: engines in one page over the in-page hub, and through a real server for a socket drop. */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './rtc-chat.js';
import type { RtcChat } from './rtc-chat.component.js';
import type { RtcClient } from '../../core/rtc-client.js';
import { DEFAULTS } from '../../server/config.js';
import { LoopbackCall } from '../internal/testing/loopback-call.js';
import { dropUser, joinAs, roomName, startServer, stopServer, type TestServer } from '../../core/testing/call-fixture.js';
import { DefaultReconnectPolicy } from '../../core/signaling/reconnect-policy.js';

const LONG = { timeout: 20_000 };

const part = <T extends HTMLElement = HTMLElement>(el: RtcChat, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = (el: RtcChat, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const shownTexts = (el: RtcChat) => parts(el, 'text').map((t) => t.textContent);
const input = (el: RtcChat) => part<HTMLTextAreaElement>(el, 'input')!;
const focused = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

function chatFor(engine: RtcClient, attrs = ''): Promise<RtcChat> {
  const el = document.createElement('rtc-chat');
  el.engine = engine;
  el.style.cssText = 'display:block;width:360px;height:420px';
  if (attrs) el.setAttribute('lang', attrs);
  return fixture<RtcChat>(el);
}

async function typeAndSend(el: RtcChat, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<rtc-chat>', function () {
  this.timeout(90_000);
  let call: LoopbackCall;

  afterEach(async () => {
    await call?.close();
  });

  it('shows the history to a late joiner, with sender names, local times and the own messages apart', async () => {
    call = new LoopbackCall();
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    await alice.engine.sendMessage('Hello from Alice');
    await bob.engine.sendMessage('Hi Alice');
    await alice.engine.sendMessage('Welcome!');

    const carol = await call.joined('carol');
    const el = await chatFor(carol.engine);
    expect(shownTexts(el)).to.deep.equal(['Hello from Alice', 'Hi Alice', 'Welcome!']);
    expect(parts(el, 'sender').map((s) => s.textContent)).to.deep.equal(['Alice', 'Bob', 'Alice']);
    expect(parts(el, 'message-own')).to.have.length(0);
    expect(parts(el, 'separator').map((s) => s.textContent!.trim())).to.deep.equal(['Today']);

    const ts = carol.engine.messages[0]!.ts;
    const time = parts(el, 'time')[0]!;
    expect(time.getAttribute('datetime')).to.equal(new Date(ts).toISOString());
    const hours = new Date(ts).getHours();
    const minutes = String(new Date(ts).getMinutes()).padStart(2, '0');
    expect(time.textContent).to.match(new RegExp(`^${hours % 12 || 12}:${minutes}\\s(AM|PM)$`));

    const own = await chatFor(alice.engine);
    expect(parts(own, 'message-own').map((m) => m.querySelector('[part~="text"]')!.textContent)).to.deep.equal(['Hello from Alice', 'Welcome!']);
    expect(getComputedStyle(parts(own, 'message-own')[0]!).alignSelf).to.equal('flex-end');
    const fromBob = parts(own, 'message').find((m) => m.textContent!.includes('Hi Alice'))!;
    expect(getComputedStyle(fromBob).alignSelf).to.equal('flex-start');
  });

  it('sends by keyboard alone: Tab to the recipient and the text box, Shift+Enter for a new line, Enter to send', async () => {
    call = new LoopbackCall();
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    const carol = await call.joined('carol');
    const el = await chatFor(alice.engine);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('option').length === 3, 'bob and carol listed', LONG);
    (document.activeElement as HTMLElement | null)?.blur();

    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part(el, 'log'), 'the message list is reachable to scroll with keys');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(part(el, 'recipient'));
    await sendKeys({ press: 'ArrowDown' });
    expect(part<HTMLSelectElement>(el, 'recipient')!.selectedOptions[0]!.textContent).to.equal('Bob');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(input(el));
    expect(input(el).placeholder).to.equal('Message Bob privately');
    await sendKeys({ type: 'first line' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'second line' });
    expect(input(el).value).to.equal('first line\nsecond line');
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => bob.engine.messages.length === 1, 'bob got it', LONG);
    expect(bob.engine.messages[0]).to.include({ text: 'first line\nsecond line', from: 'alice' });
    expect(bob.engine.messages[0]!.to).to.deep.equal(['bob']);
    expect(input(el).value).to.equal('');
    expect(focused()).to.equal(input(el), 'focus stays in the text box');
    await waitUntil(() => parts(el, 'message-private').length === 1 && !part(el, 'message-pending'), 'stored', LONG);
    expect(part(el, 'private')!.textContent).to.equal('Private to Bob');
    expect(carol.engine.messages).to.have.length(0);
  });

  it('keeps private messages from everyone else, late joiners too', async () => {
    call = new LoopbackCall();
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    const carol = await call.joined('carol');
    await alice.engine.sendMessage('for everyone');
    await alice.engine.sendMessage('just for Bob', { to: ['bob'] });
    await alice.engine.sendMessage('after');

    const bobChat = await chatFor(bob.engine);
    const carolChat = await chatFor(carol.engine);
    await waitUntil(() => shownTexts(carolChat).length === 2 && shownTexts(bobChat).length === 3, 'delivered', LONG);
    expect(shownTexts(bobChat)).to.deep.equal(['for everyone', 'just for Bob', 'after']);
    expect(part(bobChat, 'private')!.textContent).to.equal('Private to you');
    expect(shownTexts(carolChat)).to.deep.equal(['for everyone', 'after']);

    const dan = await call.joined('dan');
    const danChat = await chatFor(dan.engine);
    expect(shownTexts(danChat)).to.deep.equal(['for everyone', 'after']);
    expect(danChat.shadowRoot!.textContent).not.to.contain('just for Bob');
  });

  it('renders markup in a message as text, and links as safe new-tab links', async () => {
    call = new LoopbackCall();
    const alice = await call.joined('alice');
    const mallory = await call.joined('mallory');
    const el = await chatFor(alice.engine);
    const flag = window as unknown as { chatPwned?: number };
    const payload =
      '<img src=x onerror="window.chatPwned=1"><script>window.chatPwned=2</script><b>bold</b> ' +
      '<a href="javascript:window.chatPwned=3">click</a> javascript:window.chatPwned=4 ' +
      '<svg onload="window.chatPwned=5"></svg> see https://example.com/a?b=1&c=2. or mailto:ada@example.com';
    await mallory.engine.sendMessage(payload);
    await waitUntil(() => part(el, 'text'), 'message shown', LONG);

    const text = part(el, 'text')!;
    expect(text.textContent).to.equal(payload);
    const elements = [...text.querySelectorAll('*')];
    expect(elements.map((e) => e.tagName)).to.deep.equal(['A', 'A'], 'only the two real links became elements');
    const [web, mail] = elements as HTMLAnchorElement[];
    expect(web!.href).to.equal('https://example.com/a?b=1&c=2');
    expect(web!.textContent).to.equal('https://example.com/a?b=1&c=2');
    expect(web!.target).to.equal('_blank');
    expect(web!.rel).to.equal('noopener noreferrer');
    expect(mail!.href).to.equal('mailto:ada@example.com');
    expect(el.shadowRoot!.querySelectorAll('img, script, b, svg:not(.icon)')).to.have.length(0);
    // Give an injected handler every chance to run: an image error or an SVG load fires within a frame or two.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200))));
    expect(flag.chatPwned).to.equal(undefined);
  });

  it('shows a message the server refused next to it, with a retry, and loses nothing typed', async () => {
    call = new LoopbackCall({ rateLimits: { ...DEFAULTS.rateLimits, chat: { capacity: 1, perSecond: 1 } } });
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    const el = await chatFor(alice.engine);
    const errors: string[] = [];
    el.addEventListener('rtc-error', (e) => errors.push(e.detail.code));

    await typeAndSend(el, 'one');
    await waitUntil(() => bob.engine.messages.length === 1, 'first delivered', LONG);
    await typeAndSend(el, 'two');
    await waitUntil(() => part(el, 'message-failed'), 'second refused', LONG);
    expect(part(el, 'message-failed')!.querySelector('[part~="text"]')!.textContent).to.equal('two');
    expect(part(el, 'status')!.textContent).to.contain('Not sent: Too many messages; slow down.');
    expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
    expect(errors).to.deep.equal(['rate-limited']);

    // The bucket refills one message a second; then the retry goes through, once.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    part(el, 'retry-button')!.click();
    await waitUntil(() => bob.engine.messages.length === 2, 'retried message delivered', LONG);
    await waitUntil(() => !part(el, 'message-failed') && !part(el, 'message-pending'), 'failed entry replaced', LONG);
    expect(shownTexts(el)).to.deep.equal(['one', 'two']);
  });

  it('refuses a message over the length limit, says by how much, and gives the text back to edit', async () => {
    call = new LoopbackCall({ maxChatBytes: 32 });
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    // The page claims a larger limit than the server's: the engine still refuses, and the chat says so.
    const el = await chatFor(alice.engine);
    el.maxBytes = 100_000;
    await el.updateComplete;
    const long = 'x'.repeat(40);
    await typeAndSend(el, long);
    await waitUntil(() => part(el, 'message-failed'), 'refused', LONG);
    expect(part(el, 'status')!.textContent).to.contain('The message is too large.');
    expect(part(el, 'retry-button'), 'retrying cannot help').to.be.null;
    await sendKeys({ type: 'draft' });
    part(el, 'edit-button')!.click();
    await el.updateComplete;
    expect(input(el).value).to.equal(`${long}\ndraft`);
    expect(part(el, 'message-failed')).to.be.null;

    // Left to itself the chat uses the limit the server announced, and warns before sending.
    el.maxBytes = undefined;
    input(el).focus();
    input(el).select();
    await sendKeys({ type: `${'x'.repeat(30)}中` });
    await el.updateComplete;
    expect(part(el, 'limit')!.textContent).to.equal('Characters over the limit: 1');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(part<HTMLButtonElement>(el, 'send-button')!.disabled).to.be.true;
    await sendKeys({ press: 'Enter' });
    expect(parts(el, 'message')).to.have.length(0);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(part(el, 'limit')!.textContent).to.equal('Characters left: 2');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bob.engine.messages.length === 1, 'delivered', LONG);
    expect(bob.engine.messages[0]!.text).to.equal('x'.repeat(30));
  });

  it('never turns a private message to someone who left into a message to everyone', async () => {
    call = new LoopbackCall();
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    const carol = await call.joined('carol');
    const el = await chatFor(alice.engine);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('option').length === 3, 'listed', LONG);
    const select = part<HTMLSelectElement>(el, 'recipient')!;
    select.value = 'bob';
    select.dispatchEvent(new Event('change'));
    await bob.engine.leave();
    await waitUntil(() => select.selectedOptions[0]?.textContent === 'Bob (left)', 'bob shown as gone', LONG);

    await typeAndSend(el, 'are you there?');
    await waitUntil(() => part(el, 'message-failed'), 'refused', LONG);
    expect(part(el, 'status')!.textContent).to.contain('That person is not in the room.');
    expect(carol.engine.messages).to.have.length(0);
  });

  it('follows new messages, stops when the reader scrolls up, and offers a jump back', async () => {
    call = new LoopbackCall({ rateLimits: { ...DEFAULTS.rateLimits, chat: { capacity: 50, perSecond: 50 } } });
    const alice = await call.joined('alice');
    const bob = await call.joined('bob');
    const el = await chatFor(alice.engine);
    const log = part(el, 'log')!;
    const atEnd = () => Math.abs(log.scrollHeight - log.clientHeight - log.scrollTop) <= 2;

    for (let i = 1; i <= 12; i++) await bob.engine.sendMessage(`message ${i}`);
    await waitUntil(() => shownTexts(el).length === 12, 'all shown', LONG);
    await el.updateComplete;
    expect(log.scrollHeight).to.be.greaterThan(log.clientHeight);
    expect(atEnd(), 'followed the newest').to.be.true;

    log.scrollTop = 0;
    await oneEvent(log, 'scroll');
    await bob.engine.sendMessage('while away 1');
    await bob.engine.sendMessage('while away 2');
    await waitUntil(() => shownTexts(el).length === 14, 'both arrived', LONG);
    await el.updateComplete;
    expect(log.scrollTop).to.equal(0, 'the reader stays where they were');
    expect(part(el, 'jump-button')!.textContent).to.match(/New messages\s*2/);

    part(el, 'jump-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(atEnd()).to.be.true;
    expect(part(el, 'jump-button')).to.be.null;
    expect(focused()).to.equal(input(el));

    // Sending always shows one's own message, even from higher up.
    log.scrollTop = 0;
    await oneEvent(log, 'scroll');
    await typeAndSend(el, 'mine');
    await waitUntil(() => shownTexts(el).at(-1) === 'mine', 'own message shown', LONG);
    await el.updateComplete;
    expect(atEnd()).to.be.true;
  });

  it('has an empty state, waits for the call before sending, and speaks Chinese', async () => {
    call = new LoopbackCall();
    const alice = call.person('alice');
    const el = await chatFor(alice.engine, 'zh-CN');
    expect(part(el, 'empty')!.textContent).to.contain('还没有消息');
    expect(input(el).disabled).to.be.true;
    expect(input(el).placeholder).to.equal('加入通话后即可聊天');

    await alice.engine.join(alice.token, { audio: false, video: false });
    await el.updateComplete;
    expect(input(el).disabled).to.be.false;
    expect(input(el).placeholder).to.equal('发送给所有人');
    expect(part(el, 'heading')!.textContent).to.equal('聊天');
    expect(part(el, 'send-button')!.getAttribute('aria-label')).to.equal('发送');
    await typeAndSend(el, 'hello');
    await waitUntil(() => part(el, 'separator'), 'shown', LONG);
    expect(part(el, 'separator')!.textContent!.trim()).to.equal('今天');
    expect(part(el, 'sender')!.textContent).to.equal('我');
    expect(part(el, 'time')!.textContent).to.match(/^\d{1,2}:\d{2}$/);
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`is accessible (${lang}), with private, pending and failed messages`, async () => {
      call = new LoopbackCall({ maxChatBytes: 24 });
      const alice = await call.joined('alice');
      const bob = await call.joined('bob');
      await bob.engine.sendMessage('hi https://example.com');
      await bob.engine.sendMessage('psst', { to: ['alice'] });
      const el = await chatFor(alice.engine, lang);
      el.maxBytes = 64;
      await typeAndSend(el, 'this one is far too long for it');
      await waitUntil(() => part(el, 'message-failed'), 'refused', LONG);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<rtc-chat> through a real server', function () {
  this.timeout(90_000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ graceMs: 15_000 });
  });

  after(async () => {
    await stopServer(server);
  });

  it('delivers a message sent during a socket drop exactly once', async () => {
    const room = roomName('chat-drop');
    const noMedia = { audio: false, video: false };
    // A slow first retry keeps Alice offline long enough to type during the drop.
    const alice = await joinAs(server, { room, user: 'alice', join: noMedia, options: { reconnectPolicy: new DefaultReconnectPolicy({ delays: [1500] }) } });
    const bob = await joinAs(server, { room, user: 'bob', join: noMedia });
    const aliceChat = await chatFor(alice);
    const bobChat = await chatFor(bob);
    try {
      // One message races the drop (it may reach the server before or after), one is typed while offline.
      await typeAndSend(aliceChat, 'racing the drop');
      await dropUser(server, 'alice');
      await waitUntil(() => alice.state === 'reconnecting', 'alice lost the socket', LONG);
      await typeAndSend(aliceChat, 'typed while offline');
      expect(parts(aliceChat, 'message-pending').map((m) => m.querySelector('[part~="status"]')!.textContent)).to.include('Sending…');

      await waitUntil(() => alice.state === 'connected', 'alice back', LONG);
      await waitUntil(() => shownTexts(bobChat).length >= 2 && parts(aliceChat, 'message-pending').length === 0, 'delivered', LONG);
      const carol = await joinAs(server, { room, user: 'carol', join: noMedia });
      const carolChat = await chatFor(carol);
      for (const chat of [aliceChat, bobChat, carolChat]) {
        expect(shownTexts(chat)).to.deep.equal(['racing the drop', 'typed while offline']);
      }
      await carol.leave();
    } finally {
      await Promise.all([alice.leave(), bob.leave()]);
    }
  });
});

describe('<rtc-chat> with a long history', function () {
  this.timeout(90_000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ historyBytes: 8 * 1024 });
  });
  after(async () => {
    await stopServer(server);
  });

  it('offers the messages a join left out, keeps the reader in place, and stops offering at the first one', async () => {
    const room = roomName('chat-earlier');
    const noMedia = { audio: false, video: false };
    const ann = await joinAs(server, { room, user: 'ann', join: noMedia });
    // Within the chat rate limit (bursts of 10): 10 messages of ~1 KB make more than one 8 KiB page.
    for (let i = 0; i < 10; i++) await ann.sendMessage(`${i} ${'x'.repeat(1000)}`);
    const late = await joinAs(server, { room, user: 'late', join: noMedia });
    const el = await chatFor(late);
    const numbers = () => shownTexts(el).map((t) => Number(t!.split(' ')[0]));
    try {
      expect(numbers()).to.not.include(0);
      const button = () => part<HTMLButtonElement>(el, 'earlier-button');
      expect(button()?.textContent?.trim()).to.equal('Show earlier messages');
      const log = part(el, 'log')!;
      // The reader scrolls up to the start of what the join brought.
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
      log.scrollTop = 0;
      await oneEvent(log, 'scroll');
      expect(log.scrollTop).to.equal(0);
      const firstShown = parts(el, 'message')[0]!;
      const topBefore = firstShown.getBoundingClientRect().top - log.getBoundingClientRect().top;
      // Keyboard: the button is a real button at the top of the log.
      button()!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => numbers().includes(0) || numbers()[0]! < 9 - 8, 'an earlier page arrived', LONG);
      await waitUntil(() => !button() || !button()!.disabled, 'loaded', LONG);
      // The message that was at the top is still where the reader saw it (not pushed out by the page above it).
      const top = firstShown.getBoundingClientRect().top - log.getBoundingClientRect().top;
      expect(top, 'the reader stays on what they were reading').to.be.within(topBefore - 30, topBefore + 30);
      while (button()) {
        button()!.click();
        await waitUntil(() => !button() || !button()!.disabled, 'loaded', LONG);
      }
      expect(numbers()).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await Promise.all([ann.leave(), late.leave()]);
    }
  });
});
