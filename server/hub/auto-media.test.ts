import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoMediaMove } from './auto-media.js';

const people = (senders: number, viewers = 0) => ({ senders, viewers });

test('auto: past the mesh limit to the media server, back at or below it, otherwise where it is', () => {
  assert.equal(autoMediaMove(people(4), 4, false), null);
  assert.equal(autoMediaMove(people(5), 4, false), 'to-sfu');
  assert.equal(autoMediaMove(people(5), 4, true), null);
  assert.equal(autoMediaMove(people(4), 4, true), 'to-mesh');
  assert.equal(autoMediaMove(people(0), 4, false), null);
});

test('auto: a viewer always receives through the media server', () => {
  assert.equal(autoMediaMove(people(2, 1), 4, false), 'to-sfu');
  assert.equal(autoMediaMove(people(2, 1), 4, true), null);
  assert.equal(autoMediaMove(people(2, 0), 4, true), 'to-mesh');
});
