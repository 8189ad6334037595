/**
 * The camera presets in steps, for the engine to step down while the network is weak and back up
 * after: the same frame rate and orientation, one size smaller or larger (`360p_15` → `180p_15`,
 * `720p_15_portrait` → `540p_15_portrait`). Sizes compare by the short side, which portrait
 * presets keep as their width.
 */
import { PORTRAIT_PROFILES, VIDEO_PROFILES, type VideoProfile } from './profiles.js';

const shortSide = (profile: VideoProfile): number => Math.min(profile.width, profile.height);
const isPortrait = (profile: VideoProfile): boolean => profile.height > profile.width;

function ladderOf(profile: VideoProfile): VideoProfile[] {
  const presets = isPortrait(profile) ? PORTRAIT_PROFILES : VIDEO_PROFILES;
  return [...presets.values()].filter((p) => p.frameRate === profile.frameRate).sort((a, b) => shortSide(a) - shortSide(b));
}

/** The next smaller preset, or null at the smallest. */
export function lowerProfile(profile: VideoProfile): VideoProfile | null {
  return ladderOf(profile).filter((p) => shortSide(p) < shortSide(profile)).at(-1) ?? null;
}

/** The next larger preset up to `ceiling` (the one the user chose), or null once there. */
export function higherProfile(profile: VideoProfile, ceiling: VideoProfile): VideoProfile | null {
  if (shortSide(profile) >= shortSide(ceiling)) return null;
  const next = ladderOf(profile).find((p) => shortSide(p) > shortSide(profile));
  return !next || shortSide(next) >= shortSide(ceiling) ? ceiling : next;
}
