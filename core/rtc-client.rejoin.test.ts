/**
 * Leaving and joining again with the same engine, through the real server on loopback: the second
 * join is a call like the first (admitted, the others' video arrives and ours reaches them), twice over.
 */
import { expect } from '@open-wc/testing';
import { fetchDevToken } from './dev-token.js';
import { joinAs, roomName, startServer, stopServer, TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, until } from './testing/media-probes.js';

describe('RtcClient: leave() then join() again', function () {
  this.timeout(120_000);
  let server: TestServer;
  const clients: TestClient[] = [];

  before(async () => {
    server = await startServer({ graceMs: 1000 });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.leave()));
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  const videoOf = (from: TestClient, userId: string) => from.participants.get(userId)?.stream;

  it('is in the call with video again after each rejoin, both ways', async () => {
    const room = roomName('rejoin');
    const alice = await joinAs(server, { room, user: 'alice' });
    clients.push(alice);
    const bob = new TestClient({ server: server.url });
    clients.push(bob);
    // The same token each time, as a page that keeps it (`<rtc-room token>`) joins with.
    const token = await fetchDevToken(server.url, { room, user: 'bob' });
    await bob.join(token);
    await until(() => !!videoOf(alice, 'bob')?.getVideoTracks().length, 'alice to get bob\'s video');
    await framesArrive(videoOf(alice, 'bob'));

    for (let round = 1; round <= 2; round++) {
      await bob.leave();
      expect(bob.state).to.equal('disconnected');
      await until(() => !alice.participants.has('bob'), `alice to see bob go (round ${round})`);
      expect(bob.self.stream?.getVideoTracks().some((t) => t.readyState === 'live') ?? false, 'his camera is released').to.equal(false);

      await bob.join(token);
      expect(bob.state, `joined again (round ${round})`).to.equal('connected');
      await until(() => !!videoOf(bob, 'alice')?.getVideoTracks().length, `bob to get alice's video again (round ${round})`);
      await framesArrive(videoOf(bob, 'alice'));
      await until(() => !!videoOf(alice, 'bob')?.getVideoTracks().some((t) => t.readyState === 'live'), `alice to get bob's video again (round ${round})`);
      await framesArrive(videoOf(alice, 'bob'));
      expect(alice.participants.get('bob')?.link).to.equal('connected');
    }
  });
});
