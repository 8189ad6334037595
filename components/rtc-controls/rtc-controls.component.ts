import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { DeviceKind } from '../../core/types.js';
import type { MediaCommands } from '../context/room-commands-context.js';
import type { Panel } from '../context/room-state-context.js';
import { RtcRequestLeaveEvent } from '../events/rtc-request-leave.js';
import type { StringKey } from '../i18n/strings.js';
import { icon, type IconName } from '../internal/icons.js';
import { MenuController } from '../internal/menu-controller.js';
import { RtcElement } from '../internal/rtc-element.js';
import { offerSnapshot } from '../internal/snapshot-image.js';
import '../rtc-reactions/rtc-reactions.js';
import { styles } from './rtc-controls.styles.js';

export const DEFAULT_ACTIONS = 'microphone camera switch-camera screen hand reactions layout fullscreen chat people slot hangup';

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
  run: () => unknown;
}

/** The hand toggle and the reaction picker are `<rtc-reactions>` inside the bar, styled and named like its own buttons. */
const HAND_PARTS = 'hand-button:button, hand-button:button-hand';
const REACTION_PARTS = 'reactions-button:button, reactions-button:button-reactions, menu, menu-item';

/**
 * @summary The call's buttons: microphone, camera, screen share, device menus for the camera,
 * microphone and speaker, raise hand, reactions, layout, full screen, chat and people (with counts) and hang up.
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
 * @csspart button - Every button (also `button-<action>`, e.g. `button-hangup`).
 * @csspart menu-button - The arrow buttons that open the device menus.
 * @csspart menu - A device menu.
 * @csspart menu-item - One device in a menu.
 * @csspart badge - A count on a button (unread messages, raised hands).
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

  /**
   * Which buttons to show, in order, separated by spaces: `microphone camera switch-camera screen
   * snapshot speaker hand reactions layout fullscreen chat people hangup`, and `slot` for the page's own
   * buttons. `speaker`, `layout`, `fullscreen`, `chat` and `people` act on the enclosing `<rtc-room>`
   * and are left out without one; `switch-camera` shows with two cameras or more, `screen` where the
   * browser can share a screen. `chat` counts unread messages, `people` raised hands.
   */
  @property() actions = DEFAULT_ACTIONS;

  readonly #menu = new MenuController(this);
  readonly #pending = new Set<string>();

  get #actions(): string[] {
    const list = this.actions.split(/\s+/).filter(Boolean);
    return list.includes('slot') ? list : [...list, 'slot'];
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

  #button(spec: ButtonSpec, commands: MediaCommands): TemplateResult {
    const label = this.i18n.t(spec.label);
    const count = spec.badge?.count ?? 0;
    return html`<button part="button button-${spec.action}" type="button"
      class=${classMap({ button: true, danger: !!spec.danger, [spec.action]: true })}
      aria-label=${count ? this.i18n.t(spec.badge!.label, { count }) : label} title=${spec.title ? this.i18n.t(spec.title) : label}
      aria-pressed=${spec.pressed === undefined ? nothing : String(spec.pressed)}
      @click=${() => this.#run(spec.action, commands, spec.run)}>${icon(spec.icon)}${count
        ? html`<span part="badge" class="badge" aria-hidden="true">${count > 99 ? '99+' : count}</span>`
        : nothing}</button>`;
  }

  /** A toggle for one of the room's side panels. */
  #panelButton(panel: Panel, iconName: IconName, label: StringKey, badge: ButtonSpec['badge'], open: (panel: Panel | null) => void,
    commands: MediaCommands): TemplateResult {
    const pressed = this.snapshot?.panel === panel;
    return this.#button({ action: panel, icon: iconName, label, pressed, badge, run: () => open(pressed ? null : panel) }, commands);
  }

  #menuButton(id: DeviceKind, label: StringKey): TemplateResult {
    const open = this.#menu.openId === id;
    return html`<button part="menu-button" type="button" class="menu-button" aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'} aria-label=${this.i18n.t(label)} title=${this.i18n.t(label)}
      @click=${(event: Event) => this.#menu.toggle(id, event.currentTarget as HTMLElement)}>${icon('chevron-up')}</button>`;
  }

  #renderAction(action: string, commands: MediaCommands): TemplateResult | typeof nothing {
    const room = this.engine ? undefined : this.roomCommands;
    const snapshot = this.snapshot;
    const media = snapshot?.self?.media;
    const publisher = snapshot?.self?.role !== 'viewer';
    const devices = snapshot?.devices;
    switch (action) {
      case 'slot':
        return html`<slot></slot>`;
      case 'microphone':
        if (!publisher) return nothing;
        return html`<div class="split">
          ${this.#button({ action, icon: media?.audio ? 'microphone' : 'microphone-off', label: 'controls.microphone',
            title: media?.audio ? 'controls.microphone.on' : 'controls.microphone.off', pressed: !!media?.audio, danger: !media?.audio,
            run: () => commands.toggleMicrophone() }, commands)}
          ${devices?.microphones.length || devices?.speakers.length ? this.#menuButton('microphone', 'controls.audioSettings') : nothing}
        </div>`;
      case 'camera':
        if (!publisher) return nothing;
        return html`<div class="split">
          ${this.#button({ action, icon: media?.video ? 'camera' : 'camera-off', label: 'controls.camera',
            title: media?.video ? 'controls.camera.on' : 'controls.camera.off', pressed: !!media?.video, danger: !media?.video,
            run: () => commands.toggleCamera() }, commands)}
          ${devices?.cameras.length ? this.#menuButton('camera', 'controls.videoSettings') : nothing}
        </div>`;
      case 'switch-camera':
        if (!publisher || (devices?.cameras.length ?? 0) < 2) return nothing;
        return this.#button({ action, icon: 'switch-camera', label: 'controls.switchCamera', run: () => commands.switchCamera() }, commands);
      case 'screen':
        if (!publisher || !navigator.mediaDevices?.getDisplayMedia) return nothing;
        return this.#button({ action, icon: media?.screen ? 'screen-off' : 'screen', label: 'controls.screen',
          title: media?.screen ? 'controls.screen.on' : 'controls.screen', pressed: !!media?.screen,
          run: () => commands.toggleScreenShare() }, commands);
      case 'snapshot':
        return this.#button({ action, icon: 'snapshot', label: 'controls.snapshot', run: () => this.#snapshot(commands) }, commands);
      case 'speaker':
        if (!room) return nothing;
        return this.#button({ action, icon: snapshot?.speakerOn ? 'speaker' : 'speaker-off', label: 'controls.speaker',
          pressed: !!snapshot?.speakerOn, danger: !snapshot?.speakerOn, run: () => room.toggleSpeaker() }, commands);
      case 'layout':
        if (!room) return nothing;
        return this.#button({ action, icon: 'layout-speaker', label: 'controls.layout', pressed: snapshot?.layout === 'speaker',
          run: () => room.setLayout(snapshot?.layout === 'speaker' ? 'grid' : 'speaker') }, commands);
      case 'fullscreen':
        if (!room) return nothing;
        return this.#button({ action, icon: snapshot?.fullscreen ? 'fullscreen-exit' : 'fullscreen', label: 'controls.fullscreen',
          pressed: !!snapshot?.fullscreen, run: () => room.setFullScreen(!snapshot?.fullscreen) }, commands);
      case 'hand':
        return html`<rtc-reactions no-reactions exportparts=${HAND_PARTS} .engine=${this.engine}></rtc-reactions>`;
      case 'reactions':
        return html`<rtc-reactions no-hand exportparts=${REACTION_PARTS} .engine=${this.engine}></rtc-reactions>`;
      case 'chat':
        if (!room) return nothing;
        return this.#panelButton('chat', 'chat', 'controls.chat', { count: snapshot?.unreadMessages ?? 0, label: 'controls.chatUnread' },
          room.openPanel, commands);
      case 'people':
        if (!room) return nothing;
        return this.#panelButton('people', 'people', 'controls.people', { count: snapshot?.hands.length ?? 0, label: 'controls.peopleHands' },
          room.openPanel, commands);
      case 'hangup':
        return html`<button part="button button-hangup" type="button" class="button hangup danger"
          aria-label=${this.i18n.t('controls.hangup')} title=${this.i18n.t('controls.hangup')}
          @click=${() => this.#hangup(commands)}>${icon('hangup')}</button>`;
      default:
        return nothing;
    }
  }

  #renderMenu(commands: MediaCommands): TemplateResult | typeof nothing {
    const kind = this.#menu.openId as DeviceKind | null;
    const snapshot = this.snapshot;
    if (!kind || !snapshot) return nothing;
    const sections: [DeviceKind, StringKey, MediaDeviceInfo[]][] =
      kind === 'camera'
        ? [['camera', 'devices.cameras', snapshot.devices.cameras]]
        : [
            ['microphone', 'devices.microphones', snapshot.devices.microphones],
            ...(canChooseSpeaker() ? [['speaker', 'devices.speakers', snapshot.devices.speakers] as [DeviceKind, StringKey, MediaDeviceInfo[]]] : []),
          ];
    const label = this.i18n.t(kind === 'camera' ? 'controls.videoSettings' : 'controls.audioSettings');
    return html`<div part="menu" class="menu" role="menu" aria-label=${label} @keydown=${this.#menu.onKeydown}>
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
            }}>${checked ? icon('check') : html`<span class="icon"></span>`}<span>${name}</span></button>`;
        })}
      `)}
    </div>`;
  }

  protected override render() {
    const commands = this.commands;
    if (!commands) return html`<div part="base" class="bar" role="group" aria-label=${this.i18n.t('controls.label')}><slot></slot></div>`;
    return html`
      <div part="base" class="bar" role="group" aria-label=${this.i18n.t('controls.label')}>
        ${this.#actions.map((action) => this.#renderAction(action, commands))}
      </div>
      ${this.#renderMenu(commands)}
    `;
  }
}

function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-controls': RtcControls;
  }
}
