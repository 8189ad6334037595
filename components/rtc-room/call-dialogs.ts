/** The shortcuts help (`?`) and the "Leave the call?" confirmation: native modal dialogs (focus stays inside, Esc closes). */
import { html, type TemplateResult } from 'lit';
import type { StringKey } from '../i18n/strings.js';
import { SHORTCUT_ACTIONS, shortcutLabel, type ShortcutAction, type ShortcutMap } from '../internal/shortcuts.js';
import '../i18n/en-later.js';

export { callViewStyles } from './call-view.styles.js';

export { ShortcutController } from '../internal/shortcuts.js';

type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

const DESCRIPTIONS: Record<ShortcutAction, StringKey> = {
  microphone: 'shortcuts.microphone',
  camera: 'shortcuts.camera',
  chat: 'shortcuts.chat',
  hand: 'shortcuts.hand',
  leave: 'shortcuts.leave',
  help: 'shortcuts.help',
  'push-to-talk': 'shortcuts.pushToTalk',
};

export function renderHelpDialog(map: ShortcutMap, t: Translate, close: () => void): TemplateResult {
  const rows = SHORTCUT_ACTIONS.filter((action) => map[action]);
  return html`<dialog part="shortcuts-dialog" class="dialog" id="shortcuts-dialog" aria-labelledby="shortcuts-title" @close=${close}>
    <h2 id="shortcuts-title">${t('shortcuts.title')}</h2>
    <dl class="shortcut-list">
      ${rows.map((action) => html`<div class="shortcut">
        <dt>${shortcutLabel(map[action]!, t('shortcuts.space')).map((key, i) => html`${i ? '+' : ''}<kbd>${key}</kbd>`)}</dt>
        <dd>${t(DESCRIPTIONS[action])}</dd>
      </div>`)}
    </dl>
    <form method="dialog" class="dialog-actions"><button class="primary" type="submit" autofocus>${t('shortcuts.close')}</button></form>
  </dialog>`;
}

export function renderLeaveDialog(t: Translate, leave: () => void, close: () => void): TemplateResult {
  return html`<dialog part="leave-dialog" class="dialog" id="leave-dialog" aria-labelledby="leave-title" @close=${close}>
    <h2 id="leave-title">${t('leave.confirm')}</h2>
    <form method="dialog" class="dialog-actions">
      <button type="submit" value="stay" autofocus>${t('leave.stay')}</button>
      <button class="danger" type="submit" value="leave" @click=${leave}>${t('leave.leave')}</button>
    </form>
  </dialog>`;
}
