import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withWebmDuration } from './webm-duration.js';

/** A WebM as MediaRecorder streams it: EBML header, a Segment of unknown size, Info without Duration, a cluster. */
const EBML = [0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x86, 0x81, 0x01];
const TIMECODE_SCALE_1MS = [0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40];
const MUXING_APP = [0x4d, 0x80, 0x82, 0x43, 0x68];
const CLUSTER = [0x1f, 0x43, 0xb6, 0x75, 0x83, 0xe7, 0x81, 0x00];
const info = (fields: number[]) => [0x15, 0x49, 0xa9, 0x66, 0x80 | fields.length, ...fields];
const segment = (body: number[], size = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) => [0x18, 0x53, 0x80, 0x67, ...size, ...body];
const webm = (bytes: number[]) => new Blob([Uint8Array.from(bytes)], { type: 'video/webm' });

/** The Duration a player reads: the float after the Duration ID, and where it sits. */
function durationOf(bytes: Uint8Array): { value: number; at: number } | undefined {
  for (let at = 0; at < bytes.length - 3; at++) {
    if (bytes[at] !== 0x44 || bytes[at + 1] !== 0x89) continue;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at + 3);
    return { value: bytes[at + 2] === 0x84 ? view.getFloat32(0) : view.getFloat64(0), at };
  }
  return undefined;
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('withWebmDuration', () => {
  it('adds the duration to a streamed WebM, inside Info, and keeps every other byte', async () => {
    const original = [...EBML, ...segment([...info([...TIMECODE_SCALE_1MS, ...MUXING_APP]), ...CLUSTER])];
    const fixed = await bytesOf(await withWebmDuration(webm(original), 4012));
    assert.equal(durationOf(fixed)?.value, 4012);
    assert.equal(fixed.length, original.length + 11 + 7); // the Duration, and Info's size now 8 bytes wide
    const infoAt = EBML.length + 12;
    assert.deepEqual([...fixed.subarray(infoAt + 4, infoAt + 12)], [0x01, 0, 0, 0, 0, 0, 0, 12 + 11]);
    assert.ok(durationOf(fixed)!.at < fixed.length - CLUSTER.length, 'before the cluster');
    assert.deepEqual([...fixed.subarray(-CLUSTER.length)], CLUSTER);
  });

  it('counts in the file\'s TimecodeScale', async () => {
    const tenMs = [0x2a, 0xd7, 0xb1, 0x83, 0x98, 0x96, 0x80];
    const fixed = await bytesOf(await withWebmDuration(webm([...EBML, ...segment([...info(tenMs), ...CLUSTER])]), 4000));
    assert.equal(durationOf(fixed)?.value, 400);
  });

  it('overwrites a Duration already there, in place', async () => {
    const zero = [0x44, 0x89, 0x84, 0, 0, 0, 0];
    const original = [...EBML, ...segment([...info([...TIMECODE_SCALE_1MS, ...zero]), ...CLUSTER])];
    const fixed = await bytesOf(await withWebmDuration(webm(original), 1500));
    assert.equal(fixed.length, original.length);
    assert.equal(durationOf(fixed)?.value, 1500);
  });

  it('grows a Segment of known size by what it added', async () => {
    const body = [...info(TIMECODE_SCALE_1MS), ...CLUSTER];
    const fixed = await bytesOf(await withWebmDuration(webm([...EBML, ...segment(body, [0x40, body.length])]), 2000));
    assert.deepEqual([...fixed.subarray(EBML.length + 4, EBML.length + 6)], [0x40, body.length + 11 + 7]);
    assert.equal(durationOf(fixed)?.value, 2000);
  });

  it('leaves a file it cannot read as it was', async () => {
    const notWebm = new Blob(['ftypisom, an MP4'], { type: 'video/mp4' });
    assert.equal(await withWebmDuration(notWebm, 1000), notWebm);
    const truncated = webm([...EBML, 0x18, 0x53]);
    assert.equal(await withWebmDuration(truncated, 1000), truncated);
  });
});
