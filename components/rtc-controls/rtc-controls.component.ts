import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DeviceKind } from '../../core/types.js';
import { can, type Permission } from '../../protocol/permissions.js';
import type { MediaCommands } from '../context/room-commands-context.js';
import { RtcRequestLeaveEvent } from '../events/rtc-request-leave.js';
import type { StringKey } from '../i18n/strings.js';
import { icon, type IconName } from '../internal/icons.js';
import { MenuController } from '../internal/menu-controller.js';
import { AudioOnlyController } from '../internal/audio-only-controller.js';
import { ResizeController } from '../internal/resize-controller.js';
import { RtcElement } from '../internal/rtc-element.js';
import { offerSnapshot } from '../internal/snapshot-image.js';
import { pictureInPictureKind } from '../internal/picture-in-picture-support.js';
import { rememberAudioProcessing } from '../internal/remembered-audio-processing.js';
import { REACTIONS } from '../rtc-reactions/reaction-list.js';
import { loadElement } from '../internal/lazy-elements.js';
import { DEFAULT_ACTIONS } from './default-actions.js';
import { keptCount } from './overflow.js';
import { styles } from './rtc-controls.styles.js';
import '../i18n/en-later.js';

interface ButtonSpec {
  action: string;
  icon: IconName;
  label: StringKey;
  /** The tooltip, when it differs from the label (it says what pressing will do). */
  title?: StringKey;
  /** For toggles: the current state, announced as aria-pressed. */
  pressed?: boolean;
  /** Shown in the danger colour (a device that is off, hang up). */
  danger?: boolean;
  /** A count drawn on the button (unread messages, raised hands); the label then says it too. */
  badge?: { count: number; label: StringKey };
  /** Not usable now (raising a hand outside a call); only the More menu shows it so. */
  disabled?: boolean;
  run: () => unknown;
}

/** Always in the bar, however narrow it is; the other actions move into the More menu when they don't fit, the last first. */
const PINNED = new Set(['microphone', 'camera', 'hangup', 'slot']);
/** Always in the More menu, never in the bar (occasional actions: recording the call, picture-in-picture). */
const MENU_ONLY = new Set(['record', 'pip']);

/** The hand toggle and the reaction picker are `<rtc-reactions>` inside the bar, styled and named like its own buttons. */
const HAND_PARTS = 'hand-button:button, hand-button:button-hand';
const REACTION_PARTS = 'reactions-button:button, reactions-button:button-reactions, menu, menu-item';

/**
 * @summary The call's buttons: microphone, camera, screen share, device menus for the camera,
 * microphone and speaker, raise hand, reactions, layout, full screen, chat and people (with counts) and hang up.
 * The bar never scrolls: what doesn't fit its width moves into a More menu, the last actions first.
 * @status experimental
 * @since 0.1
 * @dependency rtc-reactions
 *
 * @slot - The page's own buttons, placed where `actions` says `slot` (at the end if it doesn't).
 *
 * @event {RtcRequestLeaveEvent} rtc-request-leave - The user pressed hang up: `{ source: 'hangup' }`. Cancel it to stay in the call.
 * @event {RtcSnapshotEvent} rtc-snapshot - The user took a snapshot: `{ userId, image: Blob }`. Cancel it to stop the PNG download.
 * @event {RtcErrorEvent} rtc-error - Standing alone (with `engine`): a user action failed, `{ code, message, error }`. Inside a room the room reports it.
 *
 * @csspart base - The button bar.
 * @csspart button - Every button (also `button-<action>`, e.g. `button-hangup`, and `button-more` for the More button).
 * @csspart menu-button - The arrow buttons that open the device menus.
 * @csspart menu - A device menu, or the More menu.
 * @csspart menu-item - One device in a menu, or one action in the More menu.
 * @csspart badge - A count on a button or a More menu item (unread messages, raised hands).
 *
 * @cssproperty [--controls-gap=var(--rtc-space-s)] - Space between buttons.
 * @cssproperty [--controls-button-size=var(--rtc-control-size)] - Diameter of the round buttons (48px: a thumb's width).
 * @cssproperty [--controls-button-background=var(--rtc-color-control)] - Button background.
 * @cssproperty [--controls-button-color=var(--rtc-color-on-control)] - Button icon colour.
 * @cssproperty [--controls-off-background=var(--rtc-color-danger)] - Background of a device that is off, and of hang up.
 * @cssproperty [--controls-off-color=var(--rtc-color-on-danger)] - Icon colour on that background.
 */
