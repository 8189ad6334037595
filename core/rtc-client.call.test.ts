/** Three people in one room through the real server on loopback, with Chromium's fake camera and microphone. */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from './testing/call-fixture.js';
import { framesArrive, play, until } from './testing/media-probes.js';
import { RtcError } from './errors.js';

describe('RtcClient: a call of three', function () {
  this.timeout(180_000);
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;
  let carol: TestClient;
  const stops: (() => void)[] = [];

  before(async () => {
    server = await startServer();
    const room = roomName('call');
    alice = await joinAs(server, { room, user: 'alice', name: 'Alice', options: { statsInterval: 500 } });
    bob = await joinAs(server, { room, user: 'bob', name: 'Bob' });
    carol = await joinAs(server, { room, user: 'carol', name: 'Carol' });
  });

  after(async () => {
    stops.forEach((stop) => stop());
    await Promise.all([alice, bob, carol].map((c) => c?.leave()));
    if (server) await stopServer(server);
  });

  const everyone = () => [alice, bob, carol];
  const others = (me: TestClient) => everyone().filter((c) => c !== me);
  const remote = (at: TestClient, who: TestClient) => at.participants.get(who.self.userId);

  it('lets each of them see and hear the other two', async () => {
    for (const me of everyone()) {
      await until(() => others(me).every((o) => remote(me, o)?.stream?.getVideoTracks().length === 1), `${me.self.userId} to get both streams`);
      expect([...me.participants.keys()].sort()).to.deep.equal(others(me).map((o) => o.self.userId).sort());
    }
    for (const me of everyone()) {
      for (const other of others(me)) {
        const participant = remote(me, other)!;
        expect(participant.name).to.equal(other.self.name);
        expect(participant.media.audio && participant.media.video).to.equal(true);
        await framesArrive(participant.stream!);
      }
    }
    for (const me of everyone()) {
      for (const other of others(me)) stops.push(play(remote(me, other)!.stream!));
    }
    for (const me of everyone()) {
      const heard = new Set<string>();
      const off = me.on('audio-levels', ({ levels }) => {
        for (const [id, level] of levels) if (level > 0) heard.add(id);
      });
      await until(() => everyone().every((o) => heard.has(o.self.userId)), `${me.self.userId} to hear both others and their own microphone`);
      off();
    }
    expect(alice.state).to.equal('connected');
    expect(alice.self.link).to.equal('connected');
  });

  it('shows a mute and a camera turned off on the other side; the camera really stops and comes back without renegotiating', async () => {
    const offers = () => everyone().reduce((sum, c) => sum + c.offersSent, 0);
    const before = offers();

    await alice.setMicrophone(false);
    await until(() => remote(bob, alice)?.media.audio === false, 'bob to see alice muted');
    expect(bob.events('mute-change').some((e) => e.userId === 'alice' && e.kind === 'audio' && e.muted)).to.equal(true);

    const cameraTrack = alice.self.stream!.getVideoTracks()[0];
    await alice.setCamera(false);
    expect(cameraTrack.readyState).to.equal('ended');
    expect(alice.self.stream?.getVideoTracks().length ?? 0).to.equal(0);
    await until(() => remote(bob, alice)?.media.video === false && remote(carol, alice)?.media.video === false, 'bob and carol to see the camera off');

    await alice.setCamera(true);
    await alice.setMicrophone(true);
    await until(() => remote(bob, alice)?.media.video === true && remote(bob, alice)?.media.audio === true, 'bob to see alice back');
    expect(alice.self.stream!.getVideoTracks()[0].readyState).to.equal('live');
    await framesArrive(remote(bob, alice)!.stream!);
    await framesArrive(remote(carol, alice)!.stream!);
    expect(offers()).to.equal(before);
  });

  it('shares one screen at a time, seen by the others, and stops cleanly', async () => {
    const offersBefore = alice.offersSent + bob.offersSent + carol.offersSent;
    await bob.shareScreen(true);
    expect(bob.self.media.screen).to.equal(true);
    expect(bob.screenSharer).to.equal('bob');
    await until(() => !!remote(alice, bob)?.screenStream && !!remote(carol, bob)?.screenStream, 'the others to get the screen');
    expect(alice.screenSharer).to.equal('bob');
    expect(alice.events('screen-share').at(-1)).to.deep.equal({ userId: 'bob', local: false, active: true });
    await framesArrive(remote(alice, bob)!.screenStream!);
    await framesArrive(remote(carol, bob)!.screenStream!);

    const busy = await carol.shareScreen(true).then(() => null, (error: unknown) => error);
    expect(RtcError.is(busy, 'screen-share-busy'), String(busy)).to.equal(true);
    expect(carol.self.media.screen).to.equal(false);

    // The browser's own "Stop sharing" ends the track.
    const screenTrack = bob.self.screenStream!.getVideoTracks()[0];
    screenTrack.stop();
    screenTrack.dispatchEvent(new Event('ended'));
    await until(() => remote(alice, bob)?.media.screen === false && remote(carol, bob)?.screenStream === null, 'the others to see the share end');
    expect(bob.self.media.screen).to.equal(false);
    expect(alice.screenSharer).to.equal(null);

    await carol.shareScreen(true);
    await until(() => remote(alice, carol)?.media.screen === true, 'carol sharing once bob stopped');
    await carol.shareScreen(false);
    await until(() => remote(alice, carol)?.media.screen === false, 'carol stopped');
    expect(alice.offersSent + bob.offersSent + carol.offersSent).to.equal(offersBefore);
  });

  it('switches to another camera mid-call: frames keep arriving, nothing renegotiates', async () => {
    const { cameras } = await carol.listDevices();
    // fake_device_1 is a depth camera no encoder takes (see web-test-runner.config.mjs).
    const next = cameras.find((c) => c.label === 'fake_device_2')!;
    expect(next, 'Chromium started with three fake cameras').to.not.equal(undefined);
    const offersBefore = carol.offersSent + alice.offersSent + bob.offersSent;
    const oldTrack = carol.self.stream!.getVideoTracks()[0];

    await carol.selectDevice('camera', next.deviceId);
    expect(carol.selectedDevices.camera).to.equal(next.deviceId);
    expect(oldTrack.readyState).to.equal('ended');
    expect(carol.events('device-selected').at(-1)).to.deep.equal({ kind: 'camera', deviceId: next.deviceId });
    await framesArrive(remote(alice, carol)!.stream!);
    await framesArrive(remote(bob, carol)!.stream!);

    await carol.switchCamera(); // the last camera wraps around to the first
    expect(carol.selectedDevices.camera).to.equal(cameras[0].deviceId);
    await framesArrive(remote(alice, carol)!.stream!);
    expect(carol.offersSent + alice.offersSent + bob.offersSent).to.equal(offersBefore);

    const { speakers } = await carol.listDevices();
    await carol.selectDevice('speaker', speakers.at(-1)!.deviceId);
    expect(carol.selectedDevices.speaker).to.equal(speakers.at(-1)!.deviceId);
  });

  it('changes the camera preset live, without renegotiating', async () => {
    const offersBefore = alice.offersSent + bob.offersSent + carol.offersSent;
    await alice.setVideoProfile('180p_15');
    expect(alice.self.stream!.getVideoTracks()[0].getSettings().height).to.equal(180);
    await until(async () => ((await bob.getStats()).get('alice')?.frameHeight ?? 999) <= 180, 'bob to receive 180p from alice');
    await alice.setVideoProfile('360p_15');
    expect(alice.offersSent + bob.offersSent + carol.offersSent).to.equal(offersBefore);
  });

  it('reports normalised stats for everyone', async () => {
    await until(() => alice.events('stats').length >= 2, 'periodic stats events');
    expect([...alice.events('stats').at(-1)!.stats.keys()].sort()).to.deep.equal(['alice', 'bob', 'carol']);
    await alice.getStats();
    await until(async () => {
      const stats = await alice.getStats();
      const fromBob = stats.get('bob');
      const own = stats.get('alice');
      return !!fromBob && fromBob.receiveBitrate > 0 && (fromBob.frameWidth ?? 0) > 0 && !!own && own.sendBitrate > 0;
    }, 'bitrates and resolution in alice\'s stats');
    const stats = await alice.getStats();
    expect([...stats.keys()].sort()).to.deep.equal(['alice', 'bob', 'carol']);
    expect(stats.get('bob')!.packetLoss).to.be.within(0, 1);
  });

  it('shows a leave to the others, with its reason', async () => {
    await carol.leave();
    expect(carol.state).to.equal('disconnected');
    expect(carol.events('left').at(-1)).to.deep.equal({ reason: 'hangup' });
    expect(carol.self.stream).to.equal(null);
    for (const me of [alice, bob]) {
      await until(() => !me.participants.has('carol'), `${me.self.userId} to see carol go`);
      expect(me.events('participant-left').at(-1)!.reason).to.equal('left');
      expect(me.events('participant-joined').some((e) => e.participant.userId === 'carol')).to.equal(true);
    }
  });
});
