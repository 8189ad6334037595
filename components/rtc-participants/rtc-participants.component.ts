import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Participant, WaitingPerson } from '../../core/types.js';
import { can, receivesOnly } from '../../protocol/permissions.js';
import { RtcRequestKickEvent } from '../events/rtc-request-kick.js';
import { icon } from '../internal/icons.js';
import { MenuController } from '../internal/menu-controller.js';
import { avatarHue, displayName, initials } from '../internal/participant-display.js';
import { RtcElement } from '../internal/rtc-element.js';
import { personActions, roomActions, type PersonAction } from './person-actions.js';
import { hasRoomMenu, renderEndDialog, renderRoomMenu, renderRoomMenuButton, renderTitleForm, type RoomMenuChoice } from './room-menu.js';
import { styles } from './rtc-participants.styles.js';
import { renderWaitingList } from './waiting-list.js';
import '../i18n/en-later.js';

/**
 * @summary The people in the call: name, role, microphone and camera, raised hands first in the
 * order they were raised. A host gets a menu per person (mute, ask to unmute, stop a share, change
 * the role, remove after a confirmation), a room menu in the header (mute everyone, keep everyone
 * muted, lock, waiting room, title, record on the server, end the meeting for everyone after a
 * confirmation) and, while people wait in the lobby, the waiting list with Admit and Deny. Each shows only what the user's role may do.
 * @status experimental
 * @since 0.1
 *
 * @event {RtcRequestKickEvent} rtc-request-kick - A host confirmed removing someone: `{ userId }`. Cancel it (`preventDefault()`) to keep them in the call.
 * @event {RtcErrorEvent} rtc-error - A host action (lower a hand, mute, admit, remove…) failed: `{ code, message, error }` (inside a room, the room shows it).
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
 * @csspart actions-button - Opens the host's menu for one person ("Actions for …"): an icon button with a tooltip.
 * @csspart person-menu - That menu (also `menu`).
 * @csspart menu-item - An item of the person or room menu.
 * @csspart confirm - The "remove …?" question.
 * @csspart confirm-button - Removes them.
 * @csspart cancel-button - Keeps them.
 * @csspart room-menu-button - Opens the room menu (hosts), beside the heading.
 * @csspart room-menu - The room menu (also `menu`).
 * @csspart title-form - The form that changes the meeting's title.
 * @csspart end-dialog - "End the meeting for everyone?" (a modal dialog), with `end-confirm` and `end-cancel`.
 * @csspart waiting-heading - "Waiting to join (n)" (also `group-heading`).
 * @csspart waiting-list - The people waiting in the lobby (also `list`).
 * @csspart waiting-person - One of them.
 * @csspart admit-button - Lets them in.
 * @csspart deny-button - Turns them away.
 *
 * @cssproperty [--participants-background=var(--rtc-color-surface)] - Background of the list.
 * @cssproperty [--participants-hand-color=amber mixed with var(--rtc-color-text)] - Colour of the raised hand mark.
 * @cssproperty [--participants-off-color=var(--rtc-color-danger)] - Colour of a microphone or camera that is off.
 * @cssproperty [--participants-header-inset=0px] - Room kept free at the end of the header (the room's panel puts its close button there).
 */
export class RtcParticipants extends RtcElement {
  static override styles = styles;

  /** Whose removal is being confirmed. */
  @state() private confirming: string | null = null;
  /** The title form is open. */
  @state() private editingTitle = false;
  /** "End the meeting for everyone?" is open. */
  @state() private ending = false;

  readonly #busy = new Set<string>();
  /** The person menus and the room menu (one open at a time), opening below their button. */
  readonly #menu = new MenuController(this, 'bottom-end');

