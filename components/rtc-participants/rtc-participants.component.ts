import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Participant } from '../../core/types.js';
import { can, receivesOnly } from '../../protocol/permissions.js';
import { RtcRequestKickEvent } from '../events/rtc-request-kick.js';
import { icon } from '../internal/icons.js';
import { avatarHue, displayName, initials } from '../internal/participant-display.js';
import { RtcElement } from '../internal/rtc-element.js';
import { styles } from './rtc-participants.styles.js';

/**
 * @summary The people in the call: name, role, microphone and camera, raised hands first in the
 * order they were raised. A host can lower hands and remove people (after a confirmation).
 * @status experimental
 * @since 0.1
 *
 * @event {RtcRequestKickEvent} rtc-request-kick - A host confirmed removing someone: `{ userId }`. Cancel it (`preventDefault()`) to keep them in the call.
 * @event {RtcErrorEvent} rtc-error - Lowering a hand or removing someone failed: `{ code, message, error }` (inside a room, the room shows it).
 *
 * @csspart base - The list's box.
 * @csspart heading - "People (n)".
 * @csspart group-heading - "Raised hands" and "In the call", shown while hands are raised.
 * @csspart list - A list of people.
 * @csspart person - One person's row (also `person-local`, `person-hand`).
 * @csspart avatar - Their initials or avatar image.
 * @csspart name - Their name ("(you)" for the local user).
 * @csspart role - "Host" or "Viewer".
 * @csspart hand - The raised hand with its place in the queue.
 * @csspart media - Their microphone and camera marks.
 * @csspart lower-hand-button - Lowers their hand (hosts, and the person themselves): an icon button with a tooltip.
 * @csspart remove-button - Starts removing them (hosts): an icon button with a tooltip.
 * @csspart confirm - The "remove …?" question.
 * @csspart confirm-button - Removes them.
 * @csspart cancel-button - Keeps them.
 *
 * @cssproperty [--participants-background=var(--rtc-color-surface)] - Background of the list.
 * @cssproperty [--participants-hand-color=amber mixed with var(--rtc-color-text)] - Colour of the raised hand mark.
 * @cssproperty [--participants-off-color=var(--rtc-color-danger)] - Colour of a microphone or camera that is off.
 */
export class RtcParticipants extends RtcElement {
  static override styles = styles;

  /** Whose removal is being confirmed. */
  @state() private confirming: string | null = null;

  readonly #busy = new Set<string>();

