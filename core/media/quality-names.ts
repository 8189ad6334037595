/**
 * The names a camera preset goes by besides its own (`720p_30`): the short `video-quality` names
 * (`720p`, `720p_portrait`), the mini-program plugin's `resolution`/`fps`, and the seeds' profiles
 * where one of ours has the same size (docs/engine.md "Camera presets" lists them).
 */

/** Frame rate of a bare `video-quality` name: 15 fps up to 480p (calls, small tiles), 30 fps from 540p up. */
function bareRate(height: number): 15 | 30 {
  return height >= 540 ? 30 : 15;
}

/** Huawei's `<height>p_1` (16:9, or 4:3 at 480p, all 15 fps) where we have the same size. */
const HUAWEI = new Set(['180p_1', '360p_1', '480p_1', '540p_1', '720p_1', '1080p_1']);

/** Ant's Web `video_profile_type` names (seed-002 §2.4); VGA is our 480p. */
const ANT_WEB: Readonly<Record<string, string>> = {
  '720P': '720p', VGA: '480p', '360P': '360p', '1080P': '1080p', '540P': '540p',
};

/**
 * Our preset name for any of the names above; anything else comes back as it is (the caller then
 * falls back to the default). Case and spaces do not matter for the short names.
 */
export function canonicalProfileName(name: string): string {
  const trimmed = name.trim();
  if (HUAWEI.has(trimmed)) return `${trimmed.slice(0, -2)}_15`;
  // Ant Android / iOS: PROFILE_360_640P_15 (portrait on Android), ARTVCVideoProfileType_640x360_15Fps.
  const android = /^PROFILE_(\d+)_(\d+)P_(15|30)$/.exec(trimmed);
  if (android) return `${android[1]}p_${android[3]}`;
  const ios = /^ARTVCVideoProfileType_(\d+)x(\d+)_(15|30)Fps$/.exec(trimmed);
  if (ios) return `${ios[2]}p_${ios[3]}`;
  const ant = /^(720P|VGA|360P|1080P|540P)( portrait)?$/i.exec(trimmed);
  if (ant) {
    const short = ANT_WEB[ant[1]!.toUpperCase()]!;
    return shortName(`${short}${ant[2] ? '_portrait' : ''}`) ?? trimmed;
  }
  return shortName(trimmed.toLowerCase()) ?? trimmed;
}

/** `720p` → `720p_30`, `360p_portrait` → `360p_15_portrait`; full names pass through. */
function shortName(name: string): string | undefined {
  const match = /^(\d+)p(?:_(15|30))?(_portrait)?$/.exec(name);
  if (!match) return undefined;
  const height = Number(match[1]);
  return `${height}p_${match[2] ?? bareRate(height)}${match[3] ?? ''}`;
}

/** The plugin's Config: `resolution` 0 = 640×360, 1 = 960×540, 2 = 1280×720 (default), `fps` 15 or 30 (default 30). */
export function pluginVideoQuality(resolution: number | undefined, fps: number | undefined): string {
  const height = ({ 0: 360, 1: 540, 2: 720 } as Record<number, number>)[resolution ?? 2] ?? 720;
  return `${height}p_${fps === 15 ? 15 : 30}`;
}
