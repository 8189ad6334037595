import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParticipantStats } from '../types.js';
import { FrozenVideoDetector } from './frozen-video.js';
import { HealthMonitor, type HealthEvents, type HealthHost } from './health-monitor.js';
import { WeakNetworkDetector, WEAK_NETWORK_DEFAULTS } from './weak-network.js';
import { higherProfile, lowerProfile } from '../media/profile-ladder.js';
import { resolveVideoProfile } from '../media/profiles.js';

function stats(userId: string, overrides: Partial<ParticipantStats> = {}): ParticipantStats {
  return {
    userId, sendBitrate: 500_000, receiveBitrate: 500_000, packetLoss: 0, roundTripTime: 0.01, framesPerSecond: 15,
    frameWidth: 640, frameHeight: 360, audioLevel: 0, timestamp: 0, jitter: 0.002, codec: 'VP8', relayed: false,
    videoFrames: 0, targetBitrate: null, ...overrides,
  };
}

/** A session of alice (us) and bob whose stats the test writes before each sample. */
class FakeSession implements HealthHost {
  readonly selfId = 'alice';
  profile = resolveVideoProfile('360p_15');
  chosen = this.profile;
  cameraOn = true;
  now = new Map<string, ParticipantStats>();
  async collect() { return this.now; }
  linkUp() { return true; }
  videoExpected() { return this.cameraOn; }
  aimBitrate() { return this.cameraOn ? this.profile.maxBitrate + 32_000 : null; }
  profileName() { return this.profile.name; }
  async lowerVideo() {
    const lower = lowerProfile(this.profile);
    if (lower) this.profile = lower;
    return lower?.name ?? null;
  }
  async raiseVideo() {
    const higher = higherProfile(this.profile, this.chosen);
    if (higher) this.profile = higher;
    return higher?.name ?? null;
  }
}

function record(monitor: HealthMonitor) {
  const events: { type: keyof HealthEvents; detail: unknown }[] = [];
  for (const type of ['network-quality', 'network-weak', 'video-frozen', 'video-adapt'] as const) {
    monitor.on(type, (detail) => events.push({ type, detail }));
  }
  return events;
}

describe('weak network and frozen video detectors', () => {
  it('turns weak only after the thresholds held for a while, and recovers only well clear of them', () => {
    const detector = new WeakNetworkDetector({ ...WEAK_NETWORK_DEFAULTS, enterMs: 2_000, recoverMs: 4_000 });
    assert.equal(detector.update({ bitrate: 150_000, loss: 0 }, 0), null);
    assert.equal(detector.update({ bitrate: 250_000, loss: 0 }, 1_000), null, 'one good reading starts the wait over');
    assert.equal(detector.update({ bitrate: 150_000, loss: 0 }, 2_000), null);
    assert.equal(detector.update({ bitrate: 150_000, loss: 0 }, 4_000), 'weak');
    assert.equal(detector.update({ bitrate: 250_000, loss: 0 }, 5_000), null, 'above 200 kbps but not 1.5 times it');
    assert.equal(detector.update({ bitrate: 350_000, loss: 0 }, 10_000), null);
    assert.equal(detector.update({ bitrate: 350_000, loss: 0 }, 14_000), 'recovered');
    assert.equal(detector.update({ bitrate: null, loss: 0.3 }, 15_000), null);
    assert.equal(detector.update({ bitrate: null, loss: 0.3 }, 17_000), 'weak', 'loss over 20%');
    assert.equal(detector.weak, true);
  });

  it('calls video frozen when frames stop while expected, not before it started, and not when the camera is off', () => {
    const detector = new FrozenVideoDetector(3_000);
    assert.equal(detector.update(0, true, 0), null, 'not started yet');
    assert.equal(detector.update(0, true, 5_000), null);
    assert.equal(detector.update(30, true, 6_000), null);
    assert.equal(detector.update(30, true, 7_000), null);
    assert.equal(detector.update(30, true, 10_000), true);
    assert.equal(detector.update(45, true, 11_000), false, 'frames again');
    assert.equal(detector.update(45, false, 20_000), null, 'camera off: nothing to freeze');
  });

  it('steps the camera one preset at a time, within the chosen one', () => {
    const p = resolveVideoProfile;
    assert.equal(lowerProfile(p('720p_30'))?.name, '540p_30');
    assert.equal(lowerProfile(p('180p_15')), null);
    assert.equal(higherProfile(p('180p_15'), p('480p_15'))?.name, '360p_15');
    assert.equal(higherProfile(p('360p_15'), p('480p_15'))?.name, '480p_15');
    assert.equal(higherProfile(p('480p_15'), p('480p_15')), null);
  });
});

