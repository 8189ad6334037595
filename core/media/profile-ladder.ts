/**
 * The camera presets in steps, for the engine to step down while the network is weak and back up
 * after: the same frame rate, one size smaller or larger (`360p_15` → `180p_15`).
 */
import { VIDEO_PROFILES, type VideoProfile } from './profiles.js';

function sameRate(profile: VideoProfile): VideoProfile[] {
  return [...VIDEO_PROFILES.values()].filter((p) => p.frameRate === profile.frameRate).sort((a, b) => a.height - b.height);
}

/** The next smaller preset, or null at the smallest. */
export function lowerProfile(profile: VideoProfile): VideoProfile | null {
  const ladder = sameRate(profile);
  return ladder.filter((p) => p.height < profile.height).at(-1) ?? null;
}

/** The next larger preset up to `ceiling` (the one the user chose), or null once there. */
export function higherProfile(profile: VideoProfile, ceiling: VideoProfile): VideoProfile | null {
  if (profile.height >= ceiling.height) return null;
  const next = sameRate(profile).find((p) => p.height > profile.height);
  return !next || next.height >= ceiling.height ? ceiling : next;
}
