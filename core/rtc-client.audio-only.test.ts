/** Audio only for oneself, through the real server on loopback: our camera goes off and the others stop sending us theirs. */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, until } from './testing/media-probes.js';

/** What we receive from `userId`, in bits per second over half a second (a shorter window may hold no video packet at all). */
async function receiving(client: TestClient, userId: string): Promise<number> {
  await client.getStats();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return (await client.getStats()).get(userId)?.receiveBitrate ?? 0;
}

describe('RtcClient: audio only for oneself', function () {
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

  it('turns our camera off, pauses the cameras sent to us, and brings them back when lifted', async () => {
    const room = roomName('audio-only');
    const ann = await joinAs(server, { room, user: 'ann', name: 'Ann' });
    const bob = await joinAs(server, { room, user: 'bob', name: 'Bob' });
    clients = [ann, bob];
    await until(() => ann.participants.get('bob')?.stream?.getVideoTracks().length === 1, 'bob\'s camera at ann');
    await framesArrive(ann.participants.get('bob')!.stream!);
    await until(async () => (await receiving(ann, 'bob')) > 150_000, 'ann receives bob\'s video');

    const events: boolean[] = [];
    ann.on('audio-only', ({ on }) => events.push(on));
    await ann.setAudioOnly(true);
    expect(ann.audioOnly).to.equal(true);
    expect(events).to.deep.equal([true]);
    expect(ann.self.media.video, 'our camera is off').to.equal(false);
    await until(() => bob.participants.get('ann')?.media.video === false, 'bob sees ann\'s camera off');
    let refused = '';
    await ann.setCamera(true).catch((error: { code: string }) => (refused = error.code));
    expect(refused).to.equal('not-allowed');
    await until(async () => (await receiving(ann, 'bob')) < 80_000, 'bob no longer sends ann his camera (sound only)');
    expect(await receiving(ann, 'bob'), 'and it stays paused').to.be.below(80_000);
    expect(bob.self.media.video, 'bob\'s camera is still on for everyone else').to.equal(true);
    expect(ann.participants.get('bob')!.stream!.getAudioTracks()[0]!.readyState, 'bob is still heard').to.equal('live');

    await ann.setAudioOnly(false);
    await framesArrive(ann.participants.get('bob')!.stream!);
    await until(async () => (await receiving(ann, 'bob')) > 150_000, 'bob\'s video comes back');
    await ann.setCamera(true);
    expect(ann.self.media.video).to.equal(true);
  });
});
