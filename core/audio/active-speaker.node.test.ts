import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActiveSpeakerDetector } from './active-speaker.js';

const levels = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('ActiveSpeakerDetector', () => {
  it('names someone only after they have been the loudest for a while', () => {
    const d = new ActiveSpeakerDetector({ switchMs: 400, threshold: 0.05 });
    assert.equal(d.update(levels({ a: 0.3, b: 0 }), 0), null);
    assert.equal(d.update(levels({ a: 0.3, b: 0 }), 200), null);
    assert.equal(d.update(levels({ a: 0.3, b: 0 }), 400), 'a');
  });

  it('ignores a short interjection and levels below the threshold', () => {
    const d = new ActiveSpeakerDetector({ switchMs: 400, holdMs: 1_500 });
    d.update(levels({ a: 0.3, b: 0 }), 0);
    d.update(levels({ a: 0.3, b: 0 }), 400);
    assert.equal(d.update(levels({ a: 0.1, b: 0.5 }), 600), 'a');
    assert.equal(d.update(levels({ a: 0.3, b: 0.01 }), 800), 'a');
    assert.equal(d.update(levels({ a: 0.3, b: 0.04 }), 2_000), 'a');
  });

  it('moves to a new speaker who keeps talking louder', () => {
    const d = new ActiveSpeakerDetector({ switchMs: 400 });
    d.update(levels({ a: 0.3, b: 0 }), 0);
    d.update(levels({ a: 0.3, b: 0 }), 400);
    d.update(levels({ a: 0.1, b: 0.5 }), 600);
    assert.equal(d.update(levels({ a: 0.1, b: 0.5 }), 1_000), 'b');
  });

  it('keeps the speaker through a pause, then lets go after the hold time', () => {
    const d = new ActiveSpeakerDetector({ switchMs: 0, holdMs: 1_500 });
    d.update(levels({ a: 0.3 }), 0);
    assert.equal(d.update(levels({ a: 0 }), 1_000), 'a');
    assert.equal(d.update(levels({ a: 0 }), 1_600), null);
  });

  it('drops a speaker who is no longer in the room', () => {
    const d = new ActiveSpeakerDetector({ switchMs: 0 });
    d.update(levels({ a: 0.3 }), 0);
    assert.equal(d.update(levels({ b: 0 }), 100), null);
  });
});
