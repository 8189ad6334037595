/**
 * Camera presets: capture size, frame rate and the most we send. Names read `<height>p_<fps>`,
 * after the seeds' profile tables (Huawei 180p_1 … 1080p_1, Ant's 15/30 fps variants).
 */
import { DEFAULTS } from '../defaults.js';
import { canonicalProfileName } from './quality-names.js';

export interface VideoProfile {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
  /** Bits per second. */
  readonly maxBitrate: number;
}

const SIZES = [
  // [height, width, kbps at 15 fps]
  [180, 320, 320],
  [360, 640, 800],
  [480, 640, 900],
  [540, 960, 1_000],
  [720, 1280, 1_500],
  [1080, 1920, 2_000],
] as const;

/** 30 fps needs about half as many bits again as 15 fps at the same size. */
const FPS_30_BITRATE_FACTOR = 1.5;

export const VIDEO_PROFILES: ReadonlyMap<string, VideoProfile> = new Map(
  SIZES.flatMap(([height, width, kbps]) =>
    ([15, 30] as const).map((frameRate): [string, VideoProfile] => {
      const name = `${height}p_${frameRate}`;
      const maxBitrate = kbps * 1_000 * (frameRate === 30 ? FPS_30_BITRATE_FACTOR : 1);
      return [name, Object.freeze({ name, width, height, frameRate, maxBitrate })];
    }),
  ),
);

/** True for any name `resolveVideoProfile` knows: a preset, a `video-quality` name, or a seed's profile name. */
export function isVideoProfileName(name: unknown): name is string {
  return typeof name === 'string' && findVideoProfile(name) !== undefined;
}

/** The named profile; an unknown name falls back to the default (as the seeds do) rather than failing a call. */
export function resolveVideoProfile(name: string | undefined): VideoProfile {
  return findVideoProfile(name ?? DEFAULTS.videoProfile) ?? VIDEO_PROFILES.get(DEFAULTS.videoProfile)!;
}

/** Portrait presets for phones held upright: `<height>p_<fps>_portrait` is the landscape one turned (`360p_15_portrait` is 360×640). */
const PORTRAIT_PROFILES: ReadonlyMap<string, VideoProfile> = new Map(
  [...VIDEO_PROFILES.values()].map((p): [string, VideoProfile] => {
    const name = `${p.name}_portrait`;
    return [name, Object.freeze({ ...p, name, width: p.height, height: p.width })];
  }),
);

function findVideoProfile(name: string): VideoProfile | undefined {
  const canonical = canonicalProfileName(name);
  return VIDEO_PROFILES.get(canonical) ?? PORTRAIT_PROFILES.get(canonical);
}

/** getUserMedia constraints for a profile, with the app's own constraints on top and an exact device when one is chosen. */
export function cameraConstraints(
  profile: VideoProfile,
  custom: MediaTrackConstraints | undefined,
  deviceId: string | undefined,
): MediaTrackConstraints {
  return {
    width: { ideal: profile.width },
    height: { ideal: profile.height },
    frameRate: { ideal: profile.frameRate, max: profile.frameRate },
    ...custom,
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  };
}

export function microphoneConstraints(
  custom: MediaTrackConstraints | undefined,
  deviceId: string | undefined,
): MediaTrackConstraints {
  return { ...DEFAULTS.audioConstraints, ...custom, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
}

/**
 * The camera's layers, top first: full, half and quarter resolution (rids h/m/l, as Janus's
 * simulcast names them). Bits shrink slower than pixels: a small picture needs more bits per pixel
 * to stay sharp (LiveKit's presets give 360p about 0.26 of 720p's bits, 180p about 0.09).
 */
export const CAMERA_LAYERS = [
  { rid: 'h', scale: 1, bitrateShare: 1 },
  { rid: 'm', scale: 2, bitrateShare: 0.3 },
  { rid: 'l', scale: 4, bitrateShare: 0.1 },
] as const;

/**
 * Sender encodings for a profile given what the camera actually delivers, one per layer: a camera
 * that ignores the requested size is scaled down so the top layer never sends more pixels (or bits)
 * than the profile allows. An SFU sends them all (simulcast); the mesh sends one per receiver.
 */
export function cameraLayers(
  profile: VideoProfile,
  captured?: { width?: number; height?: number },
): RTCRtpEncodingParameters[] {
  const shortSide = Math.min(captured?.width ?? 0, captured?.height ?? 0);
  // Portrait presets are turned: the short side is the one to compare.
  const profileShortSide = Math.min(profile.width, profile.height);
  const scale = shortSide > profileShortSide ? shortSide / profileShortSide : 1;
  return CAMERA_LAYERS.map((layer) => ({
    rid: layer.rid,
    maxBitrate: Math.round(profile.maxBitrate * layer.bitrateShare),
    maxFramerate: profile.frameRate,
    scaleResolutionDownBy: Math.round(scale * layer.scale * 100) / 100,
  }));
}
