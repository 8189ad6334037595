import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Participant } from '../../core/types.js';
import type { PersonSound } from '../context/room-state-context.js';
import { RtcPinEvent } from '../events/rtc-pin.js';
import { RtcVolumeChangeEvent } from '../events/rtc-volume-change.js';
import { AudioLevelController } from '../internal/audio-level-controller.js';
import { AudioOnlyController } from '../internal/audio-only-controller.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { formatPercent } from '../internal/format-percent.js';
import { icon } from '../internal/icons.js';
import { loadElement } from '../internal/lazy-elements.js';
import { attachMedia } from '../internal/media-directive.js';
import { NetworkHealthController } from '../internal/network-health-controller.js';
import type { MenuController } from '../internal/menu-controller.js';
import { aroundName, avatarHue, displayName, initials } from '../internal/participant-display.js';
import { ReactionController } from '../internal/reaction-controller.js';
import { ViewSizeController } from '../internal/view-size-controller.js';
import { RtcElement } from '../internal/rtc-element.js';
import { styles } from './rtc-video-tile.styles.js';
import { showHealth, type TileHealthView } from './tile-health-loader.js';
import { loadTileMenu, type TileMenuModule } from './tile-menu-loader.js';

/**
 * @summary One participant: their video (the local camera mirrored), name, a mark when their
 * microphone is off, an avatar or initials when their camera is off, a ring while they speak, a hand
 * while it is raised, and their reactions for a few seconds.
 * @status experimental
 * @since 0.1
 *
 * @slot overlay - Extra content drawn over the video (badges, buttons).
 *
 * @event {RtcPinEvent} rtc-pin - The user pressed the pin button: `{ userId: string, pinned: boolean }` (the new state).
 * @event {RtcVolumeChangeEvent} rtc-volume-change - The user changed how loud this person plays for them alone, in the tile's menu: `{ userId, volume, muted }` (volume 0–1).
 *
 * @csspart base - The tile's box.
 * @csspart video - The `<video>` element.
 * @csspart placeholder - What shows instead of the video when the camera is off.
 * @csspart avatar - The avatar image or initials inside the placeholder.
 * @csspart label - The bar with the name and the muted mark.
 * @csspart name - The name.
 * @csspart muted-icon - The crossed-out microphone shown while they are muted.
 * @csspart hand - The raised-hand mark in the label.
 * @csspart reactions - The reactions they just sent (each rises and fades; it only appears and goes with reduced motion).
 * @csspart pin-button - The pin button (only with `pinnable`).
 * @csspart status - The "connecting" notice while the media link is not up yet.
 * @csspart unreachable - The notice that replaces it when the link does not come up (after `unreachable-after`) or failed: who can't be reached, why when known, and a retry.
 * @csspart retry-button - Its "Try again" button (opens the link again through the engine's `reconnectPeer`).
 * @csspart quality - The network-quality bars in the label (five bars, lit up to the level), with the level in words as tooltip.
 * @csspart notices - Where the frozen-video and weak-network notices stack, at the top of the tile.
 * @csspart frozen - "Video interrupted", while their video is frozen (frames stopped while the camera is on).
 * @csspart weak-network - On the local tile, "Your connection is unstable" while our uplink is weak (and the audio-only hint).
 * @csspart stats - The statistics overlay (`rtc-tile-stats`), with `show-stats`.
 * @csspart menu-button - The button that opens the tile's menu: a remote person's volume and "Mute for me" (inside a room), "Show statistics" (with an engine).
 * @csspart menu - The tile's menu.
 * @csspart menu-item - One item of it (a volume step, "Mute for me", "Show statistics").
 * @csspart sound-muted - The crossed-out speaker in the label while you muted them for yourself.
 *
 * @cssproperty [--tile-radius=var(--rtc-radius-m)] - Corner radius.
 * @cssproperty [--tile-background=var(--rtc-color-tile)] - Background behind the video and the placeholder.
 * @cssproperty [--tile-speaking-color=var(--rtc-color-speaking)] - Colour of the speaking ring.
 * @cssproperty [--tile-speaking-width=3px] - Width of the speaking ring.
 * @cssproperty [--tile-label-background=var(--rtc-color-label)] - Background of the name label.
 * @cssproperty [--tile-label-color=var(--rtc-color-on-label)] - Text colour of the name label.
 * @cssproperty [--tile-video-fit=cover] - `object-fit` of camera video (screens always use `contain`).
 * @cssproperty [--tile-hand-color=#ffb84d] - Colour of the raised-hand mark.
 * @cssproperty [--tile-quality-good=#4ade80] - Lit bars at levels 4 and 5.
 * @cssproperty [--tile-quality-fair=#facc15] - Lit bars at level 3.
 * @cssproperty [--tile-quality-poor=#f87171] - Lit bars at levels 1 and 2.
 */
