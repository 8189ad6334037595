/** The call view's top bar: the room's name, the call timer (`show-timer`) and the head count. */
import { html, nothing } from 'lit';
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { formatDuration } from './call-timer.js';

export function renderHeader(snapshot: RoomSnapshot, room: string, elapsed: number | null, t: (key: StringKey, params?: Record<string, string | number>) => string) {
  const count = snapshot.participants.filter((p) => p.userId).length;
  return html`<div part="header" class="header">
    <span class="title">${snapshot.roomId ?? room}</span>
    ${elapsed === null
      ? nothing
      : html`<span part="timer" class="timer" role="timer" aria-label=${t('room.timer', { time: formatDuration(elapsed) })}
          >${formatDuration(elapsed)}</span>`}
    <span class="count">${t('room.count', { count })}</span>
  </div>`;
}
