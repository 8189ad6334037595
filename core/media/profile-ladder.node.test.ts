import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { higherProfile, lowerProfile } from './profile-ladder.js';
import { resolveVideoProfile as p } from './profiles.js';

describe('profile ladder', () => {
  it('steps a landscape camera through landscape presets at its frame rate', () => {
    assert.equal(lowerProfile(p('1080p_30'))?.name, '720p_30');
    assert.equal(lowerProfile(p('720p_30'))?.name, '540p_30');
    assert.equal(lowerProfile(p('180p_15')), null);
    assert.equal(higherProfile(p('180p_15'), p('720p_15'))?.name, '360p_15');
  });

  it('keeps a portrait camera upright: down to a smaller portrait preset, never up to a wider one', () => {
    assert.equal(lowerProfile(p('720p_15_portrait'))?.name, '540p_15_portrait');
    assert.equal(lowerProfile(p('360p_30_portrait'))?.name, '180p_30_portrait');
    assert.equal(lowerProfile(p('180p_15_portrait')), null);
    assert.equal(higherProfile(p('360p_15_portrait'), p('720p_15_portrait'))?.name, '480p_15_portrait');
    assert.equal(higherProfile(p('540p_15_portrait'), p('720p_15_portrait'))?.name, '720p_15_portrait');
    assert.equal(higherProfile(p('720p_15_portrait'), p('720p_15_portrait')), null, 'at the chosen one: no step up to 1080p');
  });
});
