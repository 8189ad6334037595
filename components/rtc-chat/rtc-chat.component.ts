import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { RtcError, type ErrorCode } from '../../core/errors.js';
import type { ChatMessage } from '../../core/types.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import type { StringKey } from '../i18n/strings.js';
import { icon } from '../internal/icons.js';
import { displayName } from '../internal/participant-display.js';
import { ResizeController } from '../internal/resize-controller.js';
import { RtcElement } from '../internal/rtc-element.js';
import { dayKey, dayLabel, fullTimeLabel, timeLabel } from './chat-time.js';
import { linkify } from './linkify.js';
import { measureLength } from './message-length.js';
import { styles } from './rtc-chat.styles.js';
import '../i18n/en-later.js';

/** A message the local user sent that the server has not stored yet, or refused. */
interface Outgoing {
  readonly key: number;
  readonly text: string;
  readonly to: string[] | null;
  readonly error?: ErrorCode;
}

/** Messages closer together than this, from the same sender to the same people, share one header. */
const GROUP_MS = 5 * 60_000;
/** How near the end of the list (px) still counts as reading the newest messages. */
const BOTTOM_SLACK = 32;
/** Share of the limit from which the length hint shows. */
const HINT_FROM = 0.9;

let outgoingKeys = 0;

/**
 * @summary The call's chat: the messages (history included for late joiners), a composer that sends
 * to everyone or privately to one person, links that open in a new tab, and every error shown next
 * to the message it concerns, with a retry.
 * @status experimental
 * @since 0.1
 *
 * @event {RtcErrorEvent} rtc-error - A message could not be sent: `{ code, message, error }` (`too-large`, `rate-limited`, `unknown-user`, `timeout`…). The chat shows it too.
 *
 * @csspart base - The chat's box.
 * @csspart heading - "Chat".
 * @csspart log - The scrolling list of messages.
 * @csspart empty - What the list shows while there are no messages.
 * @csspart separator - The day above the messages of that day.
 * @csspart message - One message (also `message-own`, `message-private`, `message-pending`, `message-failed`).
 * @csspart sender - The sender's name.
 * @csspart time - The local time a message was sent.
 * @csspart private - The "private to …" mark.
 * @csspart text - A message's text.
 * @csspart link - A link in a message.
 * @csspart status - Under a message of the user's own: "Sending…", or why it was not sent with the retry and edit buttons.
 * @csspart retry-button - Sends a refused message again.
 * @csspart edit-button - Puts a refused message back into the composer.
 * @csspart earlier-button - "Show earlier messages", at the top of the log while the server holds older ones.
 * @csspart jump-button - "New messages", shown while the reader has scrolled up and more arrived.
 * @csspart form - The composer.
 * @csspart recipient - The "To" picker (everyone, or one person).
 * @csspart input - The text box.
 * @csspart limit - The length hint near and over the limit.
 * @csspart send-button - The send button.
 *
 * @cssproperty [--chat-background=var(--rtc-color-surface)] - Background of the chat.
 * @cssproperty [--chat-bubble-background=var(--rtc-color-bg)] - Background of other people's messages.
 * @cssproperty [--chat-own-background=var(--rtc-color-accent)] - Background of the user's own messages.
 * @cssproperty [--chat-own-color=var(--rtc-color-on-accent)] - Text colour of the user's own messages.
 * @cssproperty [--chat-private-color=var(--rtc-color-accent)] - Outline and mark of private messages.
 * @cssproperty [--chat-radius=var(--rtc-radius-m)] - Corner radius of the messages.
 */
export class RtcChat extends RtcElement {
  static override styles = styles;

  /**
   * The longest message in UTF-8 bytes, for the length hint. By default the limit the server
   * announced when joining (its `MAX_CHAT_BYTES`); the server enforces its own limit whatever this says.
   */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes: number | undefined;

