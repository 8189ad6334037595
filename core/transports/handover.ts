/**
 * Moving a call between transports (an `auto` room going to the media server or back) without a gap:
 * the new transport runs beside the old one, and the old one closes only once the new one delivers
 * every stream we were waiting for (or after a while, whatever it delivered). The owner hands the
 * new transport's tracks to the page as they come, so each stream switches over the moment its
 * replacement arrives.
 */
import type { TrackSource } from '../types.js';
import type { Transport } from './transport.js';

/** Longest the two paths run side by side: a stream that never comes on the new path ends with the old one. */
export const HANDOVER_MAX_MS = 10_000;

/**
 * Closes `old` once `next` has delivered a track for each of `awaited` (`userId/source` keys), or after
 * `maxMs`. Returns a function that closes `old` at once (the call ended meanwhile).
 */
export function handOver(old: Transport & { close(): void }, next: Transport, awaited: Iterable<`${string}/${TrackSource}`>, maxMs = HANDOVER_MAX_MS): () => void {
  const missing = new Set<string>(awaited);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    next.off('track-added', arrived);
    old.close();
  };
  const arrived = ({ userId, source }: { userId: string; source: TrackSource }) => {
    missing.delete(`${userId}/${source}`);
    if (!missing.size) finish();
  };
  const timer = setTimeout(finish, maxMs);
  next.on('track-added', arrived);
  if (!missing.size) queueMicrotask(finish);
  return finish;
}
