/** Host powers through the real server on loopback, as every side of a call sees them. */
import { expect } from '@open-wc/testing';
import { RtcError } from './errors.js';
import { RtcClient } from './rtc-client.js';
import type { RtcClientEvents } from './types.js';
import { fetchDevToken } from './dev-token.js';
import { joinAs, roomName, signToken, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, until } from './testing/media-probes.js';

/** Every `type` event the client emits from now on. */
function record<K extends keyof RtcClientEvents>(client: RtcClient, type: K): RtcClientEvents[K][] {
  const seen: RtcClientEvents[K][] = [];
  client.on(type, (detail) => seen.push(detail));
  return seen;
}

async function rejection(promise: Promise<unknown>): Promise<RtcError> {
  try {
    await promise;
  } catch (error) {
    return error as RtcError;
  }
  throw new Error('expected a rejection');
}

describe('RtcClient: host powers', function () {
  this.timeout(120_000);
  let server: TestServer;
  let clients: RtcClient[] = [];

  before(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await Promise.all(clients.map((c) => c.leave()));
    clients = [];
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  async function join(room: string, user: string, role?: 'host' | 'viewer'): Promise<TestClient> {
    const client = await joinAs(server, { room, user, name: user.toUpperCase(), role });
    clients.push(client);
    return client;
  }

  it('a forced mute is seen on every side, and the source really goes silent (microphone) or ends (camera)', async () => {
    const room = roomName('mute');
    const host = await join(room, 'host', 'host');
    const ann = await join(room, 'ann');
    const bob = await join(room, 'bob');
    await until(() => bob.participants.get('ann')?.media.audio === true, 'ann audible at bob');
    const muted = record(ann, 'muted');
    const microphone = ann.self.stream!.getAudioTracks()[0];
    const camera = ann.self.stream!.getVideoTracks()[0];

    await host.mute('ann', 'audio');
    await until(() => muted.length === 1, 'ann told she was muted');
    expect(muted[0]).to.deep.equal({ kind: 'audio', by: 'host', byName: 'HOST' });
    await until(() => !ann.self.media.audio && microphone.enabled === false, 'ann\'s microphone off at the source');
    await until(() => bob.participants.get('ann')?.media.audio === false && host.participants.get('ann')?.media.audio === false, 'everyone sees ann muted');

    await host.mute('ann', 'video');
    await until(() => camera.readyState === 'ended' && !ann.self.media.video, 'ann\'s camera released');
    await until(() => bob.participants.get('ann')?.media.video === false, 'bob sees ann\'s camera off');

    // Not for a participant.
    expect((await rejection(bob.mute('ann', 'audio'))).code).to.equal('not-allowed');
  });

  it('muteAll with hold refuses an unmute until the host releases it; an asked person may', async () => {
    const room = roomName('hold');
    const host = await join(room, 'host', 'host');
    const ann = await join(room, 'ann');
    const bob = await join(room, 'bob');
    await host.muteAll('audio', { hold: true });
    await until(() => ann.roomState?.held.audio === true && !ann.self.media.audio && !bob.self.media.audio, 'everyone muted and held');
    expect(host.self.media.audio, 'hosts keep their microphone').to.equal(true);
    expect((await rejection(ann.setMicrophone(true))).code).to.equal('not-allowed');

    const requests = record(bob, 'unmute-request');
    await host.askToUnmute('bob', 'audio');
    await until(() => requests.length === 1, 'bob asked');
    await bob.setMicrophone(true);
    await until(() => host.participants.get('bob')?.media.audio === true, 'bob audible again');

    await host.releaseHold('audio');
    await until(() => ann.roomState?.held.audio === false, 'the hold released');
    await ann.setMicrophone(true);
    await until(() => host.participants.get('ann')?.media.audio === true, 'ann audible again');
  });

  it('a viewer promoted is asked, then publishes live video the others decode', async () => {
    const room = roomName('promote');
    const host = await join(room, 'host', 'host');
    const vic = await join(room, 'vic', 'viewer');
    expect(vic.can('publish-video')).to.equal(false);
    const changes = record(vic, 'role-change');
    await host.setRole('vic', 'participant');
    await until(() => changes.length === 1, 'vic told of the promotion');
    expect(changes[0]).to.include({ local: true, role: 'participant', previous: 'viewer', by: 'host' });
    expect(vic.self.media.video, 'nothing opens before vic says so').to.equal(false);
    expect(vic.can('publish-video')).to.equal(true);

    await vic.setCamera(true);
    // The promotion rebuilds vic's links: what the host shows (its current stream of vic) must play, whichever link it came on.
    await until(async () => {
      const stream = host.participants.get('vic')?.stream;
      if (stream?.getVideoTracks().length !== 1) return false;
      return framesArrive(stream, 5, 5000).then(() => true, () => false);
    }, 'vic\'s live video at the host');
  });

  it('a participant sent to the audience stops sending at once and still receives over a fresh link', async () => {
    const room = roomName('demote');
    const host = await join(room, 'host', 'host');
    const ann = await join(room, 'ann');
    await until(() => ann.participants.get('host')?.stream?.getVideoTracks().length === 1, 'the host\'s video at ann');
    const camera = ann.self.stream!.getVideoTracks()[0];
    await host.setRole('ann', 'viewer');
    await until(() => ann.self.role === 'viewer' && camera.readyState === 'ended' && !ann.self.media.audio, 'ann sends nothing');
    expect(ann.can('publish-audio')).to.equal(false);
    expect((await rejection(ann.setCamera(true))).code).to.equal('not-allowed');
    await until(() => host.participants.get('ann')?.role === 'viewer' && !host.participants.get('ann')?.media.video, 'the host sees a viewer');
    await until(() => ann.participants.get('host')?.stream?.getVideoTracks().length === 1, 'the host\'s video on the new link');
    await framesArrive(ann.participants.get('host')!.stream!);
  });

  it('endRoom puts everyone out with reason ended, and their tokens cannot rejoin', async () => {
    const room = roomName('end');
    const host = await join(room, 'host', 'host');
    const annToken = await fetchDevToken(server.url, { room, user: 'ann' });
    const ann = new RtcClient({ server: server.url });
    clients.push(ann);
    await ann.join(annToken);
    const hostLeft = record(host, 'left');
    const annLeft = record(ann, 'left');
    await host.endRoom();
    await until(() => hostLeft.length === 1 && annLeft.length === 1, 'both out');
    expect(annLeft[0].reason).to.equal('ended');
    expect(annLeft[0].error?.code).to.equal('room-ended');
    expect(hostLeft[0].reason).to.equal('ended');
    expect((await rejection(new RtcClient({ server: server.url }).join(annToken))).code).to.equal('room-ended');
  });

  it('lobby: a newcomer waits until a host admits them; another is denied', async () => {
    const room = roomName('lobby');
    const host = await join(room, 'host', 'host');
    await host.setLobby(true);
    const lobby = record(host, 'lobby');

    const ann = new RtcClient({ server: server.url });
    clients.push(ann);
    const waiting = record(ann, 'waiting');
    const annIn = ann.join(await fetchDevToken(server.url, { room, user: 'ann', name: 'Ann' }));
    await until(() => waiting.length === 1 && host.waitingList.some((w) => w.userId === 'ann'), 'ann waiting, seen by the host');
    expect(host.waitingList[0].name).to.equal('Ann');
    expect(ann.state).to.equal('connecting');
    await host.admit('ann');
    await annIn;
    await until(() => host.participants.has('ann'), 'ann in the call');

    const bob = new RtcClient({ server: server.url });
    const bobIn = bob.join(await fetchDevToken(server.url, { room, user: 'bob' }));
    await until(() => host.waitingList.some((w) => w.userId === 'bob'), 'bob waiting');
    await host.deny('bob');
    expect((await rejection(bobIn)).code).to.equal('denied');
    await until(() => lobby.at(-1)?.waiting.length === 0, 'the list empty again');
  });
});

describe('RtcClient: token renewal', function () {
  this.timeout(60_000);
  const secret = 'moderation-test-secret-long-enough-for-hs256';
  let server: TestServer;

  before(async () => {
    server = await startServer({ secret });
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  it('carries a call past the first token\'s expiry when the page renews it on token-expiring', async () => {
    const room = roomName('renew');
    const now = Math.floor(Date.now() / 1000);
    const token = (user: string, ttl: number) => signToken(secret, { room, sub: user, iat: now, exp: now + ttl });
    const host = new RtcClient({ server: server.url });
    const ann = new RtcClient({ server: server.url, tokenExpiringMs: 2500 });
    try {
      await host.join(await token('host', 600));
      const firstExp = now + 4;
      ann.on('token-expiring', () => void token('ann', 600).then((fresh) => ann.renewToken(fresh)));
      const expiring = record(ann, 'token-expiring');
      await ann.join(await token('ann', 4));
      await until(() => expiring.length === 1, 'token-expiring before exp', 10_000);
      await until(() => Date.now() > firstExp * 1000 + 1000, 'past the first token\'s exp', 15_000);
      expect(ann.state).to.equal('connected');
      await ann.sendMessage('still here');
      await until(() => host.messages.some((m) => m.text === 'still here'), 'the message at the host');
      expect(host.participants.has('ann')).to.equal(true);
    } finally {
      await Promise.all([host.leave(), ann.leave()]);
    }
  });

  it('renews by itself through the join option renewToken, asked on token-expiring', async () => {
    const room = roomName('auto-renew');
    const now = Math.floor(Date.now() / 1000);
    const token = (user: string, ttl: number) => signToken(secret, { room, sub: user, iat: now, exp: now + ttl });
    const ann = new RtcClient({ server: server.url, tokenExpiringMs: 2500 });
    try {
      const asked: string[] = [];
      await ann.join(await token('ann', 4), { renewToken: (current) => (asked.push(current), token('ann', 600)) });
      await until(() => Date.now() > (now + 4) * 1000 + 1000, 'past the first token\'s exp', 15_000);
      expect(asked.length).to.equal(1);
      expect(ann.state).to.equal('connected');
      await ann.sendMessage('renewed by itself');
    } finally {
      await ann.leave();
    }
  });
});