export class RtcControls extends RtcElement {
  static override styles = styles;

  override connectedCallback(): void {
    super.connectedCallback();
    // The hand and reaction buttons are <rtc-reactions>, a chunk of its own: fetched as the bar appears.
    void loadElement('rtc-reactions').catch(() => {});
  }

  static {
    // Moving actions into the More menu is the outcome of measuring a render: a second update is the point (see #fit).
    this.disableWarning?.('change-in-update');
  }

  /**
   * Which buttons to show, in order, separated by spaces: `microphone camera switch-camera screen
   * snapshot speaker hand reactions layout fullscreen chat people hangup`, `audio-only` (not in the
   * default: audio only for the local user, `engine.setAudioOnly`), and `slot` for the page's own
   * buttons. `speaker`, `layout`, `fullscreen`, `chat` and `people` act on the enclosing `<rtc-room>`
   * and are left out without one; `switch-camera` shows with two cameras or more, `screen` where the
   * browser can share a screen. `chat` counts unread messages, `people` raised hands (for hosts, people
   * waiting in the lobby first); a role shows only what it may do (a viewer: no microphone, camera or screen). When the bar is
   * too narrow, the actions other than `microphone`, `camera`, `hangup` and `slot` move into the More
   * menu, from the last one on.
   */
  @property() actions = DEFAULT_ACTIONS;

  /** How many of the movable actions stay in the bar (the rest are in the More menu); Infinity: all of them. */
  @state() private kept = Infinity;

  readonly #menu = new MenuController(this);
  /** The audio-only toggle follows the engine. */
  readonly #audioOnly = new AudioOnlyController(this);
  /** A new width re-renders, and every render measures the bar again (see #fit). */
  readonly #size = new ResizeController(this);
  readonly #pending = new Set<string>();
  /** The actions with something to show, in order (worked out before each render). */
  #shown: string[] = [];
  /** The width of each movable action and of the More button, from when it was last in the bar. */
  readonly #widths = new Map<string, number>();