describe('HealthMonitor', () => {
  it('says when each level changes, ours from the uplink against the profile\'s aim', async () => {
    const session = new FakeSession();
    const monitor = new HealthMonitor(session, { windowSize: 2 });
    const events = record(monitor);
    session.now = new Map([['alice', stats('alice', { targetBitrate: 832_000 })], ['bob', stats('bob')]]);
    await monitor.sample(0);
    assert.equal(monitor.quality('alice'), 5);
    assert.equal(monitor.quality('bob'), 5);
    session.now = new Map([['alice', stats('alice', { targetBitrate: 100_000 })], ['bob', stats('bob', { packetLoss: 0.3 })]]);
    await monitor.sample(2_000);
    await monitor.sample(4_000);
    assert.equal(monitor.quality('alice'), 2, 'the encoders may send an eighth of what 360p aims for');
    assert.equal(monitor.quality('bob'), 1);
    const changes = events.filter((e) => e.type === 'network-quality').map((e) => e.detail);
    assert.deepEqual(changes[0], { userId: 'alice', local: true, quality: 5, previous: 0 });
    assert.ok(changes.some((c) => JSON.stringify(c) === JSON.stringify({ userId: 'bob', local: false, quality: 1, previous: 2 })));
    session.now = new Map([['alice', stats('alice', { targetBitrate: 832_000 })]]);
    await monitor.sample(6_000);
    assert.equal(monitor.quality('bob'), 0, 'bob left');
    const bobs = events.filter((e) => e.type === 'network-quality' && (e.detail as { userId: string }).userId === 'bob');
    assert.deepEqual(bobs.at(-1)?.detail, { userId: 'bob', local: false, quality: 0, previous: 1 });
  });

  it('on a weak uplink steps the camera down, then suggests audio only, and steps back up once it recovered', async () => {
    const session = new FakeSession();
    const monitor = new HealthMonitor(session, { enterMs: 2_000, recoverMs: 4_000, stepMs: 6_000 });
    const events = record(monitor);
    const weak = () => (session.now = new Map([['alice', stats('alice', { targetBitrate: 90_000 })]]));
    const fine = () => (session.now = new Map([['alice', stats('alice', { targetBitrate: session.profile.maxBitrate + 32_000 })]]));
    const adaptations = () => events.filter((e) => e.type === 'video-adapt').map((e) => e.detail);
    weak();
    for (let t = 0; t <= 2_000; t += 1_000) await monitor.sample(t);
    assert.deepEqual(events.find((e) => e.type === 'network-weak')?.detail, { userId: 'alice', local: true, weak: true, bitrate: 90_000, loss: 0 });
    assert.equal(session.profile.name, '180p_15');
    for (let t = 3_000; t <= 8_000; t += 1_000) await monitor.sample(t);
    assert.deepEqual(adaptations(), [
      { profile: '180p_15', reason: 'weak-network', audioOnlySuggested: false },
      { profile: '180p_15', reason: 'weak-network', audioOnlySuggested: true },
    ]);
    for (let t = 9_000; t <= 20_000; t += 1_000) await monitor.sample(t);
    assert.equal(adaptations().length, 2, 'audio only is suggested once');
    fine();
    for (let t = 21_000; t <= 25_000; t += 1_000) await monitor.sample(t);
    assert.deepEqual(events.filter((e) => e.type === 'network-weak').at(-1)?.detail, { userId: 'alice', local: true, weak: false, bitrate: 352_000, loss: 0 });
    assert.equal(session.profile.name, '360p_15', 'back to the chosen profile');
    assert.deepEqual(adaptations().at(-1), { profile: '360p_15', reason: 'recovered', audioOnlySuggested: false });
    for (let t = 26_000; t <= 40_000; t += 1_000) await monitor.sample(t);
    assert.equal(adaptations().length, 3, 'never above the chosen profile');
  });

  it('leaves the camera alone with adapt: false, and judges an uplink without video by its loss', async () => {
    const session = new FakeSession();
    const monitor = new HealthMonitor(session, { adapt: false, enterMs: 0 });
    session.now = new Map([['alice', stats('alice', { targetBitrate: 50_000 })]]);
    await monitor.sample(0);
    await monitor.sample(1_000);
    assert.equal(monitor.weak('alice'), true);
    assert.equal(session.profile.name, '360p_15');
    const audioOnly = new FakeSession();
    audioOnly.cameraOn = false;
    const other = new HealthMonitor(audioOnly, { enterMs: 0 });
    audioOnly.now = new Map([['alice', stats('alice', { targetBitrate: 32_000 })]]);
    await other.sample(0);
    assert.equal(other.weak('alice'), false, '32 kbps of sound is not a weak link');
  });

  it('tells when someone\'s video freezes and when it moves again', async () => {
    const session = new FakeSession();
    const monitor = new HealthMonitor(session, { frozenAfterMs: 2_000 });
    const events = record(monitor);
    const frames = (n: number) => (session.now = new Map([['bob', stats('bob', { videoFrames: n })]]));
    frames(10); await monitor.sample(0);
    frames(20); await monitor.sample(1_000);
    frames(20); await monitor.sample(2_000);
    assert.equal(monitor.frozen('bob'), false);
    await monitor.sample(4_000);
    assert.equal(monitor.frozen('bob'), true);
    frames(25); await monitor.sample(5_000);
    assert.deepEqual(events.filter((e) => e.type === 'video-frozen').map((e) => e.detail), [
      { userId: 'bob', local: false, frozen: true },
      { userId: 'bob', local: false, frozen: false },
    ]);
  });
});
