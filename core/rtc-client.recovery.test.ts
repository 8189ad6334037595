/** What happens when the network or the server gets in the way of a call: drops, resumes, sessions taken over. */
import { expect } from '@open-wc/testing';
import { dropUser, joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, until } from './testing/media-probes.js';
import type { ChatMessage } from './types.js';
import { DefaultReconnectPolicy } from './signaling/reconnect-policy.js';

describe('RtcClient: recovery', function () {
  this.timeout(180_000);
  let server: TestServer;
  const clients: TestClient[] = [];

  before(async () => {
    server = await startServer({ graceMs: 20_000 });
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    if (server) await stopServer(server);
  });

  async function join(room: string, user: string, role?: 'host'): Promise<TestClient> {
    const client = await joinAs(server, { room, user, role });
    clients.push(client);
    return client;
  }

  it('survives a dropped signaling socket: resumes, nobody sees a leave, media keeps flowing, chat arrives once', async () => {
    const room = roomName('drop');
    const alice = await join(room, 'alice');
    const bob = await join(room, 'bob');
    await until(() => !!bob.participants.get('alice')?.stream?.getVideoTracks().length, 'bob to get alice\'s video');
    await framesArrive(bob.participants.get('alice')!.stream!);

    // Chat the moment the client knows the socket is gone (before the resume).
    const sentWhileDown = new Promise<ChatMessage>((resolve, reject) => {
      const off = alice.on('connection-state', ({ state }) => {
        if (state !== 'reconnecting') return;
        off();
        alice.sendMessage('sent while the socket was down').then(resolve, reject);
      });
    });
    expect(await dropUser(server, 'alice')).to.equal(1);
    const message = await sentWhileDown;
    expect(alice.state).to.equal('connected');

    await until(() => bob.messages.some((m) => m.id === message.id), 'bob to get the message');
    await framesArrive(bob.participants.get('alice')!.stream!);
    await framesArrive(alice.participants.get('bob')!.stream!);
    expect(bob.events('message').filter((e) => e.message.id === message.id)).to.have.length(1);
    expect(alice.events('message').filter((e) => e.message.id === message.id && e.local)).to.have.length(1);
    expect(bob.events('participant-left')).to.have.length(0);
    expect(alice.events('left')).to.have.length(0);
    expect(alice.events('connection-state').map((e) => e.state)).to.deep.equal(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(alice.self.sessionId).to.equal(bob.participants.get('alice')!.sessionId);
  });

  it('takes the whole state when the server could not keep everything it missed, and keeps the call', async () => {
    const tight = await startServer({ graceMs: 20_000, outboxFrames: 3 });
    const slow = new DefaultReconnectPolicy({ delays: [1_500], maxJitterMs: 0 });
    const room = roomName('whole');
    const alice = await joinAs(tight, { room, user: 'alice', options: { reconnectPolicy: slow } });
    const bob = await joinAs(tight, { room, user: 'bob' });
    clients.push(alice, bob);
    await until(() => !!alice.participants.get('bob')?.stream?.getVideoTracks().length, 'alice to get bob\'s video');
    const session = alice.self.sessionId;
    try {
      const away = new Promise<void>((resolve) => alice.once('connection-state', () => resolve()));
      await dropUser(tight, 'alice');
      await away;
      for (let i = 0; i < 5; i++) await bob.sendMessage(`missed ${i}`); // more than the server keeps for alice
      await until(() => alice.state === 'connected', 'alice to come back');
      await until(() => alice.messages.filter((m) => m.text.startsWith('missed')).length === 5, 'the missed messages from the history');
      expect(alice.events('message').filter((e) => e.message.text.startsWith('missed'))).to.have.length(5);
      expect(bob.events('participant-left')).to.have.length(0);
      expect(alice.self.sessionId, 'the same session, resumed').to.equal(session);
      await framesArrive(alice.participants.get('bob')!.stream!);
      await framesArrive(bob.participants.get('alice')!.stream!);
    } finally {
      await stopServer(tight);
    }
  });

  it('joins as a new session when the grace period ran out, and the call comes back', async () => {
    const short = await startServer({ graceMs: 300 });
    const slow = new DefaultReconnectPolicy({ delays: [1_500], maxJitterMs: 0 });
    const room = roomName('grace');
    const alice = await joinAs(short, { room, user: 'alice', options: { reconnectPolicy: slow } });
    const bob = await joinAs(short, { room, user: 'bob' });
    clients.push(alice, bob);
    await until(() => !!bob.participants.get('alice')?.stream?.getVideoTracks().length, 'bob to get alice\'s video');
    const firstSession = alice.self.sessionId;
    try {
      await dropUser(short, 'alice');
      await until(() => bob.events('participant-left').length === 1, 'bob to see alice time out');
      expect(bob.events('participant-left')[0].reason).to.equal('timeout');
      await until(() => alice.state === 'connected' && alice.self.sessionId !== firstSession, 'alice back in a new session');
      await until(() => bob.participants.get('alice')?.sessionId === alice.self.sessionId, 'bob to see the new session');
      await until(() => !!bob.participants.get('alice')?.stream?.getVideoTracks().length, 'alice\'s video again');
      await framesArrive(bob.participants.get('alice')!.stream!);
      await until(() => !!alice.participants.get('bob')?.stream?.getVideoTracks().length, 'bob\'s video at alice again');
      await framesArrive(alice.participants.get('bob')!.stream!);
      expect(alice.events('left')).to.have.length(0);
    } finally {
      await stopServer(short);
    }
  });

  it('ends the older client with `replaced` when the same user joins again elsewhere', async () => {
    const room = roomName('dup');
    const first = await join(room, 'dana');
    const bob = await join(room, 'bob');
    await until(() => bob.participants.has('dana'), 'bob to see dana');
    const oldSession = first.self.sessionId;

    const second = await join(room, 'dana');
    await until(() => first.state === 'disconnected', 'the first client to be ended');
    const [left] = first.events('left');
    expect(left.reason).to.equal('replaced');
    expect(left.error?.code).to.equal('replaced');
    expect(first.self.stream, 'the old client released its devices').to.equal(null);

    await until(() => bob.participants.get('dana')?.sessionId === second.self.sessionId, 'bob to follow the new session');
    expect(second.self.sessionId).to.not.equal(oldSession);
    await until(() => !!bob.participants.get('dana')?.stream?.getVideoTracks().length, 'the new session\'s video');
    await framesArrive(bob.participants.get('dana')!.stream!);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(first.state, 'the replaced client does not reconnect').to.equal('disconnected');
  });

  it('lets a host remove someone: they leave with `kicked`, the others see why', async () => {
    const room = roomName('kick');
    const host = await join(room, 'hank', 'host');
    const guest = await join(room, 'gus');
    await until(() => host.participants.has('gus'), 'the host to see the guest');
    await host.kick('gus');
    await until(() => guest.state === 'disconnected', 'the guest to be removed');
    expect(guest.events('left')[0].reason).to.equal('kicked');
    await until(() => !host.participants.has('gus'), 'the host to see the guest go');
    expect(host.events('participant-left').at(-1)!.reason).to.equal('kicked');
    const refused = await guest.kick('hank').then(() => null, (error: unknown) => error);
    expect((refused as { code?: string }).code).to.equal('not-allowed');
  });
});
