/** `<rtc-room>` against the real server on loopback (dev mode): dev tokens, and the full-screen `start`/`join` entries. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import { join, start } from './start.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';

const LONG = { timeout: 30_000 };

const tileIds = (room: RtcRoom) =>
  [...(room.shadowRoot!.querySelector('rtc-video-grid')?.shadowRoot?.querySelectorAll<RtcVideoTile>('rtc-video-tile') ?? [])].map((t) => t.userId);

describe('<rtc-room> with the server', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  after(async () => {
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  it('asks a dev-mode server for a token when it has none, with the name and role it was given', async () => {
    const room = await fixture<RtcRoom>(html`<rtc-room server=${server.url} room="dev-token-room" user-id="ann" user-name="Ann Lee" role="host"
      autojoin style="width:640px;height:400px"></rtc-room>`);
    await waitUntil(() => room.phase === 'joined', 'joined with a dev token', LONG);
    const self = tileIds(room);
    expect(self).to.deep.equal(['ann']);
    expect(room.shadowRoot!.querySelector('[part~="header"]')!.textContent).to.contain('dev-token-room');
    await room.leave();
  });

  it('start() creates a room and opens it over the page; join() brings someone else in; leaving gives the page back', async () => {
    const first = await start({ server: server.url, userName: 'Host', userId: 'host' });
    expect(first.roomId).to.be.a('string').and.not.empty;
    expect(first.token).to.be.a('string').and.not.empty;
    expect(first.room.parentElement).to.equal(document.body);
    expect(first.room.mode).to.equal('fullscreen');
    await waitUntil(() => first.room.phase === 'joined', 'host joined', LONG);

    const second = await join(first.roomId, { server: server.url, userName: 'Guest', userId: 'guest', video: false });
    await waitUntil(() => second.room.phase === 'joined', 'guest joined', LONG);
    await waitUntil(() => tileIds(first.room).includes('guest'), 'host sees the guest', LONG);

    await second.room.leave();
    await waitUntil(() => !second.room.isConnected, 'the guest room removes itself', LONG);
    await waitUntil(() => !tileIds(first.room).includes('guest'), 'the guest tile goes', LONG);
    await first.room.hangup();
    await waitUntil(() => !first.room.isConnected, 'the host room removes itself', LONG);
    expect(document.documentElement.style.overflow).to.equal('');
  });

  it('rejects start() with a typed error when the server cannot be reached', async () => {
    let error: unknown;
    await start({ server: 'http://127.0.0.1:9' }).catch((e) => (error = e));
    expect((error as { code?: string }).code).to.equal('network');
    expect(document.querySelector('rtc-room')).to.be.null;
  });
});
