import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layerForView } from './substream.js';

const layers = [{ width: 640, height: 360 }, { width: 320, height: 180 }, { width: 160, height: 90 }];

test('a tile gets the smallest layer that fills it (Janus counts substreams from the lowest)', () => {
  assert.deepEqual(layerForView(layers, { width: 150, height: 84 }), { send: true, substream: 0 });
  assert.deepEqual(layerForView(layers, { width: 300, height: 170 }), { send: true, substream: 1 });
  // A little larger than a layer still takes it; much larger takes the next.
  assert.deepEqual(layerForView(layers, { width: 360, height: 200 }), { send: true, substream: 1 });
  assert.deepEqual(layerForView(layers, { width: 400, height: 225 }), { send: true, substream: 2 });
  // A tall crop of a wide camera needs the height.
  assert.deepEqual(layerForView(layers, { width: 100, height: 300 }), { send: true, substream: 2 });
});

test('the stage larger than any layer, a tile never reported, or unknown layers: the top; not shown: paused', () => {
  assert.deepEqual(layerForView(layers, { width: 1920, height: 1080 }), { send: true, substream: 2 });
  assert.deepEqual(layerForView(layers, undefined), { send: true, substream: 2 });
  assert.deepEqual(layerForView([], { width: 100, height: 50 }), { send: true, substream: 2 });
  // A sender whose browser sends two layers (h, m): m is still substream 1.
  assert.deepEqual(layerForView(layers.slice(0, 2), { width: 100, height: 50 }), { send: true, substream: 1 });
  assert.deepEqual(layerForView(layers, { width: 0, height: 0 }), { send: false });
});
