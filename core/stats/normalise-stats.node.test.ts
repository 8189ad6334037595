import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TrackSource } from '../types.js';
import { linkRates, localStats, remoteStats, sampleLink, type StatsEntry } from './normalise-stats.js';

/** Two reports of one real link, recorded from Chromium 1 s apart (see the fixture's `recorded`). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/chromium-link.json', import.meta.url), 'utf8')) as {
  samples: { entries: StatsEntry[]; sources: [string, TrackSource][] }[];
};
const [first, second] = fixture.samples.map((s) => ({ entries: s.entries, sources: new Map(s.sources) }));
const sum = (entries: StatsEntry[], type: string, key: string) =>
  entries.filter((e) => e.type === type).reduce((total, e) => total + ((e[key] as number) ?? 0), 0);

describe('stats normalisation', () => {
  it('turns two recorded Chromium reports into bitrates, loss, RTT and the camera\'s size and rate', () => {
    const a = sampleLink(first.entries, first.sources);
    const b = sampleLink(second.entries, second.sources);
    const seconds = (b.timestamp - a.timestamp) / 1000;
    assert.ok(seconds > 0.9 && seconds < 1.2, `samples ${seconds}s apart`);

    const stats = remoteStats('bob', b, a);
    const received = sum(second.entries, 'inbound-rtp', 'bytesReceived') - sum(first.entries, 'inbound-rtp', 'bytesReceived');
    const sent = sum(second.entries, 'outbound-rtp', 'bytesSent') - sum(first.entries, 'outbound-rtp', 'bytesSent');
    assert.equal(stats.receiveBitrate, Math.round((received * 8) / seconds));
    assert.equal(stats.sendBitrate, Math.round((sent * 8) / seconds));
    assert.ok(stats.receiveBitrate > 50_000, 'video and audio were flowing');
    assert.equal(stats.packetLoss, 0);
    assert.equal(stats.roundTripTime, 0.002, 'from the selected candidate pair');
    const camera = second.entries.find((e) => e.type === 'inbound-rtp' && e.mid === '1')!;
    assert.equal(stats.framesPerSecond, camera.framesPerSecond, 'the camera stream, not the idle screen one');
    assert.equal(stats.frameWidth, camera.frameWidth);
    assert.equal(stats.frameHeight, camera.frameHeight);
    assert.equal(stats.userId, 'bob');
    assert.equal(stats.timestamp, b.timestamp);
  });

  it('reports what we send, summed over every link, with our own audio level', () => {
    const a = sampleLink(first.entries, first.sources);
    const b = sampleLink(second.entries, second.sources);
    const one = localStats('alice', [{ current: b, previous: a }], 0, 0);
    const two = localStats('alice', [{ current: b, previous: a }, { current: b, previous: a }], 0, 0);
    assert.equal(two.sendBitrate, 2 * one.sendBitrate);
    const outboundCamera = second.entries.find((e) => e.type === 'outbound-rtp' && e.mid === '1')!;
    assert.equal(one.framesPerSecond, outboundCamera.framesPerSecond);
    assert.equal(one.frameWidth, outboundCamera.frameWidth);
    const mediaSource = second.entries.find((e) => e.type === 'media-source' && e.kind === 'audio')!;
    assert.equal(one.audioLevel, mediaSource.audioLevel);
    assert.equal(one.roundTripTime, 0.002);
  });

  it('gives zero rates for a first sample and for counters that went back (a new connection)', () => {
    const a = sampleLink(first.entries, first.sources);
    const b = sampleLink(second.entries, second.sources);
    assert.deepEqual(linkRates(b, undefined), { sendBitrate: 0, receiveBitrate: 0, receiveLoss: 0, sendLoss: 0 });
    const reset = linkRates({ ...a, timestamp: b.timestamp + 1000 }, b);
    assert.deepEqual(reset, { sendBitrate: 0, receiveBitrate: 0, receiveLoss: 0, sendLoss: 0 });
  });

  it('computes loss from packet counters, both ways', () => {
    const base = sampleLink([], new Map());
    const previous = { ...base, timestamp: 1_000, packetsReceived: 100, packetsLost: 0, packetsSent: 200, remotePacketsLost: 0 };
    const current = { ...base, timestamp: 2_000, packetsReceived: 190, packetsLost: 10, packetsSent: 400, remotePacketsLost: 50 };
    const rates = linkRates(current, previous);
    assert.equal(rates.receiveLoss, 10 / 100);
    assert.equal(rates.sendLoss, 50 / 200);
  });

  it('copes with reports that lack mids, RTTs and frames', () => {
    const sample = sampleLink([
      { id: 'a', type: 'inbound-rtp', timestamp: 5, kind: 'audio', bytesReceived: 10, audioLevel: 0.4 },
      { id: 'v', type: 'inbound-rtp', timestamp: 5, kind: 'video', bytesReceived: 20 },
    ], new Map());
    assert.equal(sample.received.audioLevel, 0.4);
    assert.equal(sample.received.framesPerSecond, null);
    assert.equal(sample.roundTripTime, null);
    assert.equal(sample.bytesReceived, 30);
    assert.deepEqual(localStats('me', [], 0.2, 42), {
      userId: 'me', sendBitrate: 0, receiveBitrate: 0, packetLoss: 0, roundTripTime: null,
      framesPerSecond: null, frameWidth: null, frameHeight: null, audioLevel: 0.2, timestamp: 42,
      jitter: null, codec: null, relayed: null, videoFrames: 0, targetBitrate: null, askedBitrate: null,
    });
  });

  it('finds the weakest link against what we asked each one to carry, and skips links that ask nothing', () => {
    const base = sampleLink([], new Map());
    const link = (targetBitrate: number, askedBitrate: number | null) => ({ current: { ...base, targetBitrate, askedBitrate }, previous: undefined });
    // A receiver showing us small asked a small layer and gets all of it; the other gets half its top layer.
    const mesh = localStats('me', [link(110_000, 112_000), link(416_000, 832_000)], 0, 0);
    assert.deepEqual([mesh.targetBitrate, mesh.askedBitrate], [416_000, 832_000]);
    const paused = localStats('me', [link(32_000, 0), link(800_000, 832_000)], 0, 0);
    assert.deepEqual([paused.targetBitrate, paused.askedBitrate], [800_000, 832_000], 'our camera paused there: it says nothing');
    assert.equal(localStats('me', [link(32_000, 0)], 0, 0).targetBitrate, null);
    const unknown = localStats('me', [link(110_000, null), link(416_000, null)], 0, 0);
    assert.deepEqual([unknown.targetBitrate, unknown.askedBitrate], [110_000, null], 'without asks: the lowest target');
  });

  it('reads what the health checks need: jitter, frame counts, the encoders\' target and the path', () => {
    const a = sampleLink(first.entries, first.sources);
    const b = sampleLink(second.entries, second.sources);
    const them = remoteStats('bob', b, a);
    const camera = second.entries.find((e) => e.type === 'inbound-rtp' && e.mid === '1')!;
    assert.equal(them.videoFrames, camera.framesDecoded);
    assert.equal(them.jitter, 0.001, 'the worst stream that carries packets');
    assert.equal(them.relayed, false, 'host candidates on both ends');
    assert.equal(them.targetBitrate, null);
    const us = localStats('alice', [{ current: b, previous: a }], 0, 0);
    assert.equal(us.videoFrames, second.entries.find((e) => e.type === 'outbound-rtp' && e.mid === '1')!.framesEncoded);
    assert.equal(us.targetBitrate, 832_000, 'audio 32 kbps and camera 800 kbps');
    assert.ok(us.jitter! > 0.001 && us.jitter! < 0.002, 'as bob reports receiving us');
    const relay = second.entries.map((e) => (e.id === 'IFcyzGgKz' ? { ...e, candidateType: 'relay' } : e));
    assert.equal(sampleLink(relay, second.sources).relayed, true);
    const codec = { id: 'CIT01_96', type: 'codec', timestamp: 0, mimeType: 'video/VP8' };
    assert.equal(remoteStats('bob', sampleLink([...second.entries, codec], second.sources), a).codec, 'VP8');
  });
});
