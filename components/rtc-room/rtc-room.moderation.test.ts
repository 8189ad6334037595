/** `<rtc-room>` under a host's powers, against the real server on loopback (the host menus come later). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { fetchDevToken } from '../../core/dev-token.js';
import { RtcClient } from '../../core/rtc-client.js';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';

const LONG = { timeout: 30_000 };
const roomName = (what: string) => `${what}-${Math.random().toString(36).slice(2, 8)}`;
const part = (room: RtcRoom, name: string) => room.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

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
});
