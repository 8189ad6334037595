/**
 * The host's room menu in the people panel's header (mute everyone, hold, lock, lobby, title, record, end),
 * the title form and the "End the meeting for everyone?" dialog. Render functions only: the panel
 * keeps the state and runs the engine calls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoomState } from '../../core/types.js';
import type { StringKey } from '../i18n/strings.js';
import { icon } from '../internal/icons.js';
import type { RoomActions } from './person-actions.js';
import '../i18n/en-later.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export type RoomMenuChoice = 'mute-all' | 'camera-all' | 'hold' | 'audio-only' | 'lock' | 'lobby' | 'title' | 'record' | 'end';

export interface RoomMenuInput {
  may: RoomActions;
  room: RoomState | null;
  t: Translate;
  onKeydown: (event: KeyboardEvent) => void;
  choose: (choice: RoomMenuChoice) => void;
}

export function hasRoomMenu(may: RoomActions): boolean {
  return may.mute || may.lock || may.end || may.record;
}

export function renderRoomMenuButton(open: boolean, t: Translate, toggle: (trigger: HTMLElement) => void): TemplateResult {
  return html`<button part="room-menu-button" class="action icon-action room-menu-button" type="button" aria-haspopup="menu"
    aria-expanded=${open ? 'true' : 'false'} aria-label=${t('people.roomActions')} title=${t('people.roomActions')}
    @click=${(event: Event) => toggle(event.currentTarget as HTMLElement)}>${icon('more')}</button>`;
}

export function renderRoomMenu({ may, room, t, onKeydown, choose }: RoomMenuInput): TemplateResult {
  const item = (choice: RoomMenuChoice, label: StringKey, checked?: boolean, danger = false) => html`<button part="menu-item"
    type="button" class="menu-item ${danger ? 'danger' : ''}" role=${checked === undefined ? 'menuitem' : 'menuitemcheckbox'} tabindex="-1"
    aria-checked=${checked === undefined ? nothing : String(checked)} data-choice=${choice} @click=${() => choose(choice)}>
    <span class="menu-check">${checked ? icon('check') : nothing}</span><span class="menu-label">${t(label)}</span></button>`;
  return html`<div part="menu room-menu" class="menu" role="menu" aria-label=${t('people.roomActions')} @keydown=${onKeydown}>
    ${may.mute
      ? html`${item('mute-all', 'people.muteAll')}${item('camera-all', 'people.cameraAll')}${item('hold', 'people.holdMute', !!room?.held.audio)}${item('audio-only', 'people.audioOnly', !!room?.audioOnly)}`
      : nothing}
    ${may.lock
      ? html`${item('lock', 'people.lock', !!room?.locked)}${item('lobby', 'people.lobby', !!room?.lobby)}${item('title', 'people.setTitle')}`
      : nothing}
    ${may.record ? item('record', 'people.recordServer', !!room?.serverRecording) : nothing}
    ${may.end ? item('end', 'people.endForAll', undefined, true) : nothing}
  </div>`;
}

export function renderTitleForm(title: string | null, t: Translate, save: (title: string) => void, cancel: () => void): TemplateResult {
  return html`<form part="title-form" class="title-form"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      save(((event.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement).value);
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault(); // handled here: the panel around stays open
      cancel();
    }}>
    <label for="title-input">${t('people.titleLabel')}</label>
    <span class="title-row">
      <input part="title-input" id="title-input" name="title" maxlength="120" .value=${title ?? ''} />
      <button part="title-save" class="action filled" type="submit">${t('people.titleSave')}</button>
      <button class="action" type="button" @click=${cancel}>${t('people.cancel')}</button>
    </span>
  </form>`;
}

/** A native modal dialog: focus stays inside, Escape keeps the meeting. */
export function renderEndDialog(t: Translate, end: () => void, close: () => void): TemplateResult {
  return html`<dialog part="end-dialog" class="dialog" aria-labelledby="end-title" aria-describedby="end-hint" @close=${close}
    @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && event.stopPropagation()}>
    <h2 id="end-title">${t('people.endConfirm')}</h2>
    <p id="end-hint">${t('people.endHint')}</p>
    <form method="dialog" class="dialog-actions">
      <button part="end-cancel" class="action" type="submit" value="keep" autofocus>${t('people.endCancel')}</button>
      <button part="end-confirm" class="action danger filled" type="submit" value="end" @click=${end}>${t('people.endButton')}</button>
    </form>
  </dialog>`;
}