export class RtcVideoTile extends RtcElement {
  static override styles = styles;

  /** The participant to show (an engine snapshot). Inside a room, `user-id` alone is enough. */
  @property({ attribute: false }) participant: Participant | undefined;

  /** Whose tile this is; reflects the participant's id. */
  @property({ attribute: 'user-id', reflect: true }) userId = '';

  /** Show the participant's shared screen instead of their camera. */
  @property({ type: Boolean, reflect: true }) screen = false;

  /** Whether this is the local participant (reflected; the camera is mirrored). */
  @property({ type: Boolean, reflect: true }) local = false;

  /** Whether they are speaking now (reflected; follows the engine's audio levels when there is one). */
  @property({ type: Boolean, reflect: true }) speaking = false;

  /** Whether their microphone is off (reflected). */
  @property({ type: Boolean, reflect: true, attribute: 'audio-muted' }) audioMuted = false;

  /** Whether their camera is off, or no video has arrived yet (reflected). */
  @property({ type: Boolean, reflect: true, attribute: 'video-muted' }) videoMuted = false;

  /** Whether their hand is raised (reflected; not on a screen tile). */
  @property({ type: Boolean, reflect: true, attribute: 'hand-raised' }) handRaised = false;

  /** Offer a pin button, which fires `rtc-pin`. */
  @property({ type: Boolean, reflect: true }) pinnable = false;

  /** Whether the tile is pinned to the main view (the pin button shows it). */
  @property({ type: Boolean, reflect: true }) pinned = false;

  /** Show the whole picture (`contain`) rather than filling the tile (`cover`). */
  @property({ type: Boolean, reflect: true, attribute: 'full-picture' }) fullPicture = false;

  /** A display name to use instead of the participant's. */
  @property() name = '';

  /** An avatar image URL shown while the camera is off (instead of initials). */
  @property() avatar = '';

  /** Milliseconds a remote link may stay `new`, `connecting` or `disconnected` before the tile says they can't be reached. */
  @property({ type: Number, attribute: 'unreachable-after' }) unreachableAfter = 10_000;

  /** Whether the tile says they can't be reached (reflected, read-only). */
  @property({ type: Boolean, reflect: true }) unreachable = false;

  /** Their network quality, 0–5 (5 best, 0 unknown; ours: our uplink). Follows the engine inside a call; set it to show bars without one. */
  @property({ type: Number, reflect: true, attribute: 'network-quality' }) networkQuality = 0;

  /** Whether their video is frozen: frames stopped while their camera is on (reflected; follows the engine). */
  @property({ type: Boolean, reflect: true, attribute: 'video-frozen' }) videoFrozen = false;

  /** Whether their link is weak (ours: our uplink; reflected; follows the engine). */
  @property({ type: Boolean, reflect: true, attribute: 'network-weak' }) networkWeak = false;

  /** Show the statistics overlay (resolution, frame rate, bitrate, loss, RTT, codec, path); it loads on first use. */
  @property({ type: Boolean, reflect: true, attribute: 'show-stats' }) showStats = false;

  /** Whether you muted them for yourself, in the tile's menu or with the room's `muteUserLocally` (reflected, read-only: follows the room). */
  @property({ type: Boolean, reflect: true, attribute: 'locally-muted' }) locallyMuted = false;

  /** How loud they play for you, 0–1 (reflected, read-only: follows the room; the tile's menu changes it). */
  @property({ type: Number, reflect: true }) volume = 1;

  /** The clock for `unreachable-after` (tests pass one they move by hand). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The link went down and the unreachable timer runs (or ran out): it starts once per outage. */
  #waiting = false;
  #waitTimer: unknown;

