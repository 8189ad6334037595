/**
 * The moderation notice as a toast at the top of the call (or of the lobby while waiting): its words,
 * and Turn on / Not now when it asks. The room's live region says it; the toast itself is not a
 * second live region, so it is heard once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StringKey } from '../i18n/strings.js';
import { asks, noticeText, type Notice } from './moderation-notices.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function renderNotice(notice: Notice | null, t: Translate, accept: () => void, dismiss: () => void): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  const question = asks(notice);
  return html`<div part="notice" class="notice" role="group" aria-label=${t('notice.label')} data-kind=${notice.kind}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key !== 'Escape' || notice.kind === 'waiting') return;
      event.preventDefault(); // handled here: an open panel stays open
      dismiss();
    }}>
    <span part="notice-text" class="notice-text">${noticeText(notice, t)}</span>
    ${question
      ? html`<span class="notice-actions">
          <button part="notice-accept" class="notice-button primary" type="button" @click=${accept}>${t('notice.turnOn')}</button>
          <button part="notice-dismiss" class="notice-button" type="button" @click=${dismiss}>${t('notice.notNow')}</button>
        </span>`
      : notice.kind === 'waiting'
        ? nothing
        : html`<button part="notice-dismiss" class="notice-close" type="button" aria-label=${t('notice.dismiss')} title=${t('notice.dismiss')}
            @click=${dismiss}>×</button>`}
  </div>`;
}
