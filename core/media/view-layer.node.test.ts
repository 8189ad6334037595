import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cameraLayers, resolveVideoProfile } from './profiles.js';
import { encodingForView } from './view-layer.js';
import { ViewSizes } from './view-sizes.js';

const layers = cameraLayers(resolveVideoProfile('360p_15'), { width: 640, height: 360 });
const captured = { width: 640, height: 360 };

describe('the camera layer a receiver needs', () => {
  it('is the top layer when the receiver never said how it shows us', () => {
    assert.deepEqual(encodingForView(layers, captured, undefined), { maxBitrate: 800_000, maxFramerate: 15, scaleResolutionDownBy: 1, active: true });
  });

  it('is the smallest layer that fills its tile, in both dimensions', () => {
    assert.equal(encodingForView(layers, captured, { width: 160, height: 90 }).scaleResolutionDownBy, 4);
    assert.equal(encodingForView(layers, captured, { width: 170, height: 96 }).scaleResolutionDownBy, 4, 'a little upscaling is not seen');
    assert.equal(encodingForView(layers, captured, { width: 300, height: 90 }).scaleResolutionDownBy, 2, 'a wide tile crops: its width counts');
    assert.equal(encodingForView(layers, captured, { width: 320, height: 180 }).maxBitrate, 240_000);
    assert.equal(encodingForView(layers, captured, { width: 1920, height: 1080 }).scaleResolutionDownBy, 1, 'never above the top layer');
  });

  it('is paused when the tile is not shown', () => {
    const hidden = encodingForView(layers, captured, { width: 0, height: 0 });
    assert.equal(hidden.active, false);
    assert.equal(hidden.scaleResolutionDownBy, 4);
  });

  it('carries no rid: a lone encoding has none', () => {
    assert.ok(!('rid' in encodingForView(layers, captured, { width: 160, height: 90 })));
  });
});

describe('view sizes from several places on a page', () => {
  it('count the largest place, in device pixels, and none once every place let go', () => {
    const views = new ViewSizes();
    const grid = {};
    const stage = {};
    assert.deepEqual(views.set('ann', 'camera', { width: 160, height: 90 }, grid, 2).size, { width: 320, height: 180 });
    assert.deepEqual(views.set('ann', 'camera', { width: 640, height: 360 }, stage, 2).size, { width: 1280, height: 720 });
    assert.deepEqual(views.set('ann', 'camera', null, stage, 2).size, { width: 320, height: 180 });
    assert.equal(views.set('ann', 'camera', null, grid, 2).size, null);
    assert.deepEqual(views.all(1), [{ userId: 'ann', source: 'camera', size: null }], 'shown nowhere is remembered for a new transport');
  });
});
