/** The room's error notice: what went wrong, what to do next, and a dismiss button. */
import { html, nothing } from 'lit';
import type { RtcError } from '../../core/errors.js';
import type { StringKey } from '../i18n/strings.js';
import { errorWords } from './error-words.js';

export function renderErrorNotice(error: RtcError, t: (key: StringKey, params?: Record<string, string | number>) => string, dismiss: () => void) {
  const { cause, next } = errorWords(error, t);
  return html`<div part="error" class="error" role="alert" data-code=${error.code}>
    <div class="error-words"><p>${cause}</p>${next ? html`<p class="next">${next}</p>` : nothing}</div>
    <button type="button" class="dismiss" aria-label=${t('error.dismiss')} title=${t('error.dismiss')} @click=${dismiss}>×</button>
  </div>`;
}
