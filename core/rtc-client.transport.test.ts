/** The engine's transport state beside the per-person links, through the real server on loopback. */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestServer } from './testing/call-fixture.js';
import { until } from './testing/media-probes.js';
import type { TransportState } from './types.js';

describe('RtcClient: transport state', function () {
  this.timeout(60_000);
  let server: TestServer;

  before(async () => (server = await startServer()));
  after(async () => {
    if (server) await stopServer(server);
  });

  it('is connected once media gets through to everyone, and closed after hanging up', async () => {
    const room = roomName('transport');
    const alice = await joinAs(server, { room, user: 'alice', join: { audio: false, video: false } });
    const seen: TransportState[] = [];
    alice.on('transport-state', ({ state }) => seen.push(state));
    expect(alice.transportState, 'alone: nothing to wait for').to.equal('connected');
    const bob = await joinAs(server, { room, user: 'bob', join: { audio: false, video: true } });
    try {
      await until(() => alice.participants.get('bob')?.link === 'connected' && alice.transportState === 'connected', 'bob\'s link connected');
      expect(seen).to.deep.equal(['connecting', 'connected']);
      // Each side learns of the link on its own: bob's may come a moment after alice's.
      await until(() => bob.transportState === 'connected', 'bob\'s side connected too');
    } finally {
      await bob.leave();
    }
    await alice.leave();
    expect(alice.transportState).to.equal('closed');
    expect(seen.at(-1)).to.equal('closed');
  });
});
