import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { icon } from '../internal/icons.js';
import { MenuController } from '../internal/menu-controller.js';
import { RtcElement } from '../internal/rtc-element.js';
import { REACTIONS } from './reaction-list.js';
import { styles } from './rtc-reactions.styles.js';
import '../i18n/en-later.js';

/**
 * @summary A raise-hand toggle and an emoji reaction picker, for the call's controls or anywhere
 * on the page. Raised hands queue on the server; a reaction shows on the sender's tile for a few seconds.
 * @status experimental
 * @since 0.1
 *
 * @event {RtcErrorEvent} rtc-error - Sending failed (outside a room; inside one, the room shows it): `{ code, message, error }`.
 *
 * @csspart base - The box around the buttons.
 * @csspart hand-button - The raise-hand toggle (`aria-pressed` while the hand is up).
 * @csspart reactions-button - Opens the picker.
 * @csspart menu - The picker.
 * @csspart menu-item - One reaction in the picker.
 *
 * @cssproperty [--reactions-button-size=var(--rtc-control-size)] - Diameter of the round buttons.
 * @cssproperty [--reactions-button-background=var(--rtc-color-control)] - Button background.
 * @cssproperty [--reactions-button-color=var(--rtc-color-on-control)] - Button icon colour.
 */
export class RtcReactions extends RtcElement {
  static override styles = styles;

  /** Leave out the raise-hand toggle. */
  @property({ type: Boolean, reflect: true, attribute: 'no-hand' }) noHand = false;

  /** Leave out the reaction picker. */
  @property({ type: Boolean, reflect: true, attribute: 'no-reactions' }) noReactions = false;

  readonly #menu = new MenuController(this);

  get #inCall(): boolean {
    const state = this.snapshot?.state;
    return state === 'connected' || state === 'reconnecting';
  }

  async #run(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.commands?.reportError(error);
    }
  }

  #toggleHand(): void {
    const client = this.client;
    if (client) void this.#run(() => client.raiseHand(!client.self.handRaised));
  }

  #react(emoji: string): void {
    this.#menu.close(true);
    const client = this.client;
    if (client) void this.#run(() => client.sendReaction(emoji));
  }

  /** The picker is a row: left and right move too (the controller handles up, down, Home, End, Escape, Tab). */
  #onMenuKeydown(event: KeyboardEvent): void {
    const key = { ArrowRight: 'ArrowDown', ArrowLeft: 'ArrowUp' }[event.key];
    if (!key) return this.#menu.onKeydown(event);
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const index = items.indexOf(event.composedPath()[0] as HTMLElement);
    items[(index + (key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    event.preventDefault();
  }

  protected override render() {
    const inCall = this.#inCall;
    const raised = !!this.snapshot?.self?.handRaised;
    const open = this.#menu.openId === 'reactions';
    return html`
      <div part="base" class="bar">
        ${this.noHand
          ? nothing
          : html`<button part="hand-button" class="button" type="button" ?disabled=${!inCall} aria-pressed=${raised ? 'true' : 'false'}
              aria-label=${this.i18n.t('reactions.raiseHand')} title=${this.i18n.t(raised ? 'reactions.lowerHand' : 'reactions.raiseHand')}
              @click=${this.#toggleHand}>${icon('hand')}</button>`}
        ${this.noReactions
          ? nothing
          : html`<button part="reactions-button" class="button" type="button" ?disabled=${!inCall} aria-haspopup="menu"
              aria-expanded=${open ? 'true' : 'false'} aria-label=${this.i18n.t('reactions.pick')} title=${this.i18n.t('reactions.pick')}
              @click=${(event: Event) => this.#menu.toggle('reactions', event.currentTarget as HTMLElement)}>${icon('smile')}</button>`}
      </div>
      ${open
        ? html`<div part="menu" class="menu" role="menu" aria-orientation="horizontal" aria-label=${this.i18n.t('reactions.menu')}
            @keydown=${this.#onMenuKeydown}>
            ${REACTIONS.map(({ emoji, name }) => html`<button part="menu-item" class="emoji" type="button" role="menuitem" tabindex="-1"
              aria-label=${this.i18n.t(name)} title=${this.i18n.t(name)} @click=${() => this.#react(emoji)}>${emoji}</button>`)}
          </div>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-reactions': RtcReactions;
  }
}
