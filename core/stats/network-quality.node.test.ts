import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TrackSource } from '../types.js';
import { localStats, remoteStats, sampleLink, type StatsEntry } from './normalise-stats.js';
import { QualityWindow, scoreQuality, type QualityReading } from './network-quality.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/chromium-link.json', import.meta.url), 'utf8')) as {
  samples: { entries: StatsEntry[]; sources: [string, TrackSource][] }[];
};
const [first, second] = fixture.samples.map((s) => sampleLink(s.entries, new Map(s.sources)));

const good: QualityReading = { loss: 0, roundTripTime: 0.02, jitter: 0.005, bitrateRatio: 1, flowing: true };

describe('network quality', () => {
  it('reads 5 for the recorded loopback link, both ways', () => {
    const them = remoteStats('bob', second, first);
    const us = localStats('alice', [{ current: second, previous: first }], 0, 0);
    assert.equal(scoreQuality([{ loss: them.packetLoss, roundTripTime: them.roundTripTime, jitter: them.jitter, bitrateRatio: null, flowing: true }]), 5);
    const ratio = us.targetBitrate! / 832_000;
    assert.equal(scoreQuality([{ loss: us.packetLoss, roundTripTime: us.roundTripTime, jitter: us.jitter, bitrateRatio: ratio, flowing: true }]), 5);
  });

  it('takes the worst measure: loss, delay, jitter or a bitrate far under the aim', () => {
    assert.equal(scoreQuality([{ ...good, loss: 0.04 }]), 4);
    assert.equal(scoreQuality([{ ...good, loss: 0.15 }]), 2);
    assert.equal(scoreQuality([{ ...good, loss: 0.5 }]), 1);
    assert.equal(scoreQuality([{ ...good, roundTripTime: 0.5 }]), 3);
    assert.equal(scoreQuality([{ ...good, jitter: 0.15 }]), 3);
    assert.equal(scoreQuality([{ ...good, bitrateRatio: 0.3 }]), 3);
    assert.equal(scoreQuality([{ ...good, bitrateRatio: 0.05, loss: 0.04 }]), 1);
    assert.equal(scoreQuality([{ ...good, roundTripTime: null, jitter: null, bitrateRatio: null }]), 5, 'loss alone when nothing else is known');
  });

  it('reads 0 with nothing to go on, or a link gone silent', () => {
    assert.equal(scoreQuality([]), 0);
    assert.equal(scoreQuality([{ ...good, flowing: false }]), 0);
    const window = new QualityWindow(3);
    assert.equal(window.push(good), 5);
    assert.equal(window.push({ ...good, flowing: false }), 0);
  });

  it('keeps one spike of delay or jitter (a busy moment) from counting', () => {
    const spike = { ...good, roundTripTime: 0.9, jitter: 0.3 };
    assert.equal(scoreQuality([good, spike, good]), 5);
    assert.equal(scoreQuality([spike, spike, good]), 2);
  });

  it('averages over the window: one bad sample dents the level, a run of them sinks it, and it climbs back', () => {
    const window = new QualityWindow(4);
    for (let i = 0; i < 4; i++) window.push(good);
    assert.equal(window.push({ ...good, loss: 0.12 }), 4, 'mean loss 3%');
    assert.equal(window.push({ ...good, loss: 0.12 }), 3, 'mean loss 6%');
    window.push({ ...good, loss: 0.12 });
    assert.equal(window.push({ ...good, loss: 0.12 }), 2, 'all four at 12%');
    window.push(good);
    window.push(good);
    window.push(good);
    assert.equal(window.push(good), 5, 'the bad samples left the window');
  });
});
