/** Who knocks in the lobby, for those who may admit: a name each, with Admit and Deny. */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { WaitingPerson } from '../../core/types.js';
import type { StringKey } from '../i18n/strings.js';
import { icon } from '../internal/icons.js';
import { avatarHue, initials } from '../internal/participant-display.js';
import '../i18n/en-later.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export interface WaitingListInput {
  waiting: readonly WaitingPerson[];
  t: Translate;
  guest: string;
  admit: (person: WaitingPerson) => void;
  deny: (person: WaitingPerson) => void;
}

export function renderWaitingList({ waiting, t, guest, admit, deny }: WaitingListInput): TemplateResult {
  return html`<h3 part="group-heading waiting-heading" id="waiting" class="group">${t('people.waiting', { count: waiting.length })}</h3>
    <ul part="list waiting-list" class="list" role="list" aria-labelledby="waiting">
      ${repeat(waiting, (w) => w.userId, (w) => {
        const name = w.name || guest;
        return html`<li part="waiting-person" class="person" data-waiting-id=${w.userId}>
          <div class="row">
            <span part="avatar" class="avatar" style="--hue: ${avatarHue(w.userId)}" aria-hidden="true">${initials(name) || icon('people')}</span>
            <span class="who"><span part="name" class="name">${name}</span></span>
            <span class="decide">
              <button part="admit-button" class="action filled" type="button" aria-label=${t('people.admitOf', { name })}
                @click=${() => admit(w)}>${t('people.admit')}</button>
              <button part="deny-button" class="action" type="button" aria-label=${t('people.denyOf', { name })}
                @click=${() => deny(w)}>${t('people.deny')}</button>
            </span>
          </div>
        </li>`;
      })}
    </ul>`;
}