  get #actions(): string[] {
    const list = this.actions.split(/\s+/).filter(Boolean);
    return list.includes('slot') ? list : [...list, 'slot'];
  }

  get #movable(): string[] {
    return this.#shown.filter((action) => !PINNED.has(action) && !MENU_ONLY.has(action));
  }

  /** What the More menu holds: the movable actions that did not fit, and the menu-only ones, in the bar's order. */
  get #moved(): string[] {
    const overflow = this.#movable.slice(this.kept);
    return this.#shown.filter((action) => MENU_ONLY.has(action) || overflow.includes(action));
  }

  get #inCall(): boolean {
    const state = this.snapshot?.state;
    return state === 'connected' || state === 'reconnecting';
  }

  /** Runs a user action once at a time, reporting a failure as `rtc-error`. */
  async #run(action: string, commands: MediaCommands, task: () => Promise<unknown> | unknown): Promise<void> {
    if (this.#pending.has(action)) return;
    this.#pending.add(action);
    try {
      await task();
    } catch (error) {
      commands.reportError(error);
    } finally {
      this.#pending.delete(action);
    }
  }

  #hangup(commands: MediaCommands): void {
    if (this.emit(new RtcRequestLeaveEvent({ source: 'hangup' }))) void this.#run('hangup', commands, () => commands.hangup());
  }

  /** A still of who is on the main view (alone: of the local user). */
  async #snapshot(commands: MediaCommands): Promise<void> {
    const userId = this.snapshot?.mainUserId ?? this.snapshot?.self?.userId ?? null;
    offerSnapshot(this, await commands.snapshot(userId ?? undefined), userId);
  }

  /** What an action's button shows and does, or null when it has nothing to offer here. */
  #spec(action: string, commands: MediaCommands): ButtonSpec | null {
    const room = this.engine ? undefined : this.roomCommands;
    const snapshot = this.snapshot;
    const media = snapshot?.self?.media;
    // Before joining there is no role yet: the preview may offer everything.
    const may = (permission: Permission) => !snapshot?.self || can(snapshot.self.role, permission);
    switch (action) {
      case 'microphone':
        return may('publish-audio')
          ? { action, icon: media?.audio ? 'microphone' : 'microphone-off', label: 'controls.microphone',
              title: media?.audio ? 'controls.microphone.on' : 'controls.microphone.off', pressed: !!media?.audio, danger: !media?.audio,
              run: () => commands.toggleMicrophone() }
          : null;
      case 'camera':
        return may('publish-video')
          ? { action, icon: media?.video ? 'camera' : 'camera-off', label: 'controls.camera',
              title: media?.video ? 'controls.camera.on' : 'controls.camera.off', pressed: !!media?.video, danger: !media?.video,
              run: () => commands.toggleCamera() }
          : null;
      case 'switch-camera':
        return may('publish-video') && (snapshot?.devices.cameras.length ?? 0) >= 2
          ? { action, icon: 'switch-camera', label: 'controls.switchCamera', run: () => commands.switchCamera() }
          : null;
      case 'screen':
        return may('publish-screen') && canShareScreen()
          ? { action, icon: media?.screen ? 'screen-off' : 'screen', label: 'controls.screen',
              title: media?.screen ? 'controls.screen.on' : 'controls.screen', pressed: !!media?.screen, run: () => commands.toggleScreenShare() }
          : null;
      case 'snapshot':
        return { action, icon: 'snapshot', label: 'controls.snapshot', run: () => this.#snapshot(commands) };
      // ---- local recording, picture-in-picture (issue 13) ----
      case 'record': {
        const recording = (snapshot?.localRecording ?? 'inactive') !== 'inactive';
        return room
          ? { action, icon: recording ? 'record-stop' : 'record', label: recording ? 'controls.recordStop' : 'controls.record',
              pressed: recording, disabled: !this.#inCall, run: () => room.toggleLocalRecording() }
          : null;
      }
      case 'pip':
        return room && pictureInPictureKind()
          ? { action, icon: 'pip', label: 'controls.pip', pressed: !!snapshot?.pictureInPicture, disabled: !this.#inCall,
              run: () => room.togglePictureInPicture() }
          : null;
      case 'audio-only': {
        const client = this.client;
        const on = !!client?.audioOnly;
        return client
          ? { action, icon: on ? 'camera-off' : 'camera', label: 'controls.audioOnly', pressed: on, run: () => client.setAudioOnly(!on) }
          : null;
      }
      case 'speaker':
        return room
          ? { action, icon: snapshot?.speakerOn ? 'speaker' : 'speaker-off', label: 'controls.speaker', pressed: !!snapshot?.speakerOn,
              danger: !snapshot?.speakerOn, run: () => room.toggleSpeaker() }
          : null;
      case 'layout':
        return room
          ? { action, icon: 'layout-speaker', label: 'controls.layout', pressed: snapshot?.layout === 'speaker',
              run: () => room.setLayout(snapshot?.layout === 'speaker' ? 'grid' : 'speaker') }
          : null;
      case 'fullscreen':
        return room
          ? { action, icon: snapshot?.fullscreen ? 'fullscreen-exit' : 'fullscreen', label: 'controls.fullscreen', pressed: !!snapshot?.fullscreen,
              run: () => room.setFullScreen(!snapshot?.fullscreen) }
          : null;
      case 'hand': {
        // In the bar, <rtc-reactions> is the toggle; this is its More menu item.
        const client = this.client;
        const raised = !!snapshot?.self?.handRaised;
        return { action, icon: 'hand', label: 'reactions.raiseHand', pressed: raised, disabled: !this.#inCall, run: () => client?.raiseHand(!raised) };
      }
      case 'chat':
      case 'people': {
        if (!room || (action === 'chat' && !may('chat'))) return null;
        const pressed = snapshot?.panel === action;
        // People: those waiting in the lobby come first (a host has to act), else raised hands.
        const waiting = may('admit') ? snapshot?.waiting.length ?? 0 : 0;
        const badge = action === 'chat'
          ? { count: snapshot?.unreadMessages ?? 0, label: 'controls.chatUnread' as const }
          : waiting
            ? { count: waiting, label: 'controls.peopleWaiting' as const }
            : { count: snapshot?.hands.length ?? 0, label: 'controls.peopleHands' as const };
        return { action, icon: action, label: action === 'chat' ? 'controls.chat' : 'controls.people', pressed, badge,
          run: () => room.openPanel(pressed ? null : action) };
      }
      default:
        return null;
    }
  }

  #shows(action: string, commands: MediaCommands): boolean {
    return action === 'slot' || action === 'hangup' || action === 'reactions' || this.#spec(action, commands) !== null;
  }

  #badge(count: number): TemplateResult | typeof nothing {
    return count ? html`<span part="badge" class="badge" aria-hidden="true">${count > 99 ? '99+' : count}</span>` : nothing;
  }

  #button(spec: ButtonSpec, commands: MediaCommands): TemplateResult {
    const label = this.i18n.t(spec.label);
    const count = spec.badge?.count ?? 0;
    return html`<button part="button button-${spec.action}" type="button" data-action=${spec.action}
      class=${classMap({ button: true, danger: !!spec.danger, [spec.action]: true })}
      aria-label=${count ? this.i18n.t(spec.badge!.label, { count }) : label} title=${spec.title ? this.i18n.t(spec.title) : label}
      aria-pressed=${spec.pressed === undefined ? nothing : String(spec.pressed)}
      @click=${() => this.#run(spec.action, commands, spec.run)}>${icon(spec.icon)}${this.#badge(count)}</button>`;
  }

  #menuButton(id: DeviceKind, label: StringKey): TemplateResult {
    const open = this.#menu.openId === id;
    return html`<button part="menu-button" type="button" class="menu-button" aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'} aria-label=${this.i18n.t(label)} title=${this.i18n.t(label)}
      @click=${(event: Event) => this.#menu.toggle(id, event.currentTarget as HTMLElement)}>${icon('chevron-up')}</button>`;
  }

  /** The More button: the moved actions' counts add up on it. */
  #moreButton(moved: string[], commands: MediaCommands): TemplateResult {
    const count = moved.reduce((sum, action) => sum + (this.#spec(action, commands)?.badge?.count ?? 0), 0);
    const label = this.i18n.t('controls.more');
    return html`<button part="button button-more" type="button" class="button more" data-action="more" aria-haspopup="menu"
      aria-expanded=${this.#menu.openId === 'more' ? 'true' : 'false'} aria-label=${count ? this.i18n.t('controls.moreCount', { count }) : label}
      title=${label} @click=${(event: Event) => this.#menu.toggle('more', event.currentTarget as HTMLElement)}>${icon('more')}${this.#badge(count)}</button>`;
  }

  #renderAction(action: string, commands: MediaCommands): TemplateResult | typeof nothing {
    switch (action) {
      case 'slot':
        return html`<slot @slotchange=${() => this.requestUpdate()}></slot>`;
      case 'hand':
        return html`<rtc-reactions data-action="hand" no-reactions exportparts=${HAND_PARTS} .engine=${this.engine}></rtc-reactions>`;
      case 'reactions':
        return html`<rtc-reactions data-action="reactions" no-hand exportparts=${REACTION_PARTS} .engine=${this.engine}></rtc-reactions>`;
      case 'hangup':
        return html`<button part="button button-hangup" type="button" class="button hangup danger" data-action="hangup"
          aria-label=${this.i18n.t('controls.hangup')} title=${this.i18n.t('controls.hangup')}
          @click=${() => this.#hangup(commands)}>${icon('hangup')}</button>`;
    }
    const spec = this.#spec(action, commands);
    if (!spec) return nothing;
    if (action !== 'microphone' && action !== 'camera') return this.#button(spec, commands);
    const devices = this.snapshot?.devices;
    const menu = action === 'camera'
      ? devices?.cameras.length ? this.#menuButton('camera', 'controls.videoSettings') : nothing
      : devices?.microphones.length || devices?.speakers.length ? this.#menuButton('microphone', 'controls.audioSettings') : nothing;
    return html`<div class="split" data-action=${action}>${this.#button(spec, commands)}${menu}</div>`;
  }

  #renderDeviceMenu(kind: DeviceKind, commands: MediaCommands): TemplateResult | typeof nothing {
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const sections: [DeviceKind, StringKey, MediaDeviceInfo[]][] =
      kind === 'camera'
        ? [['camera', 'devices.cameras', snapshot.devices.cameras]]
        : [
            ['microphone', 'devices.microphones', snapshot.devices.microphones],
            ...(canChooseSpeaker() ? [['speaker', 'devices.speakers', snapshot.devices.speakers] as [DeviceKind, StringKey, MediaDeviceInfo[]]] : []),
          ];
    const label = this.i18n.t(kind === 'camera' ? 'controls.videoSettings' : 'controls.audioSettings');
    return html`<div part="menu" class="menu" role="menu" aria-label=${label} @keydown=${this.#onMenuKeydown}>
      ${sections.map(([deviceKind, heading, list]) => html`
        <div class="menu-heading" role="presentation">${this.i18n.t(heading)}</div>
        ${list.length === 0 ? html`<div class="menu-empty" role="presentation">${this.i18n.t('devices.none')}</div>` : nothing}
        ${list.map((device, index) => {
          const checked = (snapshot.selectedDevices[deviceKind] ?? list[0]?.deviceId) === device.deviceId;
          const name = device.label || this.i18n.t('devices.unnamed', { kind: this.i18n.t(heading), index: index + 1 });
          return html`<button part="menu-item" type="button" class="menu-item" role="menuitemradio" tabindex="-1"
            aria-checked=${checked ? 'true' : 'false'}
            @click=${() => {
              this.#menu.close(true);
              void this.#run(`select-${deviceKind}`, commands, () => commands.selectDevice(deviceKind, device.deviceId));
            }}>${checked ? icon('check') : html`<span class="icon"></span>`}<span class="menu-label">${name}</span></button>`;
        })}
      `)}
      ${kind === 'microphone' ? this.#processingItems(commands) : nothing}
    </div>`;
  }

  /** Noise suppression and echo cancellation, switched live and remembered for the next call. */
  #processingItems(commands: MediaCommands): TemplateResult | typeof nothing {
    const client = this.client;
    if (!client) return nothing;
    const processing = client.audioProcessing;
    const items: [keyof typeof processing, StringKey][] = [['noiseSuppression', 'controls.noiseSuppression'], ['echoCancellation', 'controls.echoCancellation']];
    return html`<div class="menu-heading" role="presentation" id="processing-heading">${this.i18n.t('controls.audioProcessing')}</div>
      <div role="group" aria-labelledby="processing-heading">
        ${items.map(([key, label]) => html`<button part="menu-item" type="button" class="menu-item" role="menuitemcheckbox" tabindex="-1"
          data-processing=${key} aria-checked=${processing[key] ? 'true' : 'false'}
          @click=${() => {
            this.#menu.close(true);
            const change = { [key]: !processing[key] };
            rememberAudioProcessing(change);
            void this.#run(`processing-${key}`, commands, () => client.setAudioProcessing(change)).then(() => this.requestUpdate());
          }}>${processing[key] ? icon('check') : html`<span class="icon"></span>`}<span class="menu-label">${this.i18n.t(label)}</span></button>`)}
      </div>`;
  }

  /** The actions that did not fit, as menu items (toggles are checkboxes), in the bar's order. */
  #renderMoreMenu(moved: string[], commands: MediaCommands): TemplateResult {
    return html`<div part="menu" class="menu more-menu" role="menu" aria-label=${this.i18n.t('controls.more')} @keydown=${this.#onMenuKeydown}>
      ${moved.map((action) => (action === 'reactions' ? this.#reactionItems(commands) : this.#menuItem(this.#spec(action, commands), commands)))}
    </div>`;
  }

  #menuItem(spec: ButtonSpec | null, commands: MediaCommands): TemplateResult | typeof nothing {
    if (!spec) return nothing;
    const count = spec.badge?.count ?? 0;
    const toggle = spec.pressed !== undefined;
    return html`<button part="menu-item" type="button" class=${classMap({ 'menu-item': true, danger: !!spec.danger })}
      role=${toggle ? 'menuitemcheckbox' : 'menuitem'} tabindex="-1" aria-checked=${toggle ? String(spec.pressed) : nothing}
      aria-disabled=${spec.disabled ? 'true' : nothing} aria-label=${count ? this.i18n.t(spec.badge!.label, { count }) : nothing}
      @click=${() => {
        if (spec.disabled) return;
        this.#menu.close(true);
        void this.#run(spec.action, commands, spec.run);
      }}>${icon(spec.icon)}<span class="menu-label">${this.i18n.t(spec.label)}</span>${this.#badge(count)}${spec.pressed
        ? html`<span class="menu-check">${icon('check')}</span>`
        : nothing}</button>`;
  }

  /** The reaction picker, moved into the More menu: its emoji as a row of items. */
  #reactionItems(commands: MediaCommands): TemplateResult {
    const disabled = !this.#inCall;
    return html`<div class="menu-reactions" role="group" aria-label=${this.i18n.t('reactions.menu')}>
      ${REACTIONS.map(({ emoji, name }) => html`<button part="menu-item" type="button" class="emoji" role="menuitem" tabindex="-1"
        aria-label=${this.i18n.t(name)} title=${this.i18n.t(name)} aria-disabled=${disabled ? 'true' : nothing}
        @click=${() => {
          if (disabled) return;
          this.#menu.close(true);
          const client = this.client;
          void this.#run('reaction', commands, () => client?.sendReaction(emoji));
        }}>${emoji}</button>`)}
    </div>`;
  }

  /** The menu keys, plus left and right within the row of emoji. */
  readonly #onMenuKeydown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement;
    const step = ({ ArrowRight: 1, ArrowLeft: -1 } as Record<string, number>)[event.key];
    const row = target.closest('.menu-reactions');
    if (!step || !row) return this.#menu.onKeydown(event);
    const emoji = [...row.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    emoji[(emoji.indexOf(target) + step + emoji.length) % emoji.length]?.focus();
    event.preventDefault();
  };

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#audioOnly.setEngine(this.client);
    const commands = this.commands;
    this.#shown = commands ? this.#actions.filter((action) => this.#shows(action, commands)) : [];
  }

  protected override render() {
    const commands = this.commands;
    if (!commands) return html`<div part="base" class="bar" role="group" aria-label=${this.i18n.t('controls.label')}><slot></slot></div>`;
    const moved = this.#moved;
    // The More button takes the place of the first action it holds.
    const entries = this.#shown.filter((action) => action === moved[0] || !moved.includes(action)).map((action) => (action === moved[0] ? 'more' : action));
    const open = this.#menu.openId;
    return html`
      <div part="base" class="bar" role="group" aria-label=${this.i18n.t('controls.label')}>
        ${repeat(entries, (entry) => entry, (entry) => (entry === 'more' ? this.#moreButton(moved, commands) : this.#renderAction(entry, commands)))}
      </div>
      ${open === 'more' && moved.length ? this.#renderMoreMenu(moved, commands) : nothing}
      ${open === 'microphone' || open === 'camera' ? this.#renderDeviceMenu(open, commands) : nothing}
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#fit();
    if (this.#menu.openId === 'more' && !this.#moved.length) this.#menu.close(false);
  }

  /**
   * Reads the bar as laid out and keeps as many movable actions as fit beside the pinned ones. The
   * answer depends on widths only (the host's width does not depend on its content: it is an
   * inline-size container), so the render it may cause measures the same and stops there.
   */
  #fit(): void {
    const bar = this.renderRoot.querySelector<HTMLElement>('.bar');
    const movable = this.#movable;
    if (!bar || !this.#size.width || !movable.length) return;
    const width = (element: Element) => element.getBoundingClientRect().width;
    const pinned: number[] = [];
    for (const item of bar.children) {
      if (item instanceof HTMLSlotElement) {
        pinned.push(...item.assignedElements().filter((element) => element.getClientRects().length).map(width));
        continue;
      }
      const action = (item as HTMLElement).dataset['action'] ?? '';
      if (PINNED.has(action)) pinned.push(width(item));
      else this.#widths.set(action, width(item));
    }
    // Actions never measured (they showed up while the bar was full) count as wide as a button.
    const unit = this.#widths.get('more') ?? Math.max(0, ...movable.map((action) => this.#widths.get(action) ?? 0));
    const style = getComputedStyle(bar);
    const kept = keptCount({
      available: width(bar) - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      gap: parseFloat(style.columnGap) || 0,
      pinned,
      movable: movable.map((action) => this.#widths.get(action) ?? unit),
      more: unit,
      moreAlways: this.#shown.some((action) => MENU_ONLY.has(action)),
    });
    const next = kept === movable.length ? Infinity : kept;
    if (next !== this.kept) this.kept = next;
  }
}

function canShareScreen(): boolean {
  return typeof navigator.mediaDevices?.getDisplayMedia === 'function';
}

function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-controls': RtcControls;
  }
}