  /** The limit in force: the attribute, else the server's, else the server's default. */
  get #maxBytes(): number {
    return this.maxBytes ?? this.snapshot?.limits?.maxChatBytes ?? 4096;
  }

  /** What the user is typing (kept when a send fails or the element re-renders). */
  @state() private draft = '';
  /** User id of the private recipient; empty for everyone. */
  @state() private recipient = '';
  @state() private outbox: readonly Outgoing[] = [];
  /** Messages that arrived while the reader was scrolled up. */
  @state() private unseen = 0;
  /** An earlier page is on its way (the button waits rather than asking twice). */
  @state() private loadingEarlier = false;

  readonly #seen = new Set<string>();
  /** Names of everyone seen in the room, for messages to or from people who have left. */
  readonly #names = new Map<string, string>();
  #atBottom = true;
  #scrollToEnd = true;
  /** The log before an earlier page went in above it: the reader stays on the message they were reading. */
  #beforeEarlier: { height: number; firstId: string | undefined } | undefined;
  /** Re-renders on a size change (a panel opening, a phone turning), which keeps a reader at the end there. */
  protected readonly resize = new ResizeController(this);

  get #log(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.log') ?? null;
  }

  get #input(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector('textarea') ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Where the reader is now, before this update changes the log: a scroll whose event has not fired yet counts.
    if (this.#log) this.#readScroll();
    const snapshot = this.snapshot;
    for (const p of snapshot?.participants ?? []) if (p.userId) this.#names.set(p.userId, displayName(p, snapshot?.profiles[p.userId], this.i18n.t('tile.guest')));
    const selfId = snapshot?.self?.userId;
    let arrived = 0;
    for (const message of snapshot?.messages ?? []) {
      if (this.#seen.has(message.id)) continue;
      this.#seen.add(message.id);
      if (message.from !== selfId) arrived++;
    }
    if (arrived && !this.#atBottom) this.unseen += arrived;
  }

  protected override updated(): void {
    // Set the picked recipient as a property: option attributes stop counting once the user has picked.
    const select = this.renderRoot.querySelector('select')!;
    if (select.value !== this.recipient) select.value = this.recipient;
    const log = this.#log;
    const before = this.#beforeEarlier;
    if (log && before && this.snapshot?.messages[0]?.id !== before.firstId) {
      log.scrollTop += log.scrollHeight - before.height;
      this.#beforeEarlier = undefined;
    } else if (this.#scrollToEnd || this.#atBottom) this.#toEnd();
    this.#scrollToEnd = false;
  }

  /** Moves focus to the text box (the room does this when its chat panel opens). */
  override focus(options?: FocusOptions): void {
    this.#input?.focus(options);
  }

  // ---- sending ----

  get #inCall(): boolean {
    const state = this.snapshot?.state;
    return state === 'connected' || state === 'reconnecting';
  }

  #send(): void {
    const text = this.draft.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    if (!text || !this.#inCall || measureLength(text, this.#maxBytes).over) return;
    const entry: Outgoing = { key: ++outgoingKeys, text, to: this.recipient ? [this.recipient] : null };
    this.outbox = [...this.outbox, entry];
    this.draft = '';
    this.#scrollToEnd = true;
    void this.#deliver(entry);
  }

  async #deliver(entry: Outgoing): Promise<void> {
    try {
      const client = this.client;
      if (!client) throw new RtcError('not-joined');
      await client.sendMessage(entry.text, entry.to ? { to: entry.to } : {});
      // The stored copy is in the room state now (the engine announced it before resolving).
      this.outbox = this.outbox.filter((e) => e.key !== entry.key);
    } catch (caught) {
      const error = RtcError.is(caught) ? caught : new RtcError('server-error', String(caught), { cause: caught });
      this.outbox = this.outbox.map((e) => (e.key === entry.key ? { ...e, error: error.code } : e));
      this.emit(new RtcErrorEvent({ code: error.code, message: error.message, error }));
    }
  }

  #retry(entry: Outgoing): void {
    const retried: Outgoing = { key: entry.key, text: entry.text, to: entry.to };
    this.outbox = this.outbox.map((e) => (e.key === entry.key ? retried : e));
    void this.#deliver(retried);
  }

  /** Back into the composer, before whatever is being typed there now: nothing typed is lost. */
  #edit(entry: Outgoing): void {
    this.outbox = this.outbox.filter((e) => e.key !== entry.key);
    this.draft = this.draft ? `${entry.text}\n${this.draft}` : entry.text;
    if (entry.to) this.recipient = entry.to[0]!;
    void this.updateComplete.then(() => this.#input?.focus());
  }

  #onKeydown(event: KeyboardEvent): void {
    // Enter while an input method is composing (pinyin, kana) picks a candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    this.#send();
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    this.#send();
    this.#input?.focus();
  }

  async #loadEarlier(): Promise<void> {
    const client = this.client;
    if (!client || this.loadingEarlier) return;
    this.loadingEarlier = true;
    const log = this.#log;
    this.#beforeEarlier = log ? { height: log.scrollHeight, firstId: this.snapshot?.messages[0]?.id } : undefined;
    try {
      await client.loadEarlierMessages();
    } catch (caught) {
      this.#beforeEarlier = undefined;
      const error = RtcError.is(caught) ? caught : new RtcError('server-error', String(caught), { cause: caught });
      this.emit(new RtcErrorEvent({ code: error.code, message: error.message, error }));
    } finally {
      this.loadingEarlier = false;
    }
  }

  // ---- scrolling ----

  #onScroll(): void {
    this.#readScroll();
    if (this.#atBottom) this.unseen = 0;
  }

  #readScroll(): void {
    const log = this.#log!;
    this.#atBottom = log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK;
  }

  #toEnd(): void {
    const log = this.#log;
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    this.#atBottom = true;
  }

  #jump(): void {
    this.#toEnd();
    this.unseen = 0;
    this.#input?.focus();
  }

  // ---- names ----

  #nameOf(userId: string): string {
    const snapshot = this.snapshot;
    const participant = snapshot?.participants.find((p) => p.userId === userId);
    if (participant) return displayName(participant, snapshot?.profiles[userId], this.i18n.t('tile.guest'));
    return (
      snapshot?.profiles[userId]?.name || this.#names.get(userId) || snapshot?.messages.findLast((m) => m.from === userId)?.fromName || userId
    );
  }

  #privateLabel(to: readonly string[], own: boolean): string {
    const selfId = this.snapshot?.self?.userId;
    if (!own && to.length === 1 && to[0] === selfId) return this.i18n.t('chat.privateToYou');
    const names = to.map((id) => (id === selfId ? this.i18n.t('chat.you') : this.#nameOf(id)));
    return this.i18n.t('chat.privateTo', { names: names.join(', ') });
  }

  // ---- rendering ----

  protected override render() {
    const messages = this.snapshot?.messages ?? [];
    const empty = messages.length === 0 && this.outbox.length === 0;
    return html`
      <section part="base" class="chat" aria-labelledby="heading">
        <h2 part="heading" id="heading" class="heading">${this.i18n.t('chat.label')}</h2>
        <div class="messages">
          <div part="log" class="log" role="log" tabindex="0" aria-label=${this.i18n.t('chat.log')} @scroll=${this.#onScroll}>
            ${empty
              ? html`<div part="empty" class="empty">
                  <p class="empty-title">${this.i18n.t('chat.empty')}</p>
                  <p>${this.i18n.t('chat.emptyHint')}</p>
                </div>`
              : html`${this.#renderEarlierButton()}${this.#renderMessages(messages)}`}
          </div>
          ${this.unseen
            ? html`<button part="jump-button" class="jump" type="button" @click=${this.#jump}>
                ${icon('arrow-down')}<span>${this.i18n.t('chat.jump')}</span><span class="count">${this.unseen}</span>
              </button>`
            : nothing}
        </div>
        ${this.#renderForm()}
      </section>
    `;
  }

  /** The server keeps more than a join carries: older messages load on demand, at the top of the log. */
  #renderEarlierButton(): TemplateResult | typeof nothing {
    if (!this.client?.hasEarlierMessages || !this.#inCall) return nothing;
    return html`<button part="earlier-button" class="earlier" type="button" ?disabled=${this.loadingEarlier}
      aria-busy=${this.loadingEarlier ? 'true' : 'false'} @click=${this.#loadEarlier}>
      ${this.i18n.t(this.loadingEarlier ? 'chat.loadingEarlier' : 'chat.earlier')}
    </button>`;
  }

  #renderMessages(messages: readonly ChatMessage[]): TemplateResult {
    const lang = this.i18n.lang;
    const words = { today: this.i18n.t('chat.today'), yesterday: this.i18n.t('chat.yesterday') };
    const selfId = this.snapshot?.self?.userId;
    const items: { key: string; template: TemplateResult }[] = [];
    let previous: ChatMessage | undefined;
    for (const message of messages) {
      const day = dayKey(message.ts);
      if (!previous || dayKey(previous.ts) !== day) {
        items.push({ key: `day-${day}`, template: html`<div part="separator" class="separator"><span>${dayLabel(message.ts, lang, words)}</span></div>` });
        previous = undefined;
      }
      const continued =
        !!previous && previous.from === message.from && String(previous.to) === String(message.to) && message.ts - previous.ts < GROUP_MS;
      items.push({ key: message.id, template: this.#renderMessage(message, message.from === selfId, continued) });
      previous = message;
    }
    for (const entry of this.outbox) items.push({ key: `out-${entry.key}`, template: this.#renderOutgoing(entry) });
    return html`${repeat(items, (item) => item.key, (item) => item.template)}`;
  }

  #renderMessage(message: ChatMessage, own: boolean, continued: boolean): TemplateResult {
    const lang = this.i18n.lang;
    const sender = own ? this.i18n.t('chat.you') : this.snapshot?.profiles[message.from]?.name || message.fromName || message.from;
    const parts = ['message', own ? 'message-own' : '', message.to ? 'message-private' : ''].filter(Boolean).join(' ');
    return html`<div part=${parts} class=${classMap({ message: true, own, private: !!message.to, continued })}>
      <div class=${classMap({ meta: true, 'visually-hidden': continued })}>
        <span part="sender" class="sender">${sender}</span>
        ${message.to
          ? html`<span part="private" class="private-mark">${icon('lock')}${this.#privateLabel(message.to, own)}</span>`
          : nothing}
        <time part="time" class="time" datetime=${new Date(message.ts).toISOString()} title=${fullTimeLabel(message.ts, lang)}
          >${timeLabel(message.ts, lang)}</time>
      </div>
      <p part="text" class="text">${this.#renderText(message.text)}</p>
    </div>`;
  }

  #renderOutgoing(entry: Outgoing): TemplateResult {
    const failed = entry.error !== undefined;
    return html`<div part="message message-own ${entry.to ? 'message-private' : ''} ${failed ? 'message-failed' : 'message-pending'}"
      class=${classMap({ message: true, own: true, private: !!entry.to, pending: !failed, failed })}>
      <div class="meta">
        <span part="sender" class="sender">${this.i18n.t('chat.you')}</span>
        ${entry.to ? html`<span part="private" class="private-mark">${icon('lock')}${this.#privateLabel(entry.to, true)}</span>` : nothing}
      </div>
      <p part="text" class="text">${this.#renderText(entry.text)}</p>
      ${failed
        ? html`<div part="status" class="status error" role="alert">
            <span>${this.i18n.t('chat.notSent', { reason: this.i18n.t(`error.${entry.error}` as StringKey) })}</span>
            <span class="status-actions">
              ${entry.error === 'too-large'
                ? nothing
                : html`<button part="retry-button" class="link-button" type="button" @click=${() => this.#retry(entry)}>${this.i18n.t('chat.retry')}</button>`}
              <button part="edit-button" class="link-button" type="button" @click=${() => this.#edit(entry)}>${this.i18n.t('chat.edit')}</button>
            </span>
          </div>`
        : html`<div part="status" class="status">${this.i18n.t('chat.sending')}</div>`}
    </div>`;
  }

  /** Text nodes and lit-built links: markup in a message stays text. */
  #renderText(text: string) {
    return linkify(text).map((token) =>
      token.kind === 'link'
        ? html`<a part="link" href=${token.href} target="_blank" rel="noopener noreferrer">${token.text}</a>`
        : token.text,
    );
  }

  #renderForm(): TemplateResult {
    const inCall = this.#inCall;
    const others = (this.snapshot?.participants ?? []).filter((p) => !p.local && p.userId);
    const recipientGone = !!this.recipient && !others.some((p) => p.userId === this.recipient);
    const length = measureLength(this.draft, this.#maxBytes);
    const hint = length.over
      ? this.i18n.t('chat.tooLong', { count: length.over })
      : length.bytes >= this.#maxBytes * HINT_FROM
        ? this.i18n.t('chat.charsLeft', { count: length.left })
        : '';
    const placeholder = !inCall
      ? this.i18n.t('chat.offline')
      : this.recipient
        ? this.i18n.t('chat.placeholderTo', { name: this.#nameOf(this.recipient) })
        : this.i18n.t('chat.placeholder');
    const canSend = inCall && !!this.draft.trim() && !length.over;
    return html`<form part="form" class="form" @submit=${this.#onSubmit}>
      <div class="to">
        <label for="recipient">${this.i18n.t('chat.to')}</label>
        <select id="recipient" part="recipient" class=${classMap({ private: !!this.recipient })} ?disabled=${!inCall}
          @change=${(event: Event) => (this.recipient = (event.target as HTMLSelectElement).value)}>
          <option value="">${this.i18n.t('chat.everyone')}</option>
          ${others.map((p) => html`<option value=${p.userId}>${this.#nameOf(p.userId)}</option>`)}
          ${recipientGone ? html`<option value=${this.recipient}>${this.i18n.t('chat.gone', { name: this.#nameOf(this.recipient) })}</option>` : nothing}
        </select>
      </div>
      <div class="compose">
        <textarea part="input" class="input" rows="1" aria-label=${this.i18n.t('chat.input')} aria-describedby="keys limit"
          aria-invalid=${length.over ? 'true' : 'false'} placeholder=${placeholder} ?disabled=${!inCall} .value=${this.draft}
          @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
          @keydown=${this.#onKeydown}></textarea>
        <button part="send-button" class="send" type="submit" aria-label=${this.i18n.t('chat.send')} title=${this.i18n.t('chat.send')}
          ?disabled=${!canSend}>${icon('send')}</button>
      </div>
      <span id="keys" class="visually-hidden">${this.i18n.t('chat.keys')}</span>
      <span id="limit" part="limit" class=${classMap({ limit: true, over: length.over > 0 })} aria-live="polite">${hint}</span>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-chat': RtcChat;
  }
}
