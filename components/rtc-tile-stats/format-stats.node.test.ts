import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParticipantStats } from '../../core/types.js';
import { en as lobbyEnglish } from '../i18n/en.js';
import { enLater } from '../i18n/en-later.js';
import { zhCN } from '../i18n/zh-cn.js';
import type { StringKey } from '../i18n/strings.js';
import { formatStats } from './format-stats.js';

/** The built-in English, the lobby's and the later chunks'. */
const en = { ...lobbyEnglish, ...enLater };

const translate = (table: Record<StringKey, string>) => (key: StringKey, params: Record<string, string | number> = {}) =>
  table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const stats: ParticipantStats = {
  userId: 'bob', sendBitrate: 120_000, receiveBitrate: 640_400, packetLoss: 0.0125, roundTripTime: 0.0424, framesPerSecond: 14.6,
  frameWidth: 640, frameHeight: 360, audioLevel: 0, timestamp: 0, jitter: 0.002, codec: 'VP8', relayed: true, videoFrames: 90, targetBitrate: null, askedBitrate: null,
};

describe('the stats overlay\'s rows', () => {
  it('puts each figure in words and units: theirs as received, ours as sent', () => {
    assert.deepEqual(formatStats(stats, false, translate(en)), [
      ['Resolution', '640×360'], ['Frame rate', '15 fps'], ['Bitrate', '640 kbps'], ['Packet loss', '1.3%'],
      ['Round trip', '42 ms'], ['Codec', 'VP8'], ['Path', 'Relayed (TURN)'],
    ]);
    assert.equal(formatStats(stats, true, translate(en))[2]![1], '120 kbps');
    assert.deepEqual(formatStats({ ...stats, relayed: false }, false, translate(zhCN)).at(-1), ['路径', '直连']);
  });

  it('shows a dash for what is not measured yet', () => {
    const rows = formatStats({ ...stats, frameWidth: null, framesPerSecond: null, roundTripTime: null, codec: null, relayed: null }, false, translate(en));
    assert.deepEqual(rows.map(([, value]) => value), ['–', '–', '640 kbps', '1.3%', '–', '–', '–']);
    assert.ok(formatStats(undefined, false, translate(en)).every(([, value]) => value === '–'));
  });
});
