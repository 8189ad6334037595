import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoMediaMove } from './auto-media.js';

test('auto: past the mesh limit to the media server, back at or below it, otherwise where it is', () => {
  assert.equal(autoMediaMove(4, 4, false), null);
  assert.equal(autoMediaMove(5, 4, false), 'to-sfu');
  assert.equal(autoMediaMove(5, 4, true), null);
  assert.equal(autoMediaMove(4, 4, true), 'to-mesh');
  assert.equal(autoMediaMove(0, 4, false), null);
});
