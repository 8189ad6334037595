/** Long chat history through the real server: a late joiner gets the newest page and loads the rest on demand. */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';

describe('RtcClient: earlier messages', function () {
  this.timeout(120_000);
  let server: TestServer;
  const clients: TestClient[] = [];

  before(async () => {
    server = await startServer({ historyBytes: 8 * 1024 });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  it('pages back through what the join left out, oldest first, each message once', async () => {
    const room = roomName('history');
    const quiet = { audio: false, video: false };
    const ann = await joinAs(server, { room, user: 'ann', join: quiet });
    clients.push(ann);
    // Within the chat rate limit (bursts of 10): 10 messages of ~1 KB, 8 KiB of history per page.
    for (let i = 0; i < 10; i++) await ann.sendMessage(`${i} ${'x'.repeat(1000)}`);

    const late = await joinAs(server, { room, user: 'late', join: quiet });
    clients.push(late);
    const numbers = () => late.messages.map((m) => Number(m.text.split(' ')[0]));
    expect(numbers().length).to.be.below(10);
    expect(numbers().at(-1), 'the newest first').to.equal(9);
    expect(late.hasEarlierMessages).to.equal(true);

    while (late.hasEarlierMessages) {
      const page = await late.loadEarlierMessages(3);
      expect(page.length).to.be.within(1, 3);
    }
    expect(numbers()).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(late.events('history').at(-1)?.more).to.equal(false);
    expect(late.events('message'), 'earlier messages are not announced as new').to.have.length(0);
  });
});