  get #isHost(): boolean {
    const self = this.snapshot?.self;
    return !!self && can(self.role, 'kick');
  }

  /**
   * The action buttons a row can have: a host's two (lower hand, remove), else one while the user's own
   * hand is up. Every row keeps room for them, so the marks and buttons line up in columns.
   */
  get #actionSlots(): number {
    return this.#isHost ? 2 : this.snapshot?.self?.handRaised ? 1 : 0;
  }

  #name(p: Participant): string {
    return displayName(p, this.snapshot?.profiles[p.userId], this.i18n.t('tile.guest'));
  }

  async #run(key: string, task: () => Promise<void>): Promise<void> {
    if (this.#busy.has(key)) return;
    this.#busy.add(key);
    try {
      await task();
    } catch (error) {
      this.commands?.reportError(error);
    } finally {
      this.#busy.delete(key);
    }
  }

  #lowerHand(p: Participant): void {
    const client = this.client;
    if (client) void this.#run(`hand-${p.userId}`, () => client.lowerHand(p.userId));
  }

  #askRemove(p: Participant): void {
    this.confirming = p.userId;
    void this.updateComplete.then(() => this.#focus('[part~="cancel-button"]'));
  }

  #cancelRemove(userId: string): void {
    this.confirming = null;
    void this.updateComplete.then(() => this.#focus(`[data-user-id="${CSS.escape(userId)}"] [part~="remove-button"]`));
  }

  #remove(p: Participant): void {
    this.confirming = null;
    void this.updateComplete.then(() => this.#focus('[part~="heading"]'));
    const client = this.client;
    if (!client || !this.emit(new RtcRequestKickEvent({ userId: p.userId }))) return;
    void this.#run(`kick-${p.userId}`, () => client.kick(p.userId));
  }

  /** Moves focus to the heading (the room does this when its people panel opens). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus(options);
  }

  #focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override render() {
    const snapshot = this.snapshot;
    const people = (snapshot?.participants ?? []).filter((p) => p.userId);
    const hands = snapshot?.hands ?? [];
    const raised = hands.map((id) => people.find((p) => p.userId === id)).filter((p): p is Participant => !!p);
    const others = people.filter((p) => !hands.includes(p.userId));
    return html`
      <section part="base" class="people" aria-labelledby="heading" style="--action-slots: ${this.#actionSlots}">
        <h2 part="heading" id="heading" class="heading" tabindex="-1">${this.i18n.t('people.title', { count: people.length })}</h2>
        ${raised.length
          ? html`
              <h3 part="group-heading" id="hands" class="group">${this.i18n.t('people.hands')}</h3>
              ${this.#renderList(raised, hands, 'hands')}
              <h3 part="group-heading" id="others" class="group">${this.i18n.t('people.others')}</h3>
              ${this.#renderList(others, hands, 'others')}
            `
          : this.#renderList(others, hands, 'heading')}
      </section>
    `;
  }

  #renderList(people: Participant[], hands: readonly string[], labelledBy: string): TemplateResult {
    return html`<ul part="list" class="list" role="list" aria-labelledby=${labelledBy}>
      ${repeat(people, (p) => p.userId, (p) => this.#renderPerson(p, hands.indexOf(p.userId) + 1))}
    </ul>`;
  }

  #renderPerson(p: Participant, position: number): TemplateResult {
    const name = this.#name(p);
    const avatar = this.snapshot?.profiles[p.userId]?.avatar;
    const role = p.role === 'host' ? 'people.host' : p.role === 'viewer' ? 'people.viewer' : null;
    const parts = ['person', p.local ? 'person-local' : '', position ? 'person-hand' : ''].filter(Boolean).join(' ');
    return html`<li part=${parts} class=${classMap({ person: true, local: p.local })} data-user-id=${p.userId}>
      <div class="row">
        ${avatar
          ? html`<img part="avatar" class="avatar" src=${avatar} alt="" />`
          : html`<span part="avatar" class="avatar" style="--hue: ${avatarHue(p.userId)}" aria-hidden="true">${initials(name) || icon('people')}</span>`}
        <span class="who">
          <span part="name" class="name">${p.local ? this.i18n.t('tile.you', { name }) : name}</span>
          <span class="details">
            ${position
              ? html`<span part="hand" class="hand" role="img" aria-label=${this.i18n.t('people.hand', { position })}
                  title=${this.i18n.t('people.hand', { position })}>${icon('hand')}<span aria-hidden="true">${position}</span></span>`
              : nothing}
            ${receivesOnly(p.role) ? nothing : this.#renderMedia(p)}
            ${role ? html`<span part="role">${this.i18n.t(role)}</span>` : nothing}
          </span>
        </span>
        ${this.#renderActions(p, name, position > 0)}
      </div>
      ${this.confirming === p.userId ? this.#renderConfirm(p, name) : nothing}
    </li>`;
  }

  #renderMedia(p: Participant): TemplateResult {
    const mark = (on: boolean, onIcon: 'microphone' | 'camera', offIcon: 'microphone-off' | 'camera-off', onLabel: string, offLabel: string) =>
      html`<span class=${classMap({ mark: true, off: !on })} role="img" aria-label=${on ? onLabel : offLabel} title=${on ? onLabel : offLabel}
        >${icon(on ? onIcon : offIcon)}</span>`;
    return html`<span part="media" class="media">
      ${mark(p.media.audio, 'microphone', 'microphone-off', this.i18n.t('people.micOn'), this.i18n.t('tile.muted'))}
      ${mark(p.media.video, 'camera', 'camera-off', this.i18n.t('people.cameraOn'), this.i18n.t('tile.cameraOff'))}
    </span>`;
  }

  /** Icon buttons named by their label and tooltip, so every row keeps one line and the name its room. */
  #renderActions(p: Participant, name: string, raised: boolean): TemplateResult | typeof nothing {
    if (!this.#actionSlots) return nothing;
    const host = this.#isHost;
    const lower = raised && (host || p.local);
    const remove = host && !p.local;
    return html`<span class="actions">
      ${lower
        ? html`<button part="lower-hand-button" class="action icon-action lower" type="button" aria-label=${this.i18n.t('people.lowerHandOf', { name })}
            title=${this.i18n.t('people.lowerHandOf', { name })} @click=${() => this.#lowerHand(p)}>${icon('hand-off')}</button>`
        : nothing}
      ${remove
        ? html`<button part="remove-button" class="action icon-action danger remove" type="button" aria-label=${this.i18n.t('people.removeOf', { name })}
            title=${this.i18n.t('people.removeOf', { name })} aria-expanded=${this.confirming === p.userId ? 'true' : 'false'}
            @click=${() => (this.confirming === p.userId ? this.#cancelRemove(p.userId) : this.#askRemove(p))}>${icon('person-remove')}</button>`
        : nothing}
    </span>`;
  }

  #renderConfirm(p: Participant, name: string): TemplateResult {
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault(); // handled here: an enclosing panel stays open
        this.#cancelRemove(p.userId);
      }}>
      <span id="confirm-text">${this.i18n.t('people.confirmRemove', { name })}</span>
      <span class="confirm-buttons">
        <button part="confirm-button" class="action danger filled" type="button" @click=${() => this.#remove(p)}>${this.i18n.t('people.remove')}</button>
        <button part="cancel-button" class="action" type="button" @click=${() => this.#cancelRemove(p.userId)}>${this.i18n.t('people.cancel')}</button>
      </span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-participants': RtcParticipants;
  }
}
