/**
 * The tile's menu: how loud this person plays for you (volume steps and "Mute for me", only for a
 * remote person inside a room: it acts on the room's `<audio>` for them, nothing is sent), and the
 * statistics overlay on or off. Rendered by the tile; the keys and the positioning are the MenuController's.
 * Only a call offers it, so the tile loads this module (tile-menu-loader.ts) once it has a menu button to
 * show (in the all-in-one bundle it is part of the call's chunk, which joining loads).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PersonSound } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { formatPercent } from '../internal/format-percent.js';
import { icon } from '../internal/icons.js';
import { VOLUME_STEPS } from '../rtc-room/personal-sound.js';

export { MenuController } from '../internal/menu-controller.js';
export { menuStyles } from '../internal/menu.styles.js';

export interface TileMenuView {
  name: string;
  lang: string;
  /** Null: no sound to shape here (our own tile, a screen, a tile outside a room). */
  sound: PersonSound | null;
  /** Whether the statistics overlay shows; null: not offered (no engine to read them from). */
  stats: boolean | null;
  toggleStats: () => void;
  t: (key: StringKey, params?: Record<string, string | number>) => string;
  onKeydown: (event: KeyboardEvent) => void;
  setSound: (change: Partial<PersonSound>) => void;
}

/** The step shown as chosen: the one nearest a volume a page set by script. */
function nearestStep(volume: number): number {
  return VOLUME_STEPS.reduce((best, step) => (Math.abs(step - volume) < Math.abs(best - volume) ? step : best));
}

export function renderTileMenu(view: TileMenuView): TemplateResult {
  const { sound, t } = view;
  return html`<div part="menu" class="menu" role="menu" aria-label=${t('tile.menu', { name: view.name })} @keydown=${view.onKeydown}>
    ${sound ? renderSoundItems(sound, view) : nothing}
    ${view.stats === null
      ? nothing
      : html`<button part="menu-item" type="button" class="menu-item" role="menuitemcheckbox" tabindex="-1" data-item="stats"
          aria-checked=${view.stats ? 'true' : 'false'} @click=${view.toggleStats}
          ><span class="icon"></span><span class="menu-label">${t('tile.showStats')}</span>${view.stats
            ? html`<span class="menu-check">${icon('check')}</span>`
            : nothing}</button>`}
  </div>`;
}

function renderSoundItems(sound: PersonSound, view: TileMenuView): TemplateResult {
  const { t } = view;
  const chosen = nearestStep(sound.volume);
  return html`
    <button part="menu-item" type="button" class="menu-item" role="menuitemcheckbox" tabindex="-1"
      aria-checked=${sound.muted ? 'true' : 'false'} @click=${() => view.setSound({ muted: !sound.muted })}
      >${icon('speaker-off')}<span class="menu-label">${t('tile.muteForMe')}</span>${sound.muted
        ? html`<span class="menu-check">${icon('check')}</span>`
        : nothing}</button>
    <div class="menu-heading" role="presentation" id="volume-heading">${t('tile.volume')}</div>
    <div role="group" aria-labelledby="volume-heading">
      ${VOLUME_STEPS.map((step) => {
        const checked = step === chosen;
        return html`<button part="menu-item" type="button" class="menu-item" role="menuitemradio" tabindex="-1"
          aria-checked=${checked ? 'true' : 'false'} @click=${() => view.setSound({ volume: step, muted: false })}
          >${checked ? icon('check') : html`<span class="icon"></span>`}<span class="menu-label">${formatPercent(step, view.lang)}</span></button>`;
      })}
    </div>
  `;
}
