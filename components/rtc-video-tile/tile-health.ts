/**
 * The tile's health marks: network-quality bars in the label, and the frozen-video and weak-network
 * notices, with their styles. Only a call shows them, so the tile loads this module when it first
 * has one to show (in the all-in-one bundle it is part of the call's chunk, which joining loads).
 */
import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import type { StringKey } from '../i18n/strings.js';
import { token } from '../internal/shared.styles.js';
import '../i18n/en-later.js';

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

/** Added to the tile's shadow root beside its own styles once this module is in. */
export const healthStyles: CSSResult = css`
  .quality {
    flex: none;
    display: inline-flex;
    align-items: flex-end;
    gap: 1px;
    height: 12px;
    margin-inline-start: ${token('space-xs')};
  }
  .quality .bar {
    width: 3px;
    height: calc(var(--bar) * 20%);
    border-radius: 1px;
    background: currentColor;
    opacity: 0.3;
  }
  .quality .bar.lit {
    opacity: 1;
  }
  .quality.good .bar.lit {
    background: var(--tile-quality-good, #4ade80);
  }
  .quality.fair .bar.lit {
    background: var(--tile-quality-fair, #facc15);
  }
  .quality.poor .bar.lit {
    background: var(--tile-quality-poor, #f87171);
  }
  .notices {
    position: absolute;
    top: ${token('space-s')};
    left: 50%;
    transform: translateX(-50%);
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: ${token('space-xs')};
    max-width: calc(100% - 2 * ${token('space-s')});
  }
  .notice {
    display: flex;
    flex-direction: column;
    align-items: center;
    padding: 2px ${token('space-s')};
    border-radius: ${token('radius-s')};
    background: var(--tile-label-background);
    color: var(--tile-label-color);
    font-size: ${token('font-size-s')};
    text-align: center;
  }
  .notice .hint {
    opacity: 0.85;
  }
`;