  get #isHost(): boolean {
    const self = this.snapshot?.self;
    return !!self && (can(self.role, 'kick') || can(self.role, 'mute-others') || can(self.role, 'change-roles'));
  }

  /**
   * The action buttons a row can have: a host's two (lower hand, the person's menu), else one while the
   * user's own hand is up. Every row keeps room for them, so the marks and buttons line up in columns.
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
    void this.updateComplete.then(() => this.#focus(`[data-user-id="${CSS.escape(userId)}"] [part~="actions-button"]`));
  }

  /** A choice in someone's menu: the menu closes (focus back on its button) and the engine call runs. */
  #act(p: Participant, action: PersonAction): void {
    const client = this.client;
    if (action.kind === 'remove') {
      this.#menu.close(false);
      return this.#askRemove(p);
    }
    this.#menu.close(true);
    if (!client) return;
    const id = p.userId;
    switch (action.kind) {
      case 'mute':
        return void this.#run(`mute-${action.media}-${id}`, () => client.mute(id, action.media));
      case 'ask':
        return void this.#run(`ask-${action.media}-${id}`, () => client.askToUnmute(id, action.media));
      case 'stop-screen':
        return void this.#run(`screen-${id}`, () => client.stopScreenShare(id));
      case 'role':
        if (!action.checked) void this.#run(`role-${id}`, () => client.setRole(id, action.role));
    }
  }

  #chooseRoom(choice: RoomMenuChoice): void {
    const client = this.client;
    const room = this.snapshot?.roomState;
    if (choice === 'title' || choice === 'end') {
      this.#menu.close(false);
      if (choice === 'title') {
        this.editingTitle = true;
        void this.updateComplete.then(() => this.#focus('[part~="title-input"]'));
      } else {
        this.ending = true;
      }
      return;
    }
    this.#menu.close(true);
    if (!client) return;
    switch (choice) {
      case 'mute-all':
        return void this.#run('mute-all', () => client.muteAll('audio'));
      case 'camera-all':
        return void this.#run('camera-all', () => client.muteAll('video'));
      case 'hold':
        return void this.#run('hold', () => (room?.held.audio ? client.releaseHold('audio') : client.muteAll('audio', { hold: true })));
      case 'audio-only':
        return void this.#run('audio-only', () => client.setRoomAudioOnly(!room?.audioOnly));
      case 'lock':
        return void this.#run('lock', () => client.lockRoom(!room?.locked));
      case 'lobby':
        return void this.#run('lobby', () => client.setLobby(!room?.lobby));
      case 'record':
        return void this.#run('record', () => (room?.serverRecording ? client.stopRecording() : client.startRecording()));
    }
  }

  #closeTitle(): void {
    this.editingTitle = false;
    void this.updateComplete.then(() => this.#focus('[part~="room-menu-button"]'));
  }

  #saveTitle(title: string): void {
    const client = this.client;
    this.#closeTitle();
    if (client) void this.#run('title', () => client.setTitle(title));
  }

  #closeEnd = (): void => {
    this.ending = false;
    void this.updateComplete.then(() => this.#focus('[part~="room-menu-button"]'));
  };

  #end(): void {
    const client = this.client;
    if (client) void this.#run('end', () => client.endRoom());
  }

  /** Admit or deny; focus moves to the next person waiting, else to the heading. */
  #decide(person: WaitingPerson, admit: boolean): void {
    const client = this.client;
    if (!client) return;
    const waiting = this.snapshot?.waiting ?? [];
    const next = waiting[waiting.indexOf(person) + 1] ?? waiting[waiting.indexOf(person) - 1];
    void this.#run(`decide-${person.userId}`, () => (admit ? client.admit(person.userId) : client.deny(person.userId))).then(() =>
      this.updateComplete.then(() =>
        this.#focus(next ? `[data-waiting-id="${CSS.escape(next.userId)}"] [part~="admit-button"]` : '[part~="heading"]'),
      ),
    );
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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('[part~="end-dialog"]');
    if (dialog && !dialog.open && dialog.isConnected) dialog.showModal();
    // A menu whose person left, or whose powers went with a role change, closes.
    const open = this.#menu.openId;
    if (open && !this.renderRoot.querySelector('[role="menu"]')) this.#menu.close(false);
  }

  protected override render() {
    const snapshot = this.snapshot;
    const people = (snapshot?.participants ?? []).filter((p) => p.userId);
    const hands = snapshot?.hands ?? [];
    const raised = hands.map((id) => people.find((p) => p.userId === id)).filter((p): p is Participant => !!p);
    const others = people.filter((p) => !hands.includes(p.userId));
    const self = snapshot?.self;
    const may = roomActions(self);
    const waiting = self && can(self.role, 'admit') ? snapshot?.waiting ?? [] : [];
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <section part="base" class="people" aria-labelledby="heading" style="--action-slots: ${this.#actionSlots}">
        <div class="header">
          <h2 part="heading" id="heading" class="heading" tabindex="-1">${t('people.title', { count: people.length })}</h2>
          ${hasRoomMenu(may)
            ? renderRoomMenuButton(this.#menu.openId === 'room', t, (trigger) => this.#menu.toggle('room', trigger))
            : nothing}
        </div>
        ${this.#menu.openId === 'room' && hasRoomMenu(may)
          ? renderRoomMenu({ may, room: snapshot?.roomState ?? null, t, onKeydown: this.#menu.onKeydown, choose: (choice) => this.#chooseRoom(choice) })
          : nothing}
        ${this.editingTitle && may.lock
          ? renderTitleForm(snapshot?.roomState?.title ?? null, t, (title) => this.#saveTitle(title), () => this.#closeTitle())
          : nothing}
        ${this.ending && may.end ? renderEndDialog(t, () => this.#end(), this.#closeEnd) : nothing}
        ${waiting.length
          ? renderWaitingList({ waiting, t, guest: t('tile.guest'), admit: (w) => this.#decide(w, true), deny: (w) => this.#decide(w, false) })
          : nothing}
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
    const actions = personActions(this.snapshot?.self, p);
    const menuId = `person:${p.userId}`;
    const open = this.#menu.openId === menuId;
    return html`<span class="actions">
      ${lower
        ? html`<button part="lower-hand-button" class="action icon-action lower" type="button" aria-label=${this.i18n.t('people.lowerHandOf', { name })}
            title=${this.i18n.t('people.lowerHandOf', { name })} @click=${() => this.#lowerHand(p)}>${icon('hand-off')}</button>`
        : nothing}
      ${actions.length
        ? html`<button part="actions-button" class="action icon-action person-menu-button" type="button" aria-haspopup="menu"
            aria-expanded=${open ? 'true' : 'false'} aria-label=${this.i18n.t('people.actionsOf', { name })} title=${this.i18n.t('people.actionsOf', { name })}
            @click=${(event: Event) => this.#menu.toggle(menuId, event.currentTarget as HTMLElement)}>${icon('more')}</button>`
        : nothing}
    </span>
    ${open && actions.length ? this.#renderPersonMenu(p, name, actions) : nothing}`;
  }

  /** Media first, then the role as a choice of three, then removal (set apart, in the danger colour). */
  #renderPersonMenu(p: Participant, name: string, actions: PersonAction[]): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const roles = actions.filter((a) => a.kind === 'role');
    const item = (action: PersonAction) => {
      const radio = action.kind === 'role';
      return html`<button part="menu-item" type="button" class="menu-item ${action.kind === 'remove' ? 'danger' : ''}" tabindex="-1"
        role=${radio ? 'menuitemradio' : 'menuitem'} aria-checked=${radio ? String(action.checked) : nothing} data-action=${action.kind}
        data-media=${'media' in action ? action.media : nothing} data-role=${radio ? action.role : nothing} @click=${() => this.#act(p, action)}>
        <span class="menu-check">${radio && action.checked ? icon('check') : nothing}</span><span class="menu-label">${t(action.label)}</span></button>`;
    };
    return html`<div part="menu person-menu" class="menu" role="menu" aria-label=${t('people.actionsOf', { name })} @keydown=${this.#menu.onKeydown}>
      ${actions.filter((a) => a.kind !== 'role' && a.kind !== 'remove').map(item)}
      ${roles.length
        ? html`<div class="menu-group" role="group" aria-label=${t('people.role')}><div class="menu-heading" aria-hidden="true">${t('people.role')}</div>${roles.map(item)}</div>`
        : nothing}
      ${actions.filter((a) => a.kind === 'remove').map(item)}
    </div>`;
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
