import { expect, fixture, html } from '@open-wc/testing';
import './rtc-video-tile.js';
import type { RtcVideoTile } from './rtc-video-tile.component.js';
import { LoopbackCall } from '../internal/testing/loopback-call.js';
import { until } from '../../core/testing/media-probes.js';

describe('<rtc-video-tile> and the sender\'s picture size', function () {
  this.timeout(60_000);

  it('has the sender send a smaller picture once the tile shrinks, none while hidden, and the full one when it grows back', async () => {
    const call = new LoopbackCall();
    try {
      const ann = await call.joined('ann');
      const ben = call.person('ben', 'Ben', { width: 640, height: 360 });
      await ben.engine.join(ben.token, { audio: false, video: true });
      const tile = await fixture<RtcVideoTile>(
        html`<rtc-video-tile .engine=${ann.engine} user-id="ben" style="display:block;width:640px;height:360px"></rtc-video-tile>`,
      );
      const width = async () => (await ann.engine.getStats()).get('ben')?.frameWidth ?? 0;
      await until(async () => (await width()) > 320, 'ben\'s camera at full size in ann\'s large tile');

      tile.style.width = '120px';
      tile.style.height = '68px';
      await until(async () => (await width()) <= 160, 'a thumbnail-sized picture for ann\'s small tile');
      // Ben's own stats say so per receiver: what he sends ann, not a sum over everyone.
      const toAnn = async () => (await ben.engine.getStats()).get('ben')?.outbound?.find((s) => s.to === 'ann' && s.source === 'camera');
      await until(async () => ((await toAnn())?.frameWidth ?? 1e9) <= 160, 'ben\'s stats: a small picture to ann');

      tile.style.display = 'none';
      await until(async () => (await toAnn())?.active === false, 'ben pauses what he sends ann while her tile is hidden');

      tile.style.display = 'block';
      tile.style.width = '640px';
      tile.style.height = '360px';
      await until(async () => (await toAnn())?.active === true && (await width()) > 320, 'the full picture again');
      expect(tile.userId).to.equal('ben');
    } finally {
      await call.close();
    }
  });
});
