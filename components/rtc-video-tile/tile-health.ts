/** The tile's health marks: network-quality bars in the label, and the frozen-video and weak-network notices. */
import { html, nothing, type TemplateResult } from 'lit';
import type { StringKey } from '../i18n/strings.js';

const BARS = [1, 2, 3, 4, 5] as const;

/** Five bars lit up to `level`; the words go to the tooltip and to assistive technology. */
export function renderQualityBars(level: 0 | 1 | 2 | 3 | 4 | 5, words: string): TemplateResult {
  const tone = level >= 4 ? 'good' : level === 3 ? 'fair' : 'poor';
  return html`<span part="quality" class="quality ${tone}" role="img" aria-label=${words} title=${words} data-level=${level}>
    ${BARS.map((bar) => html`<span class="bar ${bar <= level ? 'lit' : ''}" style="--bar: ${bar}"></span>`)}
  </span>`;
}

export function renderHealthNotices(input: {
  frozen: boolean;
  weak: boolean;
  audioOnlySuggested: boolean;
  t: (key: StringKey) => string;
}): TemplateResult | typeof nothing {
  const { frozen, weak, audioOnlySuggested, t } = input;
  if (!frozen && !weak) return nothing;
  return html`<div part="notices" class="notices">
    ${frozen ? html`<div part="frozen" class="notice" role="status">${t('tile.frozen')}</div>` : nothing}
    ${weak
      ? html`<div part="weak-network" class="notice" role="status">${t('tile.weakNetwork')}${audioOnlySuggested
          ? html`<span class="hint">${t('tile.audioOnlySuggested')}</span>`
          : nothing}</div>`
      : nothing}
  </div>`;
}
