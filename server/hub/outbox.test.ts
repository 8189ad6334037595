import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Outbox } from './outbox.js';

const filled = (outbox: Outbox, from: number, to: number) => {
  for (let seq = from; seq <= to; seq++) outbox.push(seq, `f${seq}`);
  return outbox;
};

test('replays exactly the frames after lastSeq while it still holds them all', () => {
  const outbox = filled(new Outbox(3, 1000), 2, 6);
  assert.deepEqual(outbox.after(4, 6), ['f5', 'f6']);
  assert.deepEqual(outbox.after(3, 6), ['f4', 'f5', 'f6']);
  assert.deepEqual(outbox.after(6, 6), []);
  assert.equal(outbox.after(2, 6), null, 'f3 was dropped to keep 3 frames');
  assert.equal(outbox.after(7, 6), null, 'a lastSeq from the future');
});

test('the character budget drops the oldest frames but always keeps the last one', () => {
  const outbox = new Outbox(100, 5);
  outbox.push(1, 'abc');
  outbox.push(2, 'def');
  assert.equal(outbox.after(0, 2), null);
  assert.deepEqual(outbox.after(1, 2), ['def']);
  outbox.push(3, 'far too long');
  assert.deepEqual(outbox.after(2, 3), ['far too long']);
});

test('after clear or a gap in seq, nothing from before can be replayed', () => {
  const outbox = filled(new Outbox(10, 1000), 1, 3);
  outbox.clear();
  assert.equal(outbox.after(2, 4), null);
  filled(outbox, 5, 6);
  assert.deepEqual(outbox.after(4, 6), ['f5', 'f6']);
  outbox.push(9, 'f9');
  assert.equal(outbox.after(6, 9), null, 'f7 and f8 were never kept');
  assert.deepEqual(outbox.after(8, 9), ['f9']);
});
