import type { RoomSnapshot } from '../context/room-state-context.js';

/** Equal at one level: the same values, arrays with the same items, records with the same entries. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/**
 * Whether two room snapshots show the same thing (participants are immutable snapshots, so the same
 * ones are the same objects). A room that updates for its own reasons then leaves its elements alone.
 */
export function sameSnapshot(a: RoomSnapshot, b: RoomSnapshot): boolean {
  const keys = Object.keys(a) as (keyof RoomSnapshot)[];
  return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
}
