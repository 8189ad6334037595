import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TrackSource } from '../types.js';
import type { StatsEntry } from './normalise-stats.js';
import { bestCamera, outboundStreams, type OutboundCounter } from './outbound-stats.js';

/** Two reports of one real link, recorded from Chromium 1 s apart. */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/chromium-link.json', import.meta.url), 'utf8')) as {
  samples: { entries: StatsEntry[]; sources: [string, TrackSource][] }[];
};
const [first, second] = fixture.samples.map((s) => ({ entries: s.entries, sources: new Map(s.sources) }));

describe('what we publish, stream by stream', () => {
  it('gives each outbound stream its receiver, source, rate and picture; an idle source is left out', () => {
    const counters = new Map<string, OutboundCounter>();
    outboundStreams('bob', first.entries, first.sources, new Map(), counters);
    const streams = outboundStreams('bob', second.entries, second.sources, counters, new Map());
    assert.deepEqual(streams.map((s) => [s.to, s.source]), [['bob', 'microphone'], ['bob', 'camera']], 'the unused screen sender sent nothing');
    const camera = streams.find((s) => s.source === 'camera')!;
    const [before, after] = [first, second].map((s) => s.entries.find((e) => e.type === 'outbound-rtp' && e.mid === '1')!);
    const seconds = ((after.timestamp) - (before.timestamp)) / 1000;
    assert.equal(camera.bitrate, Math.round((((after.bytesSent as number) - (before.bytesSent as number)) * 8) / seconds));
    assert.equal(camera.frameWidth, after.frameWidth);
    assert.equal(camera.active, true);
    assert.equal(camera.rid, null);
    assert.equal(camera.qualityLimitationReason, 'none');
  });

  it('has no rate for a first sample', () => {
    const streams = outboundStreams(null, second.entries, second.sources, new Map(), new Map());
    assert.ok(streams.every((s) => s.bitrate === 0 && s.to === null));
  });

  it('takes the best active camera picture, not the first one: a paused or small stream does not count', () => {
    const stream = (to: string, frameWidth: number, active = true) => ({
      to, source: 'camera' as const, rid: null, active, bitrate: 1, frameWidth, frameHeight: (frameWidth * 9) / 16, framesPerSecond: 15, qualityLimitationReason: null,
    });
    assert.deepEqual(bestCamera([stream('ann', 160), stream('bob', 640, false), stream('cid', 320)]), { frameWidth: 320, frameHeight: 180, framesPerSecond: 15 });
    assert.equal(bestCamera([stream('bob', 640, false)]), null);
  });
});
