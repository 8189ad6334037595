/**
 * The page after the call, by why it ended: hung up (rejoin), removed by a host (no way back in),
 * joined elsewhere (rejoin here), connection lost (rejoin), or an error (its cause, then rejoin).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RtcError } from '../../core/errors.js';
import type { LeftReason } from '../../core/types.js';
import type { StringKey } from '../i18n/strings.js';
import { errorWords } from './error-words.js';

export interface LeftViewInput {
  reason: LeftReason | undefined;
  error: RtcError | undefined;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  rejoin(): void;
}

interface LeftWords {
  title: StringKey;
  hint?: StringKey;
  rejoin: StringKey | null;
}

const WORDS: Record<LeftReason, LeftWords> = {
  hangup: { title: 'left.title', rejoin: 'left.rejoin' },
  kicked: { title: 'left.kicked', hint: 'left.kickedHint', rejoin: null },
  replaced: { title: 'left.replaced', hint: 'left.replacedHint', rejoin: 'left.rejoinHere' },
  network: { title: 'left.network', hint: 'left.networkHint', rejoin: 'left.rejoin' },
  ended: { title: 'left.endedByHost', rejoin: null },
  error: { title: 'left.ended', rejoin: 'left.rejoin' },
};

export function renderLeft({ reason, error, t, rejoin }: LeftViewInput): TemplateResult {
  const words = WORDS[reason ?? 'hangup'];
  const said = reason === 'error' && error ? errorWords(error, t) : null;
  const hints = said ? [said.cause, said.next] : [words.hint ? t(words.hint) : null];
  return html`<section part="left" class="left" aria-labelledby="left-title" data-reason=${reason ?? 'hangup'}>
    <h2 id="left-title">${t(words.title)}</h2>
    ${hints.map((hint) => (hint ? html`<p class="muted">${hint}</p>` : nothing))}
    ${words.rejoin ? html`<button part="rejoin-button" class="primary" type="button" @click=${rejoin}>${t(words.rejoin)}</button>` : nothing}
  </section>`;
}
