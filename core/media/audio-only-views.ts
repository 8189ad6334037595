/**
 * Audio only for us (`RtcClient.setAudioOnly`) spares the link by asking every sender for their
 * camera at 0 × 0, as for a hidden tile: a mesh sender pauses it, an SFU stops forwarding it.
 */
import type { ViewSize } from './view-layer.js';
import type { MergedView } from './view-sizes.js';

/** Bigger than any camera preset: the sender's top layer, for a camera no UI ever said it shows. */
const FULL_VIEW: ViewSize = { width: 4096, height: 4096 };

/** The camera size to ask each person for: none while on; lifted, the size the UI shows them at (or full). */
export function audioOnlyCameraViews(on: boolean, shown: readonly MergedView[], people: Iterable<string>): [string, ViewSize | null][] {
  const cameras = new Map(shown.filter((view) => view.source === 'camera').map((view) => [view.userId, view.size]));
  return [...new Set([...cameras.keys(), ...people])].map((userId) => [userId, on ? null : cameras.has(userId) ? cameras.get(userId)! : FULL_VIEW]);
}
