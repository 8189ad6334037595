/** The phone's panels: a call ringing in, a call ringing out, and a short notice of how a call ended. */
import { html, nothing, type TemplateResult } from 'lit';
import type { StringKey } from '../i18n/strings.js';
import { icon, type IconName } from '../internal/icons.js';
import { avatarHue, initials } from '../internal/participant-display.js';
import '../i18n/en-later.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export interface Party {
  userId: string;
  name: string;
  /** An image URL (from the call's `data.avatar`, or the page's). */
  avatar?: string;
}

export interface IncomingPanelInput {
  from: Party;
  video: boolean;
  soundBlocked: boolean;
  t: Translate;
  accept(video: boolean): void;
  decline(): void;
}

export interface OutgoingPanelInput {
  to: Party;
  video: boolean;
  t: Translate;
  cancel(): void;
}

export function renderIncoming(input: IncomingPanelInput): TemplateResult {
  const { from, video, t } = input;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      input.decline();
    } else if (event.key === 'Enter' && !(event.target as Element).closest('button')) {
      // A focused button does its own thing on Enter; anywhere else in the panel Enter accepts.
      event.preventDefault();
      input.accept(video);
    }
  };
  return html`<div part="panel incoming" class="panel incoming" role="alertdialog" aria-labelledby="caller" aria-describedby="kind"
    tabindex="-1" @keydown=${onKey}>
    ${avatar(from)}
    <p id="caller" part="caller" class="name">${t('phone.isCalling', { name: from.name })}</p>
    <p id="kind" class="kind">${icon(video ? 'camera' : 'microphone')}<span>${t(video ? 'phone.incomingVideo' : 'phone.incomingAudio')}</span></p>
    ${input.soundBlocked ? html`<p part="sound-blocked" class="hint" role="note">${icon('speaker-off')}<span>${t('phone.soundBlocked')}</span></p>` : nothing}
    <div class="actions">
      ${button('decline', 'hangup', t('call.decline'), input.decline)}
      ${video ? button('accept-audio', 'microphone', t('phone.acceptAudio'), () => input.accept(false)) : nothing}
      ${button('accept', video ? 'camera' : 'hangup', t(video ? 'phone.acceptVideo' : 'phone.acceptAudio'), () => input.accept(video))}
    </div>
  </div>`;
}

export function renderOutgoing({ to, video, t, cancel }: OutgoingPanelInput): TemplateResult {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };
  return html`<div part="panel outgoing" class="panel outgoing" role="dialog" aria-labelledby="callee" tabindex="-1" @keydown=${onKey}>
    ${avatar(to, true)}
    <p id="callee" part="callee" class="name" role="status">${t('phone.calling', { name: to.name })}</p>
    <p class="kind">${icon(video ? 'camera' : 'microphone')}<span>${t(video ? 'phone.videoCall' : 'phone.audioCall')}</span></p>
    <div class="actions">${button('cancel', 'hangup', t('phone.cancel'), cancel)}</div>
  </div>`;
}

export function renderNotice(text: string, t: Translate, close: () => void): TemplateResult {
  return html`<div part="notice" class="notice" role="status">
    <span>${text}</span>
    <button type="button" part="button notice-close" class="close" aria-label=${t('panel.close')} title=${t('panel.close')} @click=${close}>×</button>
  </div>`;
}

function avatar(party: Party, pulsing = false): TemplateResult {
  const letters = initials(party.name);
  return html`<div part="avatar" class="avatar ${pulsing ? 'pulsing' : ''}" style="--hue: ${avatarHue(party.userId)}" aria-hidden="true">
    ${party.avatar ? html`<img src=${party.avatar} alt="" />` : letters || icon('people')}
  </div>`;
}

function button(name: string, iconName: IconName, label: string, onClick: () => void): TemplateResult {
  return html`<div class="action">
    <button type="button" part="button ${name}" class="button ${name}" data-action=${name} aria-label=${label} @click=${onClick}>${icon(iconName)}</button>
    <span class="label" aria-hidden="true">${label}</span>
  </div>`;
}
