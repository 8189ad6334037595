/**
 * Two `<rtc-room>`s with dev tokens they fetched themselves, in a call through a server process that is
 * killed (SIGKILL) and started again on the same port, having lost its dev secret: the people in the call
 * see a short reconnect and nothing else (no rtc-left, nobody exits, the same tiles keep playing).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { RtcClient } from '../../core/rtc-client.js';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import type { RtcVideoGrid } from '../rtc-video-grid/rtc-video-grid.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import { videoPlays } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 30_000 };

const tile = (room: RtcRoom, userId: string) =>
  [...(room.shadowRoot!.querySelector<RtcVideoGrid>('rtc-video-grid')?.shadowRoot?.querySelectorAll<RtcVideoTile>('rtc-video-tile') ?? [])]
    .find((t) => t.userId === userId && !t.screen);
const tileVideo = (t: RtcVideoTile) => t.shadowRoot!.querySelector<HTMLVideoElement>('[part~="video"]')!;

function record(room: RtcRoom, ...names: string[]) {
  const seen: { type: string; detail: unknown }[] = [];
  for (const name of names) room.addEventListener(name, (e) => seen.push({ type: e.type, detail: (e as CustomEvent).detail }));
  return seen;
}

describe('<rtc-room> across a server restart', function () {
  this.timeout(120_000);

  it('stays in the call: fresh dev tokens behind the scenes, no rtc-left, the same tiles playing', async () => {
    const server = (await executeServerCommand('rtc-process-start', {})) as { id: string; url: string };
    const room = `restart-${Math.random().toString(36).slice(2, 8)}`;
    // The page hands each room an engine only to read the server's view (session ids); tokens are the rooms' own.
    const open = (user: string) => fixture<RtcRoom>(html`<rtc-room server=${server.url} room=${room} user-id=${user} user-name=${user}
      .engine=${new RtcClient({ server: server.url })} autojoin style="width:640px;height:400px"></rtc-room>`);
    const ann = await open('ann');
    const ben = await open('ben');
    try {
      await waitUntil(() => tile(ann, 'ben') && tile(ben, 'ann'), 'each sees the other', LONG);
      const benAtAnn = tile(ann, 'ben')!;
      const annAtBen = tile(ben, 'ann')!;
      await videoPlays(tileVideo(benAtAnn));
      await videoPlays(tileVideo(annAtBen));
      const sessions = [ann.engine!.self.sessionId, ben.engine!.self.sessionId];
      const heard = [ann, ben].map((r) => record(r, 'rtc-left', 'rtc-user-change', 'rtc-error', 'rtc-joined'));

      await executeServerCommand('rtc-process-kill', { id: server.id });
      await waitUntil(() => ann.connectionState === 'reconnecting' && ben.connectionState === 'reconnecting', 'both reconnecting', LONG);
      const playedAtKill = tileVideo(benAtAnn).currentTime;
      await executeServerCommand('rtc-process-restart', { id: server.id, newStateDir: true });
      expect(tileVideo(benAtAnn).currentTime, 'ben\'s video kept playing while the server was down').to.be.greaterThan(playedAtKill);

      await waitUntil(() => ann.connectionState === 'connected' && ben.connectionState === 'connected'
        && ann.engine!.self.sessionId !== sessions[0] && ben.engine!.self.sessionId !== sessions[1]
        && ann.engine!.participants.get('ben')?.sessionId === ben.engine!.self.sessionId
        && ben.engine!.participants.get('ann')?.sessionId === ann.engine!.self.sessionId, 'both back on the restarted server', LONG);
      expect(ann.phase).to.equal('joined');
      expect(ben.phase).to.equal('joined');
      expect(tile(ann, 'ben'), 'the same tile').to.equal(benAtAnn);
      expect(tile(ben, 'ann'), 'the same tile').to.equal(annAtBen);
      await videoPlays(tileVideo(benAtAnn));
      await videoPlays(tileVideo(annAtBen));
      expect(heard, 'nothing the page would act on').to.deep.equal([[], []]);
    } finally {
      await Promise.all([ann.leave(), ben.leave()]);
      await executeServerCommand('rtc-process-kill', { id: server.id });
    }
  });
});
