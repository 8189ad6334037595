/** What changed between two room snapshots that the live region says (see internal/announcer.ts). */
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import type { Announcement } from '../internal/announcer.js';
import { displayName } from '../internal/participant-display.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/**
 * Joins and leaves (not the people already there when we arrived), hands going up (ours and others'),
 * our hand going down, and the connection dropping and coming back. Reactions are not said: too many.
 */
export function callAnnouncements(previous: RoomSnapshot | undefined, next: RoomSnapshot, t: Translate): Announcement[] {
  if (!previous) return [];
  const inCall = (s: RoomSnapshot) => s.state === 'connected' || s.state === 'reconnecting';
  const out: Announcement[] = [];
  const guest = t('tile.guest');
  const name = (s: RoomSnapshot, userId: string) => {
    const p = s.participants.find((q) => q.userId === userId);
    return p ? displayName(p, s.profiles[userId], guest) : guest;
  };
  if (previous.state === 'connected' && next.state === 'reconnecting') out.push({ kind: 'text', text: t('announce.reconnecting') });
  if (previous.state === 'reconnecting' && next.state === 'connected') out.push({ kind: 'text', text: t('announce.reconnected') });
  if (!inCall(previous) || !inCall(next)) return out;

  const before = new Set(previous.participants.filter((p) => !p.local).map((p) => p.userId));
  const after = new Set(next.participants.filter((p) => !p.local).map((p) => p.userId));
  for (const id of after) if (!before.has(id)) out.push({ kind: 'joined', name: name(next, id) });
  for (const id of before) if (!after.has(id)) out.push({ kind: 'left', name: name(previous, id) });

  const selfId = next.self?.userId;
  for (const id of next.hands) {
    if (previous.hands.includes(id)) continue;
    out.push({ kind: 'text', text: id === selfId ? t('announce.handSelf') : t('announce.hand', { name: name(next, id) }) });
  }
  if (selfId && previous.hands.includes(selfId) && !next.hands.includes(selfId)) out.push({ kind: 'text', text: t('announce.handLowered') });
  return out;
}
