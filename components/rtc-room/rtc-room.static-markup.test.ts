/**
 * The README's composition the way a CMS page has it: static markup first, the kit's definitions
 * after (the nested elements are defined before `<rtc-room>` and ask for its contexts before it is
 * upgraded). This file imports no element up front; each test writes its markup, then loads the
 * all-in-one entry, as the page's script tag would.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RtcClient } from '../../core/rtc-client.js';
import { fetchDevToken } from '../../core/dev-token.js';
import type { RtcRoom } from './rtc-room.component.js';

const LONG = { timeout: 30_000 };

describe('<rtc-room> composed in static markup, defined after', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };
  const engines: RtcClient[] = [];

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  after(async () => {
    await Promise.all(engines.map((engine) => engine.leave()));
    document.querySelectorAll('rtc-room').forEach((room) => room.remove());
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  it('joins from the lobby, shows everyone, the controls and the chat, in the room\'s language', async () => {
    document.body.innerHTML = `
      <rtc-room server="${server.url}" room="standup" user-id="alice" user-name="Alice" lang="zh-CN" theme="dark"
        style="display:block;width:800px;height:500px">
        <rtc-video-grid layout="speaker" max-tiles="9"></rtc-video-grid>
        <rtc-controls actions="microphone camera screen chat hangup"></rtc-controls>
        <rtc-chat></rtc-chat>
      </rtc-room>`;
    const room = document.querySelector('rtc-room') as RtcRoom;
    const chat = room.querySelector('rtc-chat')!;
    const controls = room.querySelector('rtc-controls')!;
    const grid = room.querySelector('rtc-video-grid')!;
    expect(customElements.get('rtc-room'), 'nothing defined before the entry loads').to.be.undefined;

    await import('../index.js');
    const input = () => chat.shadowRoot?.querySelector<HTMLTextAreaElement>('[part~="input"]');
    await waitUntil(() => input()?.placeholder === '加入通话后即可聊天', `the chat speaks Chinese before joining ("${input()?.placeholder}")`, LONG);

    room.shadowRoot!.querySelector<HTMLButtonElement>('[part~="join-button"]')!.click();
    await waitUntil(() => room.phase === 'joined', 'the room joined', LONG);

    const bob = new RtcClient({ server: server.url });
    engines.push(bob);
    await bob.join(await fetchDevToken(server.url, { room: 'standup', user: 'bob', name: 'Bob' }), { audio: false, video: false });

    const tileIds = () => [...(grid.shadowRoot?.querySelectorAll('rtc-video-tile') ?? [])].map((tile) => tile.getAttribute('user-id'));
    await waitUntil(() => tileIds().includes('alice') && tileIds().includes('bob'), 'the grid shows both people', LONG);
    const buttons = [...controls.shadowRoot!.querySelectorAll('[part~="button"]')].map((b) => b.getAttribute('part'));
    expect(buttons.join(' ')).to.contain('button-microphone').and.contain('button-hangup');
    const microphone = controls.shadowRoot!.querySelector('[part~="button-microphone"]')!;
    expect(microphone.getAttribute('aria-label')).to.equal('麦克风');
    await waitUntil(() => input()!.placeholder === '发送给所有人', 'the chat is live, in Chinese', LONG);
  });
});
