/** The overlay's rows, in words and units (pure: shared by the element and its Node test). */
import type { ParticipantStats } from '../../core/types.js';
import type { StringKey } from '../i18n/strings.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

const DASH = '–';

/** `local`: the figures are ours, so the bitrate is what we send; theirs is what we receive from them. */
export function formatStats(stats: ParticipantStats | undefined, local: boolean, t: Translate): [string, string][] {
  const s = stats;
  const size = s?.frameWidth && s.frameHeight ? `${s.frameWidth}×${s.frameHeight}` : DASH;
  const fps = s?.framesPerSecond != null ? t('stats.fps', { value: Math.round(s.framesPerSecond) }) : DASH;
  const bitrate = s ? t('stats.kbps', { value: Math.round((local ? s.sendBitrate : s.receiveBitrate) / 1000) }) : DASH;
  const loss = s ? `${(s.packetLoss * 100).toFixed(1)}%` : DASH;
  const rtt = s?.roundTripTime != null ? t('stats.ms', { value: Math.round(s.roundTripTime * 1000) }) : DASH;
  const path = s?.relayed == null ? DASH : t(s.relayed ? 'stats.relayed' : 'stats.direct');
  return [
    [t('stats.resolution'), size],
    [t('stats.frameRate'), fps],
    [t('stats.bitrate'), bitrate],
    [t('stats.loss'), loss],
    [t('stats.rtt'), rtt],
    [t('stats.codec'), s?.codec ?? DASH],
    [t('stats.path'), path],
  ];
}
