/**
 * The call's side panel (the chat or the people list): its elements load on first use, both stay on
 * the page once shown (a draft or a message that failed survives closing the chat), and focus moves
 * into a panel that opens and back to its button when it closes.
 */
import { html, nothing } from 'lit';
import type { Panel } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { loadElement } from '../internal/lazy-elements.js';

export const PANEL_TAGS = { chat: 'rtc-chat', people: 'rtc-participants' } as const satisfies Record<Panel, string>;
const CHAT_PARTS = 'base:chat-base, log:chat-log, message:chat-message, text:chat-text, form:chat-form, input:chat-input';
const PEOPLE_PARTS = 'base:people-base, list:people-list, person:people-person';

export interface PanelInput {
  panel: Panel | null;
  /** Panels opened at least once. */
  shown: ReadonlySet<Panel>;
  t: (key: StringKey) => string;
  close(): void;
}

export function renderPanel({ panel, shown, t, close }: PanelInput) {
  return html`<aside part="panel" class="panel" ?hidden=${!panel} aria-label=${t(panel === 'people' ? 'people.label' : 'chat.label')}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    }}>
    ${shown.has('chat') ? html`<rtc-chat part="chat" exportparts=${CHAT_PARTS} ?hidden=${panel !== 'chat'}></rtc-chat>` : nothing}
    ${shown.has('people')
      ? html`<rtc-participants part="people" exportparts=${PEOPLE_PARTS} ?hidden=${panel !== 'people'}></rtc-participants>`
      : nothing}
    <button part="panel-close" class="panel-close" type="button" aria-label=${t('panel.close')} title=${t('panel.close')}
      @click=${close}>×</button>
  </aside>`;
}

/** Pointing at or tabbing into the controls fetches the panels, so the first click shows them at once. */
export function warmPanels(): void {
  void loadElement('rtc-chat').catch(() => {});
  void loadElement('rtc-participants').catch(() => {});
}

/** Once rendered: focus into the panel that opened (if still open), or back to the button of the one that closed. */
export async function focusPanel(root: ParentNode, opened: Panel | null, closed: Panel | null, stillOpen: () => boolean): Promise<void> {
  if (!opened) {
    if (closed) controlButton(root, closed)?.focus();
    return;
  }
  await customElements.whenDefined(PANEL_TAGS[opened]);
  const element = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(PANEL_TAGS[opened]);
  await element?.updateComplete;
  if (stillOpen()) element?.focus();
}

/** The panel's button in the controls, or their More button when the button moved into its menu. */
function controlButton(root: ParentNode, panel: Panel): HTMLElement | null | undefined {
  const bar = root.querySelector('rtc-controls')?.shadowRoot;
  return bar?.querySelector<HTMLElement>(`[part~="button-${panel}"]`) ?? bar?.querySelector<HTMLElement>('[part~="button-more"]');
}
