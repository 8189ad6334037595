/**
 * Call health through the real server on loopback, in Chromium with the fake camera and microphone:
 * the levels a healthy link reads, a sender whose encoder the test caps (as a slow uplink would), and
 * a camera whose frames stop while its track stays live.
 */
import { expect } from '@open-wc/testing';
import { joinAs, roomName, startServer, stopServer, type TestClient, type TestServer } from '../testing/call-fixture.js';
import { capSender, canvasCamera } from '../testing/health-probes.js';
import { until } from '../testing/media-probes.js';
import type { RtcClientEvents } from '../types.js';

/** Fast enough that a test sees a change in seconds; the windows and pauses scale with it. */
const HEALTH = { intervalMs: 500, windowSize: 6, enterMs: 1_500, recoverMs: 2_000, stepMs: 2_000, frozenAfterMs: 1_500 };

function collect<K extends keyof RtcClientEvents>(client: TestClient, type: K): RtcClientEvents[K][] {
  const seen: RtcClientEvents[K][] = [];
  client.on(type, (detail) => seen.push(detail));
  return seen;
}

describe('RtcClient: call health', function () {
  this.timeout(180_000);
  let server: TestServer;
  const clients: TestClient[] = [];
  const cleanups: (() => void)[] = [];

  before(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    await Promise.all(clients.splice(0).map((c) => c.leave()));
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  async function pair(room: string, aliceOptions = {}) {
    const alice = await joinAs(server, { room, user: 'alice', options: { health: HEALTH, ...aliceOptions } });
    clients.push(alice);
    const bob = await joinAs(server, { room, user: 'bob', options: { health: HEALTH } });
    clients.push(bob);
    return { alice, bob };
  }

  it('reads 4 or 5 for a healthy loopback link, theirs and our own uplink, and 0 once they left', async () => {
    const { alice, bob } = await pair(roomName('health-ok'));
    const changes = collect(bob, 'network-quality');
    await until(() => bob.networkQuality('alice') >= 4, 'bob to rate alice 4 or 5');
    await until(() => alice.networkQuality('bob') >= 4 && alice.networkQuality('alice') >= 4, 'alice to rate bob and her uplink 4 or 5');
    expect(changes.some((c) => c.userId === 'alice' && !c.local && c.quality >= 4)).to.equal(true);
    expect(alice.networkWeak('alice')).to.equal(false);
    expect(bob.videoFrozen('alice')).to.equal(false);

    const stats = (await bob.getStats()).get('alice')!;
    expect(stats.codec).to.be.a('string').and.not.empty;
    expect(stats.relayed).to.equal(false, 'loopback is a direct path');
    expect(stats.videoFrames).to.be.greaterThan(0);

    await alice.leave();
    await until(() => bob.networkQuality('alice') === 0, 'alice reads 0 once she left');
  });

  it('a capped uplink lowers our level, says the network is weak, steps the camera down then suggests audio only; lifting the cap brings it all back', async () => {
    const { alice } = await pair(roomName('health-weak'));
    const self = alice.self.userId;
    await until(() => alice.networkQuality(self) >= 4, 'a healthy uplink first');
    const weak = collect(alice, 'network-weak');
    const adapt = collect(alice, 'video-adapt');

    const cap = capSender(() => alice.self.stream?.getVideoTracks()[0], 60_000);
    cleanups.push(() => cap.restore());
    // A new profile makes the engine apply its encodings again: now through the cap.
    await alice.setVideoProfile('360p_30');
    await until(() => weak.some((w) => w.local && w.weak), 'the weak-network event');
    expect(weak[0]).to.include({ userId: self, local: true, weak: true });
    expect(weak[0]!.bitrate).to.be.below(200_000);
    await until(() => alice.networkQuality(self) <= 3, 'a lower level for our uplink');
    await until(() => adapt.some((a) => a.audioOnlySuggested), 'audio only suggested once no profile is lower');
    expect(adapt[0]).to.deep.equal({ profile: '180p_30', reason: 'weak-network', audioOnlySuggested: false });
    expect(adapt.filter((a) => a.audioOnlySuggested)).to.have.length(1);

    await cap.release();
    await until(() => weak.some((w) => w.local && !w.weak), 'recovery', 60_000);
    await until(() => adapt.some((a) => a.reason === 'recovered' && a.profile === '360p_30'), 'the camera back at the chosen profile', 60_000);
    await until(() => alice.networkQuality(self) >= 4, 'the level back up', 60_000);
  });

  it('tells both sides when a live camera stops sending frames, and when they move again', async () => {
    const camera = canvasCamera();
    cleanups.push(camera.stop);
    const { alice, bob } = await pair(roomName('health-frozen'), { mediaSource: camera.source });
    await until(() => ((bob.participants.get('alice')?.stream?.getVideoTracks().length ?? 0) > 0), 'bob to get alice\'s video');
    const frozen = collect(bob, 'video-frozen');
    const own = collect(alice, 'video-frozen');
    await until(async () => ((await bob.getStats()).get('alice')?.videoFrames ?? 0) > 10, 'frames to flow');
    expect(bob.videoFrozen('alice')).to.equal(false);

    camera.drawing(false);
    await until(() => bob.videoFrozen('alice'), 'bob to see alice\'s video frozen');
    expect(frozen[0]).to.deep.equal({ userId: 'alice', local: false, frozen: true });
    expect(alice.participants.get('bob')?.media.video).to.equal(true);
    await until(() => own.some((f) => f.local && f.frozen), 'alice to hear her own camera froze');
    expect(alice.self.stream?.getVideoTracks()[0]?.readyState).to.equal('live', 'the track never ended');

    camera.drawing(true);
    await until(() => !bob.videoFrozen('alice'), 'the video to move again');
    expect(frozen.at(-1)).to.deep.equal({ userId: 'alice', local: false, frozen: false });
  });

  it('calls no video frozen while we hide their tile and the sender pauses it on purpose, on either side', async () => {
    const { alice, bob } = await pair(roomName('health-hidden'));
    const tile = {};
    const framesOf = async () => (await bob.getStats()).get('alice')?.videoFrames ?? 0;
    bob.setViewSize('alice', 'camera', { width: 320, height: 180 }, tile);
    await until(async () => (await framesOf()) > 10, 'frames to flow');
    const frozen = collect(bob, 'video-frozen');
    const own = collect(alice, 'video-frozen');

    bob.setViewSize('alice', 'camera', null, tile);
    // Still long enough that a stream meant to move would have been called frozen, at both ends.
    let last = -1;
    let since = 0;
    await until(async () => {
      const frames = await framesOf();
      if (frames !== last) [last, since] = [frames, performance.now()];
      return performance.now() - since > HEALTH.frozenAfterMs + 4 * HEALTH.intervalMs;
    }, 'alice to pause the camera she sends bob');
    expect(frozen, 'bob hides her tile: her video is not frozen').to.deep.equal([]);
    expect(own, 'no one shows her camera: hers is not frozen either').to.deep.equal([]);
    expect(bob.videoFrozen('alice') || alice.videoFrozen(alice.self.userId)).to.equal(false);

    bob.setViewSize('alice', 'camera', { width: 320, height: 180 }, tile);
    await until(async () => (await framesOf()) > last, 'her video to move again once shown');
  });
});
