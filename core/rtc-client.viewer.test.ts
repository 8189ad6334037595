/** A viewer through the real server on loopback: it receives the others' media and sends none. */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, until } from './testing/media-probes.js';

describe('RtcClient: a viewer', function () {
  this.timeout(120_000);
  let server: TestServer;
  let clients: TestClient[] = [];

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('sees and hears a participant while sending nothing, whoever joined first', async () => {
    const room = roomName('viewer');
    // The viewer first: the participant's offer reaches it. Then a second participant it offers to.
    const vic = await joinAs(server, { room, user: 'vic', name: 'Vic', role: 'viewer' });
    const ann = await joinAs(server, { room, user: 'ann', name: 'Ann' });
    clients = [vic, ann];
    await until(() => vic.participants.get('ann')?.stream?.getVideoTracks().length === 1, 'ann\'s video at vic');
    await framesArrive(vic.participants.get('ann')!.stream!);

    const bob = await joinAs(server, { room, user: 'bob', name: 'Bob' });
    clients.push(bob);
    await until(() => vic.participants.get('bob')?.stream?.getVideoTracks().length === 1, 'bob\'s video at vic');
    await framesArrive(vic.participants.get('bob')!.stream!);

    // Their links with vic are up (vic plays their video), and neither has a track from vic.
    for (const sender of [ann, bob]) {
      expect(sender.participants.get('vic')?.stream?.getTracks() ?? [], `tracks from vic at ${sender.self.userId}`).to.deep.equal([]);
    }
  });
});
