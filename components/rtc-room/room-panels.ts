/**
 * The call's side panel (the chat or the people list): its elements load on first use, both stay on
 * the page once shown (a draft or a message that failed survives closing the chat), and focus moves
 * into a panel that opens and back to its button when it closes.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { RtcError } from '../../core/errors.js';
import type { Panel } from '../context/room-state-context.js';
import type { StringKey } from '../i18n/strings.js';
import { loadElement } from '../internal/lazy-elements.js';

export const PANEL_TAGS = { chat: 'rtc-chat', people: 'rtc-participants' } as const satisfies Record<Panel, string>;
const CHAT_PARTS = 'base:chat-base, log:chat-log, message:chat-message, text:chat-text, form:chat-form, input:chat-input';
const PEOPLE_PARTS = 'base:people-base, list:people-list, person:people-person';

type PanelRoom = ReactiveControllerHost & { panel: Panel | null; readonly renderRoot: ParentNode };

/** The room's panels: which one is open (the room's `panel`), which were ever shown, and the chat's unread count. */
export class RoomPanels implements ReactiveController {
  #unread = 0;
  /** Panels opened at least once: they stay on the page from then on. */
  readonly #shown = new Set<Panel>();

  constructor(
    private readonly room: PanelRoom,
    private readonly reportError: (error: RtcError) => void,
  ) {
    room.addController(this);
  }

  /** Messages from others since the chat was last in view. */
  get unread(): number {
    return this.#unread;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** From the room's willUpdate: the chat in view has read everything; a panel opened for the first time loads. */
  beforeUpdate(): void {
    if (this.#unread && this.#chatInView()) this.#unread = 0;
    const panel = this.room.panel;
    if (panel && !this.#shown.has(panel)) {
      this.#shown.add(panel);
      void loadElement(PANEL_TAGS[panel]).catch((cause: unknown) => this.reportError(new RtcError('network', 'The panel could not be loaded.', { cause })));
    }
  }

  /** A chat message arrived (or was sent). */
  message(local: boolean): void {
    if (local || this.#chatInView()) return;
    this.#unread++;
    this.room.requestUpdate();
  }

  /** A new call: nothing unread. */
  joined(): void {
    this.#unread = 0;
    this.room.requestUpdate();
  }

  /** From the controls' buttons: opens a panel and moves focus into it; closing gives focus back to its button. */
  open(panel: Panel | null): void {
    const closing = this.room.panel;
    this.room.panel = panel;
    void this.room.updateComplete.then(() => focusPanel(this.room.renderRoot, panel, closing, () => this.room.panel === panel));
  }

  render(t: (key: StringKey) => string) {
    return renderPanel({ panel: this.room.panel, shown: this.#shown, t, close: () => this.open(null) });
  }

  /** Coming back to the page with the chat open reads what arrived meanwhile. */
  #onVisibilityChange = (): void => {
    if (this.#chatInView()) this.room.requestUpdate();
  };

  #chatInView(): boolean {
    return this.room.panel === 'chat' && document.visibilityState === 'visible';
  }
}

interface PanelInput {
  panel: Panel | null;
  /** Panels opened at least once. */
  shown: ReadonlySet<Panel>;
  t: (key: StringKey) => string;
  close(): void;
}

function renderPanel({ panel, shown, t, close }: PanelInput) {
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

/** Joining removed the lobby and its focused button: the microphone (else the bar's first button) takes focus, not <body>. */
export async function focusMainControl(room: Element & { readonly renderRoot: ParentNode }): Promise<void> {
  const bar = room.renderRoot.querySelector('rtc-controls');
  await bar?.updateComplete;
  const button = bar?.shadowRoot?.querySelector<HTMLElement>('[part~="button-microphone"]') ?? bar?.shadowRoot?.querySelector<HTMLElement>('[part~="button"]');
  const now = document.activeElement;
  if (now === document.body || now === room || now === null) button?.focus();
}

/** Once rendered: focus into the panel that opened (if still open), or back to the button of the one that closed. */
async function focusPanel(root: ParentNode, opened: Panel | null, closed: Panel | null, stillOpen: () => boolean): Promise<void> {
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