  readonly #level = new AudioLevelController(
    this,
    () => this.#participant?.userId,
    // A shared screen is not the person talking: only camera tiles ring.
    (speaking) => (this.speaking = speaking && !this.screen),
  );

  /** Reactions show on the camera tile only, not on the shared screen. */
  readonly #reactions = new ReactionController(this, () => (this.screen ? undefined : this.#participant?.userId));

  #audioOnlySuggested = false;
  /** The bars and notices, once their module is in (loaded when there is first something to show). */
  #healthView: TileHealthView | undefined;

  /** Camera tiles follow their user's health; a screen tile shows none of it. */
  readonly #health = new NetworkHealthController(
    this,
    () => (this.screen ? undefined : this.#participant?.userId),
    ({ quality, weak, frozen, audioOnlySuggested }) => {
      this.networkQuality = quality;
      this.networkWeak = weak;
      this.videoFrozen = frozen;
      this.#audioOnlySuggested = audioOnlySuggested;
      this.requestUpdate();
    },
  );
  /** Its rendered size reaches the sender (through the engine), who then sends no more than that. */
  protected readonly viewSize = new ViewSizeController(this, () => {
    const p = this.#participant;
    const client = this.client;
    return client && p && !p.local ? { client, userId: p.userId, source: this.screen ? 'screen' : 'camera' } : undefined;
  });
  /** The menu's module and its controller, once in (loaded when the tile first has a menu button to show). */
  #menuModule: TileMenuModule | undefined;
  #menu: MenuController | undefined;
  /** While we are audio only, nobody sends us their camera: their tiles show the avatar. */
  readonly #audioOnly = new AudioOnlyController(this);

  get #participant(): Participant | undefined {
    return this.participant ?? this.snapshot?.participants.find((p) => p.userId === this.userId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#level.setEngine(this.client);
    this.#reactions.setEngine(this.client);
    this.#health.setEngine(this.client);
    this.#audioOnly.setEngine(this.client);
    if (changed.has('showStats') && this.showStats) void loadElement('rtc-tile-stats').catch(() => undefined);
    if (!this.#healthView && (this.networkQuality > 0 || this.videoFrozen || this.networkWeak)) {
      void showHealth(this.renderRoot).then((view) => {
        this.#healthView = view;
        this.requestUpdate();
      }, () => undefined);
    }
    const p = this.#participant;
    if (!p) return;
    this.userId = p.userId;
    this.local = p.local;
    this.audioMuted = !p.media.audio;
    this.videoMuted = !this.#hasVideo(p);
    this.handRaised = p.handRaised && !this.screen;
    const sound = this.#sound(p);
    this.locallyMuted = !!sound?.muted;
    this.volume = sound?.volume ?? 1;
    this.#followLink(p);
  }

  /** How they play for the local user, when the room lets the tile shape it: a remote camera tile inside a room. */
  #sound(p: Participant): PersonSound | null {
    if (p.local || this.screen || this.engine || !this.roomCommands || !this.snapshot) return null;
    return this.snapshot.sound[p.userId] ?? { volume: 1, muted: false };
  }

  #setSound(change: Partial<PersonSound>): void {
    const p = this.#participant;
    const sound = p && this.#sound(p);
    if (!p || !sound) return;
    this.#menu?.close(true);
    this.roomCommands!.setSound(p.userId, change);
    const next = { ...sound, ...change };
    this.emit(new RtcVolumeChangeEvent({ userId: p.userId, volume: next.volume, muted: next.muted }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWaiting();
  }

  /** A link that stays down past `unreachable-after`, or failed, makes the tile say so (a remote person only). */
  #followLink(p: Participant): void {
    const link = p.local ? 'connected' : p.link;
    const waiting = link === 'new' || link === 'connecting' || link === 'disconnected';
    if (link === 'failed') {
      this.#stopWaiting();
      this.unreachable = true;
    } else if (!waiting) {
      this.#stopWaiting();
      this.unreachable = false;
    } else if (!this.#waiting) {
      this.#waiting = true;
      this.#waitTimer = this.clock.setTimeout(() => {
        this.#waitTimer = undefined;
        this.unreachable = true;
      }, this.unreachableAfter);
    }
  }

  #stopWaiting(): void {
    if (this.#waitTimer !== undefined) this.clock.clearTimeout(this.#waitTimer);
    this.#waitTimer = undefined;
    this.#waiting = false;
  }

  /** Why they can't be reached, when the engine can tell: it has no TURN relay to fall back on. */
  #unreachableReason(): string {
    const servers = this.client?.iceServers;
    if (!servers) return '';
    const relay = servers.some((server) => [server.urls].flat().some((url) => /^turns?:/i.test(url)));
    return this.i18n.t(relay ? 'tile.unreachable.blocked' : 'tile.unreachable.noRelay');
  }

  #retry(): void {
    this.#stopWaiting();
    this.unreachable = false;
    this.client?.reconnectPeer(this.userId);
  }

  #stream(p: Participant): MediaStream | null {
    return this.screen ? p.screenStream : p.stream;
  }

  #hasVideo(p: Participant): boolean {
    const live = this.#stream(p)?.getVideoTracks().some((track) => track.readyState === 'live') ?? false;
    if (this.screen) return live && p.media.screen;
    return live && p.media.video && (p.local || !this.client?.audioOnly);
  }

  #plainName(p: Participant): string {
    return this.name.trim() || displayName(p, this.snapshot?.profiles[p.userId], this.i18n.t('tile.guest'));
  }

  /** The label in three pieces: only the name itself is cut short, so "(you)" always shows. */
  #label(p: Participant): { before: string; name: string; after: string } {
    const name = this.#plainName(p);
    if (this.screen && p.local) return { before: '', name: this.i18n.t('tile.yourScreen'), after: '' };
    if (!this.screen && !p.local) return { before: '', name, after: '' };
    const key = this.screen ? 'tile.screen' : 'tile.you';
    return { ...aroundName((n) => this.i18n.t(key, { name: n })), name };
  }

  #onPin(): void {
    this.emit(new RtcPinEvent({ userId: this.userId, pinned: !this.pinned }));
  }

  protected override render() {
    const p = this.#participant;
    if (!p) return html`<div part="base" class="tile"></div>`;
    const label = this.#label(p);
    const name = label.before + label.name + label.after;
    const plainName = this.#plainName(p);
    const avatar = this.avatar || this.snapshot?.profiles[p.userId]?.avatar;
    const connecting = !p.local && !this.unreachable && (p.link === 'new' || p.link === 'connecting');
    const letters = initials(plainName);
    const quality = this.networkQuality > 0 && !this.screen ? this.i18n.t('tile.quality', { level: this.i18n.t(`tile.quality.${this.#quality()}`) }) : '';
    const state = [
      name,
      this.audioMuted && !this.screen ? this.i18n.t('tile.muted') : '',
      this.speaking ? this.i18n.t('tile.speaking') : '',
      this.handRaised ? this.i18n.t('tile.hand') : '',
      this.unreachable ? this.i18n.t('tile.unreachable', { name: plainName }) : '',
      quality,
      this.videoFrozen && !this.videoMuted ? this.i18n.t('tile.frozen') : '',
      this.locallyMuted ? this.i18n.t('tile.mutedForMe') : '',
      !this.locallyMuted && this.volume < 1 ? this.i18n.t('tile.volumeLevel', { level: formatPercent(this.volume, this.i18n.lang) }) : '',
    ]
      .filter(Boolean)
      .join(', ');
    return html`
      <div part="base" class=${classMap({ tile: true, mirrored: p.local && !this.screen, contain: this.screen || this.fullPicture })}
        role="group" aria-label=${state}>
        <video part="video" class="video" ${attachMedia(this.#stream(p))} autoplay playsinline muted .muted=${true}
          ?hidden=${this.videoMuted}></video>
        ${this.videoMuted
          ? html`<div part="placeholder" class="placeholder">
              ${avatar
                ? html`<img part="avatar" class="avatar" src=${avatar} alt="" />`
                : html`<span part="avatar" class="avatar initials" style="--hue: ${avatarHue(p.userId || this.userId)}" aria-hidden="true"
                    >${letters || icon('people')}</span>`}
            </div>`
          : nothing}
        ${connecting ? html`<div part="status" class="status">${this.i18n.t('state.connecting')}</div>` : nothing}
        ${this.unreachable ? this.#renderUnreachable(plainName) : nothing}
        ${this.#healthView?.renderHealthNotices({
          frozen: this.videoFrozen && !this.videoMuted && !this.unreachable,
          weak: this.networkWeak && p.local && !this.screen,
          audioOnlySuggested: this.#audioOnlySuggested && p.local,
          t: (key) => this.i18n.t(key),
        })}
        ${this.showStats
          ? html`<rtc-tile-stats part="stats" class="stats" user-id=${p.userId} .engine=${this.engine}></rtc-tile-stats>`
          : nothing}
        <slot name="overlay"></slot>
        ${this.#reactions.shown.length
          ? html`<div part="reactions" class="reactions" aria-hidden="true">
              ${repeat(this.#reactions.shown, (r) => r.key, (r) => html`<span class="reaction">${r.emoji}</span>`)}
            </div>`
          : nothing}
        <div part="label" class="label">
          ${this.handRaised ? html`<span part="hand" class="hand" title=${this.i18n.t('tile.hand')}>${icon('hand')}</span>` : nothing}
          ${this.audioMuted && !this.screen
            ? html`<span part="muted-icon" class="muted" title=${this.i18n.t('tile.muted')}>${icon('microphone-off')}</span>`
            : nothing}
          ${this.locallyMuted
            ? html`<span part="sound-muted" class="sound-muted" title=${this.i18n.t('tile.mutedForMe')}>${icon('speaker-off')}</span>`
            : nothing}
          <span part="name" class="name">${label.before ? html`<span class="affix">${label.before}</span>` : nothing}<span
            class="name-text">${label.name}</span>${label.after ? html`<span class="affix">${label.after}</span>` : nothing}</span>
          ${quality && this.#healthView ? this.#healthView.renderQualityBars(this.#quality(), quality) : nothing}
        </div>
        ${this.pinnable && !this.unreachable
          ? html`<button part="pin-button" class="pin" type="button" aria-pressed=${this.pinned ? 'true' : 'false'}
              aria-label=${this.i18n.t('tile.pin', { name: plainName })}
              title=${this.i18n.t(this.pinned ? 'tile.unpin' : 'tile.pin', { name: plainName })}
              @click=${this.#onPin}>${icon('pin')}</button>`
          : nothing}
        ${this.#renderMenuButton(p, plainName)}
      </div>
    `;
  }

  /** The attribute as a level: a page may write anything into it. */
  #quality(): 0 | 1 | 2 | 3 | 4 | 5 {
    const level = Math.round(Number(this.networkQuality));
    return (Number.isFinite(level) ? Math.min(5, Math.max(0, level)) : 0) as 0 | 1 | 2 | 3 | 4 | 5;
  }

  /** The menu and its button, when there is something in it. */
  #renderMenuButton(p: Participant, name: string) {
    const sound = this.#sound(p);
    // The overlay reads the engine's stats: a camera tile with an engine offers it.
    const stats = this.client && !this.screen ? this.showStats : null;
    if ((!sound && stats === null) || this.unreachable) return nothing;
    if (!this.#menuModule) void this.#loadMenu().catch(() => undefined);
    const label = this.i18n.t('tile.menu', { name });
    const menu = this.#menu;
    const open = menu?.openId === 'tile';
    return html`<button part="menu-button" class="menu-button" type="button" aria-haspopup="menu" aria-expanded=${open ? 'true' : 'false'}
        aria-label=${label} title=${label} @click=${this.#onMenuButton}>${icon('more')}</button>
      ${open
        ? this.#menuModule!.renderTileMenu({
            name, lang: this.i18n.lang, sound, t: (key, params) => this.i18n.t(key, params),
            onKeydown: menu.onKeydown, setSound: (change) => this.#setSound(change),
            stats, toggleStats: () => {
              menu.close(true);
              this.showStats = !this.showStats;
            },
          })
        : nothing}`;
  }

  async #loadMenu(): Promise<MenuController> {
    const module = await loadTileMenu(this.renderRoot);
    if (!this.#menu) {
      this.#menuModule = module;
      this.#menu = new module.MenuController(this);
    }
    return this.#menu;
  }

  /** The module is in by the time anyone clicks (it loads with the button); if not, the menu opens once it is. */
  readonly #onMenuButton = (event: Event): void => {
    const trigger = event.currentTarget as HTMLElement;
    if (this.#menu) this.#menu.toggle('tile', trigger);
    else void this.#loadMenu().then((menu) => menu.toggle('tile', trigger), () => undefined);
  };

  #renderUnreachable(name: string) {
    const reason = this.#unreachableReason();
    return html`<div part="unreachable" class="unreachable" role="status">
      <span class="unreachable-title">${this.i18n.t('tile.unreachable', { name })}</span>
      ${reason ? html`<span class="unreachable-reason">${reason}</span>` : nothing}
      ${this.client
        ? html`<button part="retry-button" class="retry" type="button" aria-label=${this.i18n.t('tile.retryLabel', { name })}
            @click=${this.#retry}>${this.i18n.t('tile.retry')}</button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-video-tile': RtcVideoTile;
  }
}
