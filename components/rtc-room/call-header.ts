/** The call view's top bar: the room's title (a host's, else its id; "Locked" while locked), the call timer (`show-timer`) and the head count. */
import { html, nothing } from 'lit';
import type { RoomSnapshot } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { icon } from '../internal/icons.js';
import { formatDuration } from './call-timer.js';

export function renderHeader(snapshot: RoomSnapshot, room: string, elapsed: number | null, t: (key: StringKey, params?: Record<string, string | number>) => string) {
  const count = snapshot.participants.filter((p) => p.userId).length;
  return html`<div part="header" class="header">
    <span class="title">${snapshot.roomState?.title ?? snapshot.roomId ?? room}${snapshot.roomState?.locked
      ? html`<span class="locked-mark">${icon('lock')}<span>${t('room.locked')}</span></span>`
      : nothing}</span>
    ${elapsed === null
      ? nothing
      : html`<span part="timer" class="timer" role="timer" aria-label=${t('room.timer', { time: formatDuration(elapsed) })}
          >${formatDuration(elapsed)}</span>`}
    <span class="count">${t('room.count', { count })}</span>
  </div>`;
}
