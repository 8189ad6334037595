import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cameraConstraints, cameraLayers, isVideoProfileName, microphoneConstraints, resolveVideoProfile, VIDEO_PROFILES } from './profiles.js';
import { pluginVideoQuality } from './quality-names.js';

describe('video profiles', () => {
  it('offer 180p to 1080p at 15 and 30 fps, with more bits for more pixels and frames', () => {
    for (const name of ['180p_15', '360p_15', '360p_30', '480p_15', '720p_15', '720p_30', '1080p_15', '1080p_30']) {
      assert.ok(isVideoProfileName(name), name);
    }
    const profiles = [...VIDEO_PROFILES.values()];
    for (const p of profiles) {
      const same15 = VIDEO_PROFILES.get(`${p.height}p_15`)!;
      if (p.frameRate === 30) assert.ok(p.maxBitrate > same15.maxBitrate, p.name);
    }
    const at15 = profiles.filter((p) => p.frameRate === 15).sort((a, b) => a.width * a.height - b.width * b.height);
    at15.reduce((smaller, bigger) => (assert.ok(bigger.maxBitrate > smaller.maxBitrate, bigger.name), bigger));
  });

  it('default to 360p_15, also for unknown names', () => {
    assert.equal(resolveVideoProfile(undefined).name, '360p_15');
    assert.equal(resolveVideoProfile('4k_60').name, '360p_15');
    assert.equal(resolveVideoProfile('720p_30').name, '720p_30');
    assert.equal(isVideoProfileName('4k_60'), false);
  });

  it('ask the camera for the profile, let the app override, and pin a chosen device', () => {
    const p = resolveVideoProfile('720p_30');
    assert.deepEqual(cameraConstraints(p, undefined, undefined), {
      width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30, max: 30 },
    });
    const custom = cameraConstraints(p, { facingMode: 'user', frameRate: 24 }, 'cam-2');
    assert.equal(custom.frameRate, 24);
    assert.equal(custom.facingMode, 'user');
    assert.deepEqual(custom.deviceId, { exact: 'cam-2' });
    assert.deepEqual(microphoneConstraints({ noiseSuppression: false }, 'mic-1'), {
      echoCancellation: true, noiseSuppression: false, autoGainControl: true, deviceId: { exact: 'mic-1' },
    });
  });

  it('cap what is sent and scale down a camera that delivers more than asked', () => {
    const p = resolveVideoProfile('360p_15');
    const top = (captured?: { width: number; height: number }) => cameraLayers(p, captured)[0]!;
    assert.deepEqual(top({ width: 640, height: 360 }), { rid: 'h', maxBitrate: 800_000, maxFramerate: 15, scaleResolutionDownBy: 1 });
    assert.equal(top({ width: 1280, height: 720 }).scaleResolutionDownBy, 2);
    assert.equal(top({ width: 640, height: 480 }).scaleResolutionDownBy, 1.33);
    assert.equal(top({ width: 360, height: 640 }).scaleResolutionDownBy, 1, 'portrait: the short side counts');
    assert.equal(top({ width: 320, height: 180 }).scaleResolutionDownBy, 1, 'never scales up');
    assert.equal(top().scaleResolutionDownBy, 1);
  });

  it('make three layers, full, half and quarter, with fewer bits for fewer pixels', () => {
    const layers = cameraLayers(resolveVideoProfile('720p_15'), { width: 1280, height: 720 });
    assert.deepEqual(layers.map((l) => l.rid), ['h', 'm', 'l']);
    assert.deepEqual(layers.map((l) => l.scaleResolutionDownBy), [1, 2, 4]);
    assert.deepEqual(layers.map((l) => l.maxBitrate), [1_500_000, 450_000, 150_000]);
    assert.ok(layers.every((l) => l.maxFramerate === 15));
    const oversized = cameraLayers(resolveVideoProfile('360p_15'), { width: 1280, height: 720 });
    assert.deepEqual(oversized.map((l) => l.scaleResolutionDownBy), [2, 4, 8], 'each layer scaled from what the camera delivers');
  });
});

describe('video-quality names', () => {
  it('take a bare size at 15 fps up to 480p and 30 fps from 540p, or the frame rate asked', () => {
    assert.equal(resolveVideoProfile('180p').name, '180p_15');
    assert.equal(resolveVideoProfile('480p').name, '480p_15');
    assert.equal(resolveVideoProfile('540p').name, '540p_30');
    assert.equal(resolveVideoProfile('1080p').name, '1080p_30');
    assert.equal(resolveVideoProfile('720p_15').name, '720p_15');
    assert.deepEqual({ ...resolveVideoProfile('540p_30') }, { name: '540p_30', width: 960, height: 540, frameRate: 30, maxBitrate: 1_500_000 });
  });

  it('turn a preset upright for phones, with the same bits and a scale-down on the short side', () => {
    const upright = resolveVideoProfile('720p_portrait');
    assert.deepEqual([upright.name, upright.width, upright.height, upright.frameRate], ['720p_30_portrait', 720, 1280, 30]);
    assert.equal(upright.maxBitrate, resolveVideoProfile('720p_30').maxBitrate);
    assert.deepEqual(cameraConstraints(resolveVideoProfile('360p_portrait'), undefined, undefined), {
      width: { ideal: 360 }, height: { ideal: 640 }, frameRate: { ideal: 15, max: 15 },
    });
    assert.equal(cameraLayers(resolveVideoProfile('360p_portrait'), { width: 720, height: 1280 })[0]!.scaleResolutionDownBy, 2);
    assert.equal(cameraLayers(resolveVideoProfile('360p_portrait'), { width: 360, height: 640 })[0]!.scaleResolutionDownBy, 1);
  });

  it("map the seeds' profiles that have our size, and the plugin's resolution and fps", () => {
    const cases: [string, string][] = [
      ['180p_1', '180p_15'], ['360p_1', '360p_15'], ['720p_1', '720p_15'], ['1080p_1', '1080p_15'],
      ['VGA', '480p_15'], ['720P', '720p_30'], ['360P portrait', '360p_15_portrait'], ['1080P portrait', '1080p_30_portrait'],
      ['PROFILE_540_960P_15', '540p_15'], ['PROFILE_1080_1920P_30', '1080p_30'], ['ARTVCVideoProfileType_1280x720_30Fps', '720p_30'],
    ];
    for (const [seed, ours] of cases) assert.equal(resolveVideoProfile(seed).name, ours, seed);
    for (const unmapped of ['360p_2', '90p_1', 'PROFILE_CUSTOM', '4k']) assert.equal(isVideoProfileName(unmapped), false, unmapped);
    assert.equal(pluginVideoQuality(undefined, undefined), '720p_30');
    assert.equal(pluginVideoQuality(0, 15), '360p_15');
    assert.equal(pluginVideoQuality(1, 30), '540p_30');
    assert.equal(pluginVideoQuality(7, 60), '720p_30');
  });
});
