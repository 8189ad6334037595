/** The engine over the server's in-page loopback hub with synthetic media, as stories and element tests run it. */
import { expect } from '@open-wc/testing';
import { createLoopback } from '../server/hub/loopback.js';
import { RtcClient } from './rtc-client.js';
import { framesArrive, until } from './testing/media-probes.js';
import { SyntheticMedia } from './testing/synthetic-media.js';

describe('RtcClient over the in-page loopback', function () {
  this.timeout(60_000);

  it('holds a call with synthetic media and no server process', async () => {
    const loopback = createLoopback();
    const make = (label: string) => new RtcClient({ connect: loopback.connect, server: 'http://loopback.invalid', mediaSource: new SyntheticMedia({ label }) });
    const ana = make('Ana');
    const ben = make('Ben');
    try {
      await ana.join(loopback.token({ room: 'story', user: 'ana', name: 'Ana' }));
      await ben.join(loopback.token({ room: 'story', user: 'ben', name: 'Ben' }));
      await until(() => !!ana.participants.get('ben')?.stream?.getVideoTracks().length, 'ben\'s video at ana');
      expect(ana.participants.get('ben')!.name).to.equal('Ben');
      await framesArrive(ana.participants.get('ben')!.stream);
      await until(() => !!ben.participants.get('ana')?.stream?.getVideoTracks().length, 'ana\'s video at ben');
      await framesArrive(ben.participants.get('ana')!.stream);

      const states: string[] = [];
      ben.on('connection-state', ({ state }) => states.push(state));
      expect(loopback.dropConnections('ben')).to.equal(1);
      await until(() => states.join() === 'reconnecting,connected', 'ben to resume');
      await ben.sendMessage('still here');
      await until(() => ana.messages.some((m) => m.text === 'still here'), 'the message');
      expect(ana.participants.has('ben')).to.equal(true);
    } finally {
      await Promise.all([ana.leave(), ben.leave()]);
      loopback.hub.close();
    }
  });
});
