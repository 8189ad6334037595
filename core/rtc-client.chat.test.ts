/** Chat, application data, raised hands and reactions between two people, through the real server. */
import { expect } from '@open-wc/testing';
import { RtcError } from './errors.js';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { until } from './testing/media-probes.js';

describe('RtcClient: chat and data', function () {
  this.timeout(120_000);
  let server: TestServer;
  let host: TestClient;
  let guest: TestClient;
  let room: string;

  before(async () => {
    server = await startServer();
    room = roomName('chat');
    const quiet = { audio: false, video: false };
    host = await joinAs(server, { room, user: 'host', name: 'Host', role: 'host', join: quiet });
    guest = await joinAs(server, { room, user: 'guest', name: 'Guest 客人', join: quiet });
  });
  after(async () => {
    await Promise.all([host, guest].map((c) => c?.leave()));
    if (server) await stopServer(server);
  });

  it('delivers a message once, resolved with the stored copy, kept in both histories', async () => {
    const message = await host.sendMessage('hello 你好');
    expect(message.from).to.equal('host');
    expect(message.fromName).to.equal('Host');
    expect(message.to).to.equal(null);
    await until(() => guest.messages.some((m) => m.id === message.id), 'the guest to get it');
    expect(guest.events('message').filter((e) => e.message.id === message.id)).to.deep.equal([{ message, local: false }]);
    expect(host.messages.map((m) => m.id)).to.include(message.id);
    expect(host.events('message').at(-1)).to.deep.equal({ message, local: true });
  });

  it('sends a private message to the addressee only, and shows history to a late joiner', async () => {
    const secret = await guest.sendMessage('just for you', { to: ['host'] });
    expect(secret.to).to.deep.equal(['host']);
    await until(() => host.messages.some((m) => m.id === secret.id), 'the host to get it');

    const late = await joinAs(server, { room, user: 'late', join: { audio: false, video: false } });
    try {
      const texts = late.messages.map((m) => m.text);
      expect(texts).to.include('hello 你好');
      expect(texts).to.not.include('just for you');
      expect(late.events('message'), 'history is read from `messages`, not replayed as events').to.have.length(0);
    } finally {
      await late.leave();
    }
  });

  it('refuses what cannot be sent, with the code the elements show', async () => {
    const tooLarge = await guest.sendMessage('x'.repeat(5000)).then(() => null, (e: unknown) => e);
    expect(RtcError.is(tooLarge, 'too-large'), String(tooLarge)).to.equal(true);
    const nobody = await guest.sendMessage('hello?', { to: ['nobody'] }).then(() => null, (e: unknown) => e);
    expect(RtcError.is(nobody, 'unknown-user'), String(nobody)).to.equal(true);
    const empty = await guest.sendMessage('   ').then(() => null, (e: unknown) => e);
    expect(RtcError.is(empty, 'bad-message')).to.equal(true);
  });

  it('relays application data, to everyone or privately', async () => {
    await host.sendData({ slide: 3, notes: ['a', 'b'] });
    await until(() => guest.events('data').length === 1, 'the data');
    expect(guest.events('data')[0]).to.deep.equal({ from: 'host', payload: { slide: 3, notes: ['a', 'b'] }, private: false });
    await guest.sendData('pssst', { to: ['host'] });
    await until(() => host.events('data').length === 1, 'the private data');
    expect(host.events('data')[0]).to.deep.equal({ from: 'guest', payload: 'pssst', private: true });
  });

  it('queues raised hands, lets the host lower one, and shows reactions', async () => {
    await guest.raiseHand(true);
    await until(() => host.hands.includes('guest') && guest.self.handRaised, 'the raised hand on both sides');
    expect(host.participants.get('guest')!.handRaised).to.equal(true);
    await host.raiseHand(true);
    await until(() => guest.hands.length === 2, 'two hands');
    expect(guest.hands).to.deep.equal(['guest', 'host']);

    const refused = await guest.lowerHand('host').then(() => null, (e: unknown) => e);
    expect(RtcError.is(refused, 'not-allowed')).to.equal(true);
    await host.lowerHand('guest');
    await until(() => !guest.self.handRaised && guest.hands.length === 1, 'the guest\'s hand lowered by the host');
    expect(guest.events('hands').at(-1)).to.deep.equal({ queue: ['host'] });

    await guest.sendReaction('👏');
    await until(() => host.events('reaction').length === 1, 'the reaction');
    expect(host.events('reaction')[0]).to.include({ from: 'guest', emoji: '👏' });
  });
});
