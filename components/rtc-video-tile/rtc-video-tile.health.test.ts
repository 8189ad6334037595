/** The tile's health: quality bars, frozen and weak-network notices, and the statistics overlay (issue 13). */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './rtc-video-tile.js';
import '../rtc-room/rtc-room.js';
import type { RtcVideoTile } from './rtc-video-tile.component.js';
import type { RtcRoom } from '../rtc-room/rtc-room.component.js';
import { fakeParticipant, stopFakeMedia } from '../internal/testing/fake-media.js';
import { joinAs, type TestClient } from '../../core/testing/call-fixture.js';
import { capSender, canvasCamera } from '../../core/testing/health-probes.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const LONG = { timeout: 30_000 };
const HEALTH = { intervalMs: 500, windowSize: 6 };

describe('<rtc-video-tile> health', function () {
  this.timeout(120_000);
  afterEach(stopFakeMedia);

  it('shows the level as lit bars with the level in words, in both languages, and no bars while unknown', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('ada')} network-quality="3"
      style="width:320px;height:180px"></rtc-video-tile>`);
    await waitUntil(() => part(el, 'quality'), 'the bars load with their first level', LONG);
    const bars = part(el, 'quality')!;
    expect(bars.querySelectorAll('.bar.lit')).to.have.length(3);
    expect(bars.getAttribute('title')).to.equal('Connection: fair');
    expect(bars.getAttribute('role')).to.equal('img');
    expect(bars.getAttribute('aria-label')).to.equal('Connection: fair');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.contain('Connection: fair');
    await expect(el).to.be.accessible();

    el.lang = 'zh-CN';
    el.networkQuality = 5;
    await el.updateComplete;
    expect(part(el, 'quality')!.getAttribute('title')).to.equal('网络：极好');
    expect(part(el, 'quality')!.querySelectorAll('.bar.lit')).to.have.length(5);

    el.networkQuality = 0;
    await el.updateComplete;
    expect(part(el, 'quality')).to.be.null;
    el.setAttribute('network-quality', 'junk');
    await el.updateComplete;
    expect(part(el, 'quality')).to.be.null;
  });

  it('says when video is interrupted, and on our own tile that our connection is unstable', async () => {
    const el = await fixture<RtcVideoTile>(html`<rtc-video-tile .participant=${fakeParticipant('ada')} video-frozen></rtc-video-tile>`);
    await waitUntil(() => part(el, 'frozen'), 'the notice loads', LONG);
    expect(getComputedStyle(part(el, 'notices')!).position).to.equal('absolute', 'with its styles');
    expect(part(el, 'frozen')!.textContent).to.equal('Video interrupted');
    expect(part(el, 'frozen')!.getAttribute('role')).to.equal('status');
    expect(part(el, 'weak-network'), 'only our own tile says so').to.be.null;
    el.participant = fakeParticipant('ada', { local: true, name: 'Ada' });
    el.networkWeak = true;
    el.videoFrozen = false;
    await el.updateComplete;
    expect(part(el, 'weak-network')!.textContent).to.equal('Your connection is unstable');
    expect(part(el, 'frozen')).to.be.null;
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(part(el, 'weak-network')!.textContent).to.equal('你的网络不稳定');
    await expect(el).to.be.accessible();
  });

  describe('in a call through the server', () => {
    let server: { id: string; url: string };
    before(async () => {
      server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
    });
    after(async () => {
      await executeServerCommand('rtc-server-stop', { id: server.id });
    });

    const room = (roomId: string, user: string) =>
      fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${roomId} user-id=${user} user-name=${user} audio="off"
        stats-interval="500" .health=${HEALTH} autojoin style="width:640px;height:360px"></rtc-room>`);
    const tileOf = (at: RtcRoom, userId: string) =>
      at.shadowRoot!.querySelector('rtc-video-grid')?.shadowRoot?.querySelector<RtcVideoTile>(`rtc-video-tile[user-id="${userId}"]:not([screen])`);

    it('a remote tile reads 4 or 5 on loopback, the room says so, and the statistics overlay shows the link', async () => {
      const roomId = `health-${Math.random().toString(36).slice(2)}`;
      const alice = await room(roomId, 'alice');
      const bob = await room(roomId, 'bob');
      const levels: { userId: string; quality: number }[] = [];
      bob.addEventListener('rtc-network-quality', (event) => levels.push(event.detail));
      const stats = oneEvent(bob, 'rtc-stats');
      await waitUntil(() => alice.phase === 'joined' && bob.phase === 'joined', 'both joined', LONG);
      await waitUntil(() => Number(tileOf(bob, 'alice')?.getAttribute('network-quality')) >= 4, 'alice\'s tile at bob reads 4 or 5', LONG);
      expect(levels.some((l) => l.userId === 'alice' && l.quality >= 4)).to.equal(true);
      const tile = tileOf(bob, 'alice')!;
      await waitUntil(() => part(tile, 'quality'), 'the bars', LONG);
      expect(part(tile, 'quality')!.getAttribute('title')).to.match(/^Connection: (good|excellent)$/);
      expect(((await stats).detail.stats as ReadonlyMap<string, unknown>).has('alice')).to.equal(true);
      await waitUntil(() => Number(tileOf(bob, 'bob')?.getAttribute('network-quality')) >= 4, 'bob\'s own tile: his uplink', LONG);

      tile.showStats = true;
      await waitUntil(() => customElements.get('rtc-tile-stats'), 'the overlay loads on first use', LONG);
      const overlay = part(tile, 'stats')!;
      await waitUntil(() => /\d+×\d+/.test(overlay.shadowRoot?.textContent ?? ''), 'resolution shown', LONG);
      const text = overlay.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      for (const label of ['Resolution', 'Frame rate', 'Bitrate', 'Packet loss', 'Round trip', 'Codec', 'Path']) expect(text).to.contain(label);
      expect(text).to.contain('Direct');
      expect(text).to.match(/\d+ kbps/);
      await expect(overlay).to.be.accessible();
      tile.showStats = false;
      await tile.updateComplete;
      expect(part(tile, 'stats')).to.be.null;
      await alice.leave();
      await bob.leave();
    });

    it('shows someone\'s video as interrupted while their frames stop, and our own tile says our connection is unstable', async () => {
      const roomId = `health-${Math.random().toString(36).slice(2)}`;
      const camera = canvasCamera();
      const fast = { ...HEALTH, enterMs: 1_000, frozenAfterMs: 1_500, adapt: false };
      const clients: TestClient[] = [];
      const cap = capSender(() => clients[0]?.self.stream?.getVideoTracks()[0], 60_000);
      try {
        clients.push(await joinAs(server, { room: roomId, user: 'alice', options: { health: fast, mediaSource: camera.source }, join: { audio: false } }));
        clients.push(await joinAs(server, { room: roomId, user: 'bob', options: { health: fast }, join: { audio: false } }));
        const [alice, bob] = clients as [TestClient, TestClient];
        const theirs = await fixture<RtcVideoTile>(html`<rtc-video-tile .engine=${bob} user-id="alice" style="width:320px;height:180px"></rtc-video-tile>`);
        const ours = await fixture<RtcVideoTile>(html`<rtc-video-tile .engine=${alice} user-id="alice" style="width:320px;height:180px"></rtc-video-tile>`);
        await waitUntil(() => Number(theirs.getAttribute('network-quality')) > 0, 'alice measured at bob', LONG);

        camera.drawing(false);
        await waitUntil(() => theirs.hasAttribute('video-frozen') && part(theirs, 'frozen'), 'the tile says the video is interrupted', LONG);
        expect(part(theirs, 'frozen')!.textContent).to.equal('Video interrupted');
        expect(part(theirs, 'base')!.getAttribute('aria-label')).to.contain('Video interrupted');
        camera.drawing(true);
        await waitUntil(() => !theirs.hasAttribute('video-frozen') && !part(theirs, 'frozen'), 'and stops saying so once frames move', LONG);

        await alice.setVideoProfile('360p_30'); // its encodings go through the cap
        await waitUntil(() => ours.hasAttribute('network-weak') && part(ours, 'weak-network'), 'our tile says our connection is unstable', LONG);
        expect(part(ours, 'weak-network')!.textContent).to.contain('Your connection is unstable');
        expect(part(theirs, 'weak-network'), 'not on someone else\'s tile').to.be.null;
        await expect(ours).to.be.accessible();
      } finally {
        cap.restore();
        camera.stop();
        await Promise.all(clients.map((c) => c.leave()));
      }
    });
  });
});
