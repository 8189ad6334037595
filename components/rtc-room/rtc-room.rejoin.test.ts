/**
 * `<rtc-room>` left and joined again, through the real server on loopback: each rejoin is a call like
 * the first, with the other's video playing in its tile and ours in theirs (by `join()`, by the left
 * page's Rejoin button, and by a join() that does not wait for the leave).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './rtc-room.js';
import type { RtcRoom } from './rtc-room.component.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import { videoPlays } from '../internal/testing/loopback-call.js';

const LONG = { timeout: 30_000 };
const tileVideo = (room: RtcRoom, userId: string) =>
  room.shadowRoot!.querySelector('rtc-video-grid')?.shadowRoot
    ?.querySelector<RtcVideoTile>(`rtc-video-tile[user-id="${userId}"]:not([screen])`)
    ?.shadowRoot?.querySelector<HTMLVideoElement>('[part~="video"]');

describe('<rtc-room> leave, then join again', function () {
  this.timeout(120_000);
  let server: { id: string; url: string };

  before(async () => {
    server = await executeServerCommand<{ id: string; url: string }, object>('rtc-server-start', { graceMs: 1000 });
  });

  after(async () => {
    await executeServerCommand('rtc-server-stop', { id: server.id });
  });

  it('is back in the call with video each time, by join() and by the Rejoin button', async () => {
    const roomId = `rejoin-${Math.random().toString(36).slice(2)}`;
    const box = await fixture<HTMLElement>(html`<div>
      <rtc-room server=${server.url} room=${roomId} user-id="ann" user-name="Ann" autojoin style="display:block;width:480px;height:300px"></rtc-room>
      <rtc-room server=${server.url} room=${roomId} user-id="bob" user-name="Bob" autojoin style="display:block;width:480px;height:300px"></rtc-room>
    </div>`);
    const [ann, bob] = [...box.querySelectorAll('rtc-room')] as [RtcRoom, RtcRoom];
    const inCallWithVideo = async (what: string) => {
      await waitUntil(() => ann.phase === 'joined' && bob.phase === 'joined', `${what}: both in the call`, LONG);
      await waitUntil(() => tileVideo(bob, 'ann') && tileVideo(ann, 'bob'), `${what}: each has the other's tile`, LONG);
      await videoPlays(tileVideo(bob, 'ann')!);
      await videoPlays(tileVideo(ann, 'bob')!);
    };
    try {
      await inCallWithVideo('first join');

      await ann.leave();
      await waitUntil(() => ann.phase === 'left' && !tileVideo(bob, 'ann'), 'ann left, and bob sees her go', LONG);
      await ann.join();
      await inCallWithVideo('after join()');

      await ann.leave();
      await waitUntil(() => ann.phase === 'left', 'ann left again', LONG);
      const rejoin = ann.shadowRoot!.querySelector<HTMLButtonElement>('[part~="rejoin-button"]');
      expect(rejoin, 'the left page offers to rejoin').to.not.equal(null);
      rejoin!.click();
      await inCallWithVideo('after Rejoin');
      expect(ann.engine!.participants.get('bob')?.link).to.equal('connected');

      // A page that does not wait for the leave before joining again.
      void ann.leave();
      await ann.join();
      await inCallWithVideo('after leave() and join() in one breath');
    } finally {
      await Promise.all([ann.leave(), bob.leave()]);
    }
  });
});
