import { html, nothing, render, type PropertyValues, type ReactiveController } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ContextProvider } from '@lit/context';
import { RtcClient } from '../../core/rtc-client.js';
import { RtcError } from '../../core/errors.js';
import { fetchDevToken, renewDevToken } from '../../core/dev-token.js';
import { readTokenClaims } from '../../core/signaling/token-claims.js';
import type { DeviceKind, LeftReason, Role } from '../../core/types.js';
import { can, receivesOnly } from '../../protocol/permissions.js';
import { engineContext } from '../context/engine-context.js';
import { localeContext, type Locale } from '../context/locale-context.js';
import { roomCommandsContext, type RoomCommands } from '../context/room-commands-context.js';
import { roomStateContext, type Layout, type Panel, type RoomSnapshot } from '../context/room-state-context.js';
import { RtcAudioBlockedEvent } from '../events/rtc-audio-blocked.js';
import { RtcCallDeclineEvent } from '../events/rtc-call-decline.js';
import { RtcErrorEvent } from '../events/rtc-error.js';
import type { RtcEvent } from '../events/rtc-event.js';
import { RtcFullscreenChangeEvent } from '../events/rtc-fullscreen-change.js';
import { RtcLayoutChangeEvent } from '../events/rtc-layout-change.js';
import { RtcPlayerChangeEvent } from '../events/rtc-player-change.js';
import { RtcRequestLeaveEvent } from '../events/rtc-request-leave.js';
import { RtcUserChangeEvent } from '../events/rtc-user-change.js';
import { EngineStateController, type EngineView } from '../internal/engine-state-controller.js';
import { icon } from '../internal/icons.js';
import { stage } from '../internal/layout.js';
import { attachMedia } from '../internal/media-directive.js';
import { defaultServer } from '../internal/default-server.js';
import { guestId } from '../internal/guest-id.js';
import { RtcBase } from '../internal/rtc-base.js';
import { offerSnapshot, snapshotImage } from '../internal/snapshot-image.js';
import { loadElement, loadElementsIn, preloadElements } from '../internal/lazy-elements.js';
import { nextFrame } from '../internal/next-frame.js';
import '../rtc-video-tile/rtc-video-tile.js';
import { Announcer, burstWords } from '../internal/announcer.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { DEFAULT_SHORTCUTS, type ShortcutAction, type ShortcutHost, type ShortcutMap } from '../internal/shortcut-map.js';
import { callAnnouncements } from './call-announcements.js';
import { copyInvite, inviteUrl, isAlone, renderReconnecting, renderWaiting, type CopyState } from './call-banner.js';
import { CallTimer, formatDuration } from './call-timer.js';
import { ENGINE_EVENTS } from './engine-events.js';
import { errorWords, tellDeveloper } from './error-words.js';
import { renderLeft } from './left-view.js';
import { lobbyStyles } from './lobby-styles.js';
import { renderLobby, type PasswordPrompt } from './lobby-view.js';
import { askAgain, browserFamily, NOTHING_DENIED, permissionState, type CaptureKind, type Denied } from './media-access.js';
import { profilesOf, visible, type RoomConfig } from './room-config.js';
import { callViewStyles } from './call-view.styles.js';
import { sameSnapshot } from './same-snapshot.js';
import { styles } from './rtc-room.styles.js';

export type RoomMode = 'flex' | 'fullscreen' | 'answer';
/** Where the room is in its life: `lobby` (before joining), `calling` (answer page), `joining`, `joined`, `left`. */
export type RoomPhase = 'lobby' | 'calling' | 'joining' | 'joined' | 'left';

/** `audio="off"` (or `false`) turns a start state off; present or absent means on. */
const onOff = {
  fromAttribute: (value: string | null) => value === null || !/^(off|false|0)$/i.test(value),
  toAttribute: (value: boolean) => (value ? 'on' : 'off'),
};

const EMPTY_VIEW: EngineView = {
  state: 'disconnected', roomId: null, self: null, participants: [], activeSpeakerId: null, screenSharerId: null,
  hands: [], messages: [], limits: null, devices: { cameras: [], microphones: [], speakers: [] }, selectedDevices: {},
};

const GRID_PARTS = 'base:grid-base, tile:grid-tile, stage:grid-stage, strip:grid-strip, pager:grid-pager';
const CONTROL_PARTS = 'base:controls-base, button:controls-button, menu:controls-menu, menu-item:controls-menu-item, badge:controls-badge';
const CHAT_PARTS = 'base:chat-base, log:chat-log, message:chat-message, text:chat-text, form:chat-form, input:chat-input';
let answerPage: typeof import('./answer-page.js') | undefined;
let loadingAnswerPage: Promise<typeof import('./answer-page.js')> | undefined;
const loadAnswerPage = () => (loadingAnswerPage ??= import('./answer-page.js').then((page) => (answerPage = page)));
/** The shortcuts help and the leave confirmation: in the call view's chunk, loaded at joining. */
let callDialogs: typeof import('./call-dialogs.js') | undefined;
const loadCallDialogs = () => import('./call-dialogs.js').then((module) => (callDialogs = module));

const PEOPLE_PARTS = 'base:people-base, list:people-list, person:people-person';
/** The call's default grid and bar load while the lobby shows (at joining, at once); the room renders them once defined. */
const CALL_VIEW_TAGS = ['rtc-video-grid', 'rtc-controls'] as const;
/** The panels' elements load on first use (or when the browser is idle after joining). */
const PANEL_TAGS = { chat: 'rtc-chat', people: 'rtc-participants' } as const satisfies Record<Panel, string>;

/**
 * @summary The whole call: joins a room and shows everyone's video with the call's controls, or
 * provides the engine to the elements the page nests inside it.
 * @status experimental
 * @since 0.1
 * @dependency rtc-video-grid
 * @dependency rtc-controls
 * @dependency rtc-video-tile
 * @dependency rtc-chat
 * @dependency rtc-participants
 *
 * @slot - Your own composition (`<rtc-video-grid>`, `<rtc-controls>`, anything): with children the room
 * shows them instead of its default UI, and they get the engine and the room state through context.
 * In `mode="answer"` the room renders its own light DOM and takes no children.
 *
 * @event {RtcJoinedEvent} rtc-joined - `{ roomId, userId }`: the local user is in the room.
 * @event {RtcLeftEvent} rtc-left - `{ reason: 'hangup' | 'kicked' | 'replaced' | 'network' | 'error', code? }`: the local user is out.
 * @event {RtcHangupEvent} rtc-hangup - `{ roomId }`: the local user hung up (before `rtc-left`).
 * @event {RtcUserChangeEvent} rtc-user-change - `{ joined, exited, users, current }` (user ids): people came or went.
 * @event {RtcPlayerChangeEvent} rtc-player-change - `{ userId, preUserId }`: someone else is on the main view (a pin, a share, a new speaker).
 * @event {RtcErrorEvent} rtc-error - `{ code, message, error }`: something failed (`code` from docs/errors.md).
 * @event {RtcMuteChangeEvent} rtc-mute-change - `{ userId, local, kind: 'audio' | 'video', muted }`.
 * @event {RtcConnectionStateEvent} rtc-connection-state - `{ state, previous }`: `connecting`, `connected`, `reconnecting`, `disconnected`.
 * @event {RtcActiveSpeakerEvent} rtc-active-speaker - `{ userId, previous }`: the loudest speaker changed.
 * @event {RtcDeviceChangeEvent} rtc-device-change - `{ devices, fallback? }`: devices came or went.
 * @event {RtcScreenShareEvent} rtc-screen-share - `{ userId, local, active }`: a screen share started or stopped.
 * @event {RtcMessageEvent} rtc-message - `{ message, local }`: a chat message, received or sent (once the server stored it).
 * @event {RtcHandChangeEvent} rtc-hand-change - `{ queue }`: raised hands changed (user ids, oldest first).
 * @event {RtcReactionEvent} rtc-reaction - `{ userId, emoji, ts }`: someone sent a reaction (the local user too).
 * @event {RtcDataEvent} rtc-data - `{ from, payload, private }`: an application payload from someone's `sendData` (`private`: sent to the local user alone).
 * @event {RtcParticipantJoinedEvent} rtc-participant-joined - `{ participant }`: someone arrived (those already there come with `rtc-joined`).
 * @event {RtcParticipantLeftEvent} rtc-participant-left - `{ participant, reason }`: someone went (`left`, `kicked`, `timeout`, `replaced`).
 * @event {RtcParticipantUpdatedEvent} rtc-participant-updated - `{ participant, previous }`: any change to someone's snapshot, the local user's included.
 * @event {RtcTrackAddedEvent} rtc-track-added - `{ userId, source, track, stream }`: someone's microphone, camera or screen media arrived.
 * @event {RtcTrackRemovedEvent} rtc-track-removed - `{ userId, source, track, stream }`: that media went away.
 * @event {RtcAudioLevelsEvent} rtc-audio-levels - `{ levels }`: five times a second, the audio level 0..1 by user id.
 * @event {RtcDeviceSelectedEvent} rtc-device-selected - `{ kind, deviceId }`: a camera, microphone or speaker was chosen.
 * @event {RtcStatsEvent} rtc-stats - `{ stats }`: connection statistics by user id, when the engine measures them (`statsInterval`).
 * @event {RtcRequestKickEvent} rtc-request-kick - `{ userId }`, cancelable: a host confirmed removing someone in the people panel.
 * @event {RtcAudioBlockedEvent} rtc-audio-blocked - `{ userIds }`: the browser blocked the call's sound; the room shows an "enable audio" button.
 * @event {RtcLayoutChangeEvent} rtc-layout-change - `{ layout }`: the user switched layout.
 * @event {RtcFullscreenChangeEvent} rtc-fullscreen-change - `{ fullscreen }`: the room entered or left full screen (any cause, Esc included).
 * @event {RtcRequestLeaveEvent} rtc-request-leave - `{ source: 'hangup' | 'decline' }`, cancelable: the user pressed hang up (answer mode).
 * @event {RtcCallDeclineEvent} rtc-call-decline - `{ roomId }`: the user declined the incoming call (answer mode).
 * @event {RtcSnapshotEvent} rtc-snapshot - `{ userId, image }`, cancelable: the user took a snapshot (answer mode's button); cancel to skip the download.
 * @event {RtcCallStateEvent} rtc-call-state - `{ callId, state, by? }`: an invitation of this room's (`invite(userId)`, docs/calls.md) rang, was accepted, declined, busy, missed or cancelled.
 *
 * @csspart base - The room's box.
 * @csspart header - The top bar: room name, head count, connection state.
 * @csspart main - The area holding the grid (or your composition).
 * @csspart grid - The default `<rtc-video-grid>` (its parts exported as `grid-*`).
 * @csspart controls - The default `<rtc-controls>` (its parts exported as `controls-*`).
 * @csspart panel - The side panel holding the chat or the people list.
 * @csspart panel-close - The panel's close button.
 * @csspart chat - The panel's `<rtc-chat>` (its parts exported as `chat-*`).
 * @csspart people - The panel's `<rtc-participants>` (its parts exported as `people-*`).
 * @csspart lobby - The page before joining.
 * @csspart preview - The camera preview in the lobby.
 * @csspart join-button - The lobby's join button.
 * @csspart media-denied - The lobby's notice that the browser blocks the camera or microphone, with the steps to allow them.
 * @csspart media-retry - Its Try again button (asks the browser again).
 * @csspart left - The page after leaving (`data-reason`: `hangup`, `kicked`, `replaced`, `network`, `error`).
 * @csspart rejoin-button - Its Rejoin button (none after a removal).
 * @csspart banner - The "Reconnecting…" notice over the video.
 * @csspart invite - The bar above the video while you are alone: "Waiting for others to join", the invite link and a copy button.
 * @csspart invite-link - The invite link's read-only field.
 * @csspart copy-button - Its copy button.
 * @csspart timer - The call timer in the header (`show-timer`).
 * @csspart live-region - The visually hidden polite live region: joins, leaves, hands, connection lost and back.
 * @csspart shortcuts-dialog - The keyboard shortcuts help (`?`).
 * @csspart leave-dialog - The "Leave the call?" confirmation of the leave shortcut.
 * @csspart error - The error notice.
 * @csspart audio-unlock - The "enable audio" button shown while the browser blocks the sound.
 *
 * @cssproperty [--room-background=var(--rtc-color-bg)] - Background of the room.
 * @cssproperty [--room-color=var(--rtc-color-text)] - Text colour.
 * @cssproperty [--room-min-height=240px] - Smallest height in flex mode (the room otherwise fills its box; the lobby fits down to 320×240).
 * @cssproperty [--room-z-index=var(--rtc-z-layer)] - Stacking level in full-screen mode.
 * @cssproperty [--room-panel-width=360px] - Width of the side panel (on narrow rooms it covers the video instead).
 */
export class RtcRoom extends RtcBase implements ShortcutHost {
  static override styles = [styles, callViewStyles, lobbyStyles];

  /** The server's base URL (http, https, ws or wss). Defaults to the origin the kit was loaded from (docs/elements.md). */
  @property() server = '';

  /** The room to join (and, without a token, to ask a dev-mode server for one). */
  @property() room = '';

  /** A join token from your backend. Without one, the room asks a dev-mode server for one. */
  @property() token = '';

  /** The user id asked for with a dev token (random when unset). */
  @property({ attribute: 'user-id' }) userId = '';

  /** The name shown to others, asked for with a dev token (the lobby asks when unset). */
  @property({ attribute: 'user-name' }) userName = '';

  /**
   * The role asked for with a dev token: `host`, `participant` (default) or `viewer`. The attribute is
   * `role`; the property is `userRole`, as `role` is the element's ARIA role property.
   */
  @property({ attribute: 'role' }) userRole: Role | '' = '';

  /** The room's password, if it has one. */
  @property() password = '';

  /** `flex` (fills its box, default), `fullscreen` (covers the page while in the call) or `answer` (light DOM, restyled by the page). */
  @property({ reflect: true }) mode: RoomMode = 'flex';

  /** `grid` (default) or `speaker`. */
  @property({ reflect: true }) layout: Layout = 'grid';

  /** Who to show on the main view (the plugin's currentUserId); empty for automatic (shares, speakers). */
  @property({ attribute: 'current-user-id', reflect: true }) currentUserId = '';

  /** Join with the microphone on; `audio="off"` joins muted. */
  @property({ converter: onOff }) audio = true;

  /** Join with the camera on; `video="off"` joins with it off. */
  @property({ converter: onOff }) video = true;

  /** `light` or `dark` sets a whole theme (`auto` follows the system); unset, the page's `--rtc-*` tokens apply. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | '' = '';

  /** Join as soon as the room is on the page, with no lobby. */
  @property({ type: Boolean, reflect: true }) autojoin = false;

  /** Answer mode: the class of the root (default `screen`). */
  @property() screenname = 'screen';

  /** Answer mode: the class namespace of the views and buttons (default `answer`). */
  @property() namespace = 'answer';

  /** Display options in the shape of the mini-program plugin's Config (see room-config.ts). */
  @property({ attribute: false }) config: RoomConfig | undefined;

  /**
   * The engine the room runs: set it to run your own; read it for the engine in use (the room's own,
   * made for `server`, while it is on the page), to call it directly: `room.engine.sendData(…)`.
   */
  @property({ attribute: false })
  get engine(): RtcClient | undefined {
    return this.#givenEngine ?? this.#attached;
  }
  set engine(engine: RtcClient | undefined) {
    this.#givenEngine = engine;
  }

  /** The link the "Waiting for others" bar offers to copy; the page's own URL when unset. */
  @property({ attribute: 'invite-url' }) inviteUrl = '';

  /** Show how long you have been in the call in the header (`mm:ss`, `h:mm:ss` from an hour). */
  @property({ type: Boolean, reflect: true, attribute: 'show-timer' }) showTimer = false;

  /** Turns the keyboard shortcuts off (see `shortcuts`). */
  @property({ type: Boolean, reflect: true, attribute: 'no-shortcuts' }) noShortcuts = false;

  /**
   * Remaps keyboard shortcuts: `{ microphone: 'Ctrl+d', hand: null }` (null turns one off). Actions:
   * `microphone` (m), `camera` (v), `chat` (c), `hand` (h), `leave` (l, with confirmation), `help` (?),
   * `push-to-talk` (Space, held while muted).
   */
  @property({ attribute: false }) shortcuts: Partial<ShortcutMap> = {};

  /** Milliseconds before the default grid's tiles say someone can't be reached. */
  @property({ type: Number, attribute: 'unreachable-after' }) unreachableAfter = 10_000;

  /** The clock for the timer, the unreachable tiles and the announcements (tests pass one they move by hand). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** Where the room is: `lobby`, `calling`, `joining`, `joined` or `left` (reflected, read-only). */
  @property({ reflect: true }) phase: RoomPhase = 'lobby';

  /** The engine's connection state (reflected, read-only). */
  @property({ attribute: 'connection-state', reflect: true }) connectionState: RtcClient['state'] = 'disconnected';

  /** In full screen, by the Fullscreen API or, where there is none (iPhone), by covering the page (reflected, read-only). */
  @property({ type: Boolean, reflect: true }) fullscreen = false;

  /** The side panel open in the call: `chat`, `people`, or none (reflected; the controls' chat and people buttons toggle it). */
  @property({ reflect: true }) panel: Panel | null = null;

  @state() private composed = false;
  @state() private audioBlocked = false;
  @state() private speakerOn = true;
  @state() private error: RtcError | undefined;
  @state() private leftReason: LeftReason | undefined;
  @state() private leftError: RtcError | undefined;
  @state() private passwordPrompt: PasswordPrompt = null;
  /** Devices the browser refuses to this site (the lobby shows them off, with the way to allow them). */
  @state() private denied: Denied = NOTHING_DENIED;
  /** Messages from others since the chat was last in view. */
  @state() private unread = 0;
  @state() private inviteCopy: CopyState = 'idle';
  @state() private dialog: 'help' | 'leave' | null = null;

  readonly #announcer = new Announcer(this, {
    clock: () => this.clock,
    words: (kind, names) =>
      kind === 'joined'
        ? burstWords(names, (name) => this.i18n.t('announce.joined', { name }), (count) => this.i18n.t('announce.joinedMany', { count }))
        : burstWords(names, (name) => this.i18n.t('announce.left', { name }), (count) => this.i18n.t('announce.leftMany', { count })),
  });
  readonly #timer = new CallTimer(this, () => this.clock);

  #givenEngine?: RtcClient;
  #ownEngine?: RtcClient;
  #attached?: RtcClient;
  #unbridge: (() => void)[] = [];
  readonly #engineState = new EngineStateController(this, () => this.#engineChanged());
  /** An update asked for by engine events, waiting for the next frame. */
  #framePending: Promise<void> | undefined;
  #profileCache: { config: RoomConfig | undefined; profiles: RoomSnapshot['profiles'] } | undefined;
  readonly #engineProvider = new ContextProvider(this, { context: engineContext });
  readonly #stateProvider = new ContextProvider(this, { context: roomStateContext });
  readonly #commandsProvider = new ContextProvider(this, { context: roomCommandsContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  #snapshot: RoomSnapshot | undefined;
  #users: string[] = [];
  #mainUserId: string | null = null;
  #userPinned = false;
  #pending: RtcEvent<unknown>[] = [];
  readonly #reported = new WeakSet<object>();
  readonly #blocked = new Set<HTMLMediaElement>();
  #answerRoot?: HTMLElement;
  #errorTimer?: ReturnType<typeof setTimeout>;
  #restoreOverflow?: string;
  #previewStarted = false;
  #focusInside = false;
  #badSink?: string;
  /** The call view's chunks while they load (see CALL_VIEW_TAGS). */
  #callViewLoading?: Promise<void>;
  /** Panels opened at least once: they stay on the page from then on. */
  readonly #shownPanels = new Set<Panel>();

  readonly #commands: RoomCommands = {
    toggleMicrophone: (on) => this.toggleMicrophone(on),
    toggleCamera: (on) => this.toggleCamera(on),
    toggleScreenShare: (on) => this.toggleScreenShare(on),
    toggleSpeaker: (on) => this.toggleSpeaker(on),
    switchCamera: () => this.switchCamera(),
    selectDevice: (kind: DeviceKind, deviceId: string) => this.#client().selectDevice(kind, deviceId),
    snapshot: (userId) => this.snapshot(userId),
    hangup: () => this.leave(),
    reportError: (error) => this.#reportError(error),
    setLayout: (layout) => {
      this.layout = layout;
      this.emit(new RtcLayoutChangeEvent({ layout }));
    },
    setFullScreen: (on) => this.setFullScreen(on),
    pin: (userId) => {
      this.#userPinned = true;
      this.currentUserId = userId ?? '';
    },
    openPanel: (panel) => this.#openPanel(panel),
  };

  #shortcutKeys: ReactiveController | undefined;

  constructor() {
    super();
    this.#commandsProvider.setValue(this.#commands);
  }

  // ---- public methods ----

  /** Joins the room (the lobby's button does the same). Rejects, and fires `rtc-error`, when admission fails. */
  async join(): Promise<void> {
    if (this.phase === 'joining' || this.phase === 'joined') return;
    const before = this.phase;
    // Joining from the lobby's button (or the keyboard): focus goes on to the call's controls.
    this.#focusInside = this.matches(':focus-within');
    this.phase = 'joining';
    this.error = undefined;
    void loadElement('rtc-reactions').catch(() => {}); // the bar's hand and reaction buttons
    try {
      const engine = this.#client();
      const video = this.config?.controlInfo?.enableCamera ?? this.video;
      const token = this.token || (await this.#devTokenWithMedia(engine, video));
      // A dev token we fetched ourselves is renewed the same way when a restarted server refuses it.
      const renewToken = this.token ? undefined : (refused: string) => renewDevToken(this.server || defaultServer() || '', refused);
      await engine.join(token, { audio: this.audio, video, renewToken, ...(this.password ? { password: this.password } : {}) });
      this.passwordPrompt = null;
    } catch (error) {
      if (RtcError.is(error, 'wrong-password')) {
        // The server asks for the password: the lobby shows its field (a first ask is no error to show).
        this.passwordPrompt = this.password ? 'wrong' : 'needed';
        if (this.phase === 'joining') this.phase = 'lobby';
        this.#reportError(error, { show: false });
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="password"]')?.focus());
        throw error;
      }
      if (this.phase === 'joining') this.phase = before === 'left' ? 'left' : before;
      this.#reportError(error);
      throw error;
    }
  }

  /** Hangs up: `rtc-hangup` then `rtc-left` follow. */
  async leave(): Promise<void> {
    await this.#attached?.leave();
  }

  /** The same as `leave()` (the plugin's name). */
  hangup(): Promise<void> {
    return this.leave();
  }

  /**
   * Says something through the room's polite live region (screen readers read it once), gathered with
   * what else happens in the same moment: for a page's own events, such as a recording that starts
   * (`room.announce(strings['announce.recording'])`).
   */
  announce(text: string): void {
    this.#announcer.announce({ kind: 'text', text });
  }

  /** Turns the microphone on or off (toggles without an argument). */
  toggleMicrophone(on?: boolean): Promise<void> {
    const engine = this.#client();
    return engine.setMicrophone(on ?? !engine.self.media.audio).finally(() => this.#engineState.refresh());
  }

  /** Turns the camera on or off (toggles without an argument). */
  toggleCamera(on?: boolean): Promise<void> {
    const engine = this.#client();
    return engine.setCamera(on ?? !engine.self.media.video).finally(() => this.#engineState.refresh());
  }

  /** Starts or stops sharing the screen (toggles without an argument). */
  toggleScreenShare(on?: boolean): Promise<void> {
    const engine = this.#client();
    return engine.shareScreen(on ?? !engine.self.media.screen);
  }

  /** Turns the call's sound on or off for the local user (toggles without an argument). */
  toggleSpeaker(on?: boolean): void {
    this.speakerOn = on ?? !this.speakerOn;
  }

  /** Moves to the next camera (front and back on phones). */
  switchCamera(): Promise<void> {
    return this.#client().switchCamera();
  }

  /** A PNG of someone's video (of who is on the main view by default; their screen while it is shown there). */
  snapshot(userId?: string): Promise<Blob> {
    const id = userId ?? this.#mainUserId ?? this.#snapshot?.self?.userId;
    const participant = this.#snapshot?.participants.find((p) => p.userId === id);
    if (!participant) return Promise.reject(new RtcError('unknown-user'));
    const showingScreen = id === this.#snapshot?.screenSharerId && id === this.#mainUserId;
    return snapshotImage(showingScreen ? participant.screenStream : participant.stream);
  }

  /** Full screen with the browser's Fullscreen API, or by covering the page where there is none. */
  async setFullScreen(on: boolean): Promise<void> {
    if (on) {
      try {
        if (!document.fullscreenEnabled || !this.requestFullscreen) throw new Error('no Fullscreen API');
        await this.requestFullscreen({ navigationUI: 'hide' });
      } catch {
        this.#setFullscreen(true); // iPhone Safari, or no user gesture: cover the viewport instead.
      }
    } else {
      if (document.fullscreenElement === this) await document.exitFullscreen();
      this.#setFullscreen(false);
    }
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    this.composed = this.#hasComposition();
    loadElementsIn(this);
    if (!this.composed && this.mode !== 'answer') preloadElements(CALL_VIEW_TAGS);
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    if (this.hasUpdated) this.#attach(this.#givenEngine ?? this.#makeOwnEngine());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#restorePage();
    this.#attach(undefined);
    // A room taken off the page ends its own call (not one on an engine the page handed in).
    queueMicrotask(() => {
      if (!this.isConnected && this.#ownEngine) void this.#ownEngine.leave();
    });
  }

  protected override inheritedLocale(): Locale {
    return { lang: this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('engine') || changed.has('server')) this.#attach(this.#givenEngine ?? this.#makeOwnEngine());
    // Joining starts before the first render: the token, the socket and the camera don't wait for a lobby nobody sees.
    if (!this.hasUpdated && (this.autojoin || (this.mode === 'answer' && !visible(this.config?.displayInfo?.callPage)))) {
      this.join().catch(() => {}); // failures are reported as rtc-error
    }
    if (this.phase === 'lobby' && this.mode === 'answer' && visible(this.config?.displayInfo?.callPage)) this.phase = 'calling';
    if (this.phase === 'calling' && !(this.mode === 'answer' && visible(this.config?.displayInfo?.callPage))) this.phase = 'lobby';
    if (this.unread && this.#chatInView()) this.unread = 0;
    if (this.panel && !this.#shownPanels.has(this.panel)) {
      this.#shownPanels.add(this.panel);
      void loadElement(PANEL_TAGS[this.panel]).catch((cause: unknown) => this.#reportError(new RtcError('network', 'The panel could not be loaded.', { cause })));
    }
    this.#rebuild(changed.has('currentUserId') && !this.#userPinned);
    this.#userPinned = false;
    this.#localeProvider.setValue({ lang: this.i18n.lang, strings: this.strings });
    if (changed.has('phase') && (this.phase === 'joining' || this.phase === 'joined')) this.#loadCallView();
  }

  /**
   * Engine events come in bursts (each track of each person, their link states): one update a frame
   * takes them all, and the network work queued behind them (an answer, a candidate) runs first.
   * Property changes (the phase among them) still update at once, with the engine's latest state.
   */
  #engineChanged(): void {
    this.#framePending ??= nextFrame().then(() => {
      this.#framePending = undefined;
      this.requestUpdate();
    });
  }

  /** Loads the call's grid, bar and dialogs now (a failure is reported, and tried again at the next join). */
  #loadCallView(): void {
    // The dialogs and the key handling, for a composed room's shortcuts too; the keys work while this room is in a call.
    void loadCallDialogs().then((dialogs) => (this.#shortcutKeys ??= new dialogs.ShortcutController(this))).catch(() => {});
    if (this.composed || this.mode === 'answer' || this.#callViewLoading || this.#callViewDefined()) return;
    this.#callViewLoading = Promise.all(CALL_VIEW_TAGS.map((tag) => loadElement(tag)))
      .then(
        () => this.requestUpdate(),
        (cause: unknown) => this.#reportError(new RtcError('network', 'The call view could not be loaded.', { cause })),
      )
      .finally(() => (this.#callViewLoading = undefined));
  }

  #callViewDefined(): boolean {
    return CALL_VIEW_TAGS.every((tag) => customElements.get(tag));
  }

  /**
   * `updateComplete` includes an update engine events asked for and, while the call view's chunks
   * load, them and the render that shows them; in answer mode it also waits for the answer page's
   * chunk and its first render.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (this.#framePending) await this.#framePending;
    let done = await super.getUpdateComplete();
    if (this.#callViewLoading) {
      await this.#callViewLoading;
      done = await super.getUpdateComplete();
    }
    if (this.mode !== 'answer' || answerPage) return done;
    await loadAnswerPage().catch(() => {});
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#coverPage();
    this.#renderAnswerRoot();
    this.#applySpeaker();
    const events = this.#pending;
    this.#pending = [];
    events.forEach((event) => this.emit(event));
    if (this.phase === 'lobby' && !this.#previewStarted && this.mode !== 'answer' && !this.autojoin) this.#startPreview();
    // In the lobby the error stays until the next try: it says what to fix before joining.
    if ((changed as Map<string, unknown>).has('error') && this.error && this.phase === 'joined') {
      clearTimeout(this.#errorTimer);
      this.#errorTimer = setTimeout(() => (this.error = undefined), 8000);
    }
  }

  // ---- engine ----

  #client(): RtcClient {
    const engine = this.#givenEngine ?? this.#makeOwnEngine();
    this.#attach(engine);
    return engine;
  }

  /** The room's own engine, for `server`; made again if `server` changes before joining. */
  #makeOwnEngine(): RtcClient {
    const server = this.server || defaultServer();
    const own = this.#ownEngine;
    if (own && (own.options.server === server || own.state !== 'disconnected')) return own;
    return (this.#ownEngine = new RtcClient(server ? { server } : {}));
  }

  #attach(engine: RtcClient | undefined): void {
    const previous = this.#attached;
    if (engine === previous) return;
    if (engine && previous === this.#ownEngine && previous?.state === 'disconnected') {
      // The page handed in its engine after the lobby started a preview on ours: move the preview over.
      void previous.leave();
      this.#previewStarted = false;
    }
    this.#unbridge.forEach((off) => off());
    this.#attached = engine;
    this.#engineProvider.setValue(engine);
    this.#unbridge = engine ? this.#bridge(engine) : [];
    this.#engineState.setEngine(engine);
  }

  /** Re-dispatches the engine's events as DOM events (the table in engine-events.ts) and follows the phase. */
  #bridge(engine: RtcClient): (() => void)[] {
    const offs = (Object.keys(ENGINE_EVENTS) as (keyof typeof ENGINE_EVENTS)[]).map((name) =>
      engine.on(name, ((detail: never) => {
        for (const event of ENGINE_EVENTS[name]!(detail, this.#snapshot?.roomId ?? null)) {
          if (event instanceof RtcErrorEvent) {
            if (this.#reported.has(event.detail.error)) continue;
            this.#reported.add(event.detail.error);
            this.#showError(event.detail.error);
          }
          this.emit(event);
        }
      }) as never),
    );
    offs.push(
      engine.on('joined', () => {
        preloadElements(['rtc-chat', 'rtc-participants']);
        this.phase = 'joined';
        this.leftReason = undefined;
        this.unread = 0;
        this.#timer.start();
        this.#focusMainControl();
      }),
      engine.on('message', ({ local }) => {
        if (!local && !this.#chatInView()) this.unread++;
      }),
      engine.on('left', ({ reason, error }) => {
        this.phase = 'left';
        this.leftReason = reason;
        this.leftError = error;
        this.#timer.stop();
        this.dialog = null;
        if (reason === 'kicked') this.announce(this.i18n.t('announce.kicked'));
        this.audioBlocked = false;
        this.#blocked.clear();
        if (this.fullscreen) void this.setFullScreen(false);
      }),
    );
    return offs;
  }

  /**
   * The camera and microphone open while the dev token is fetched, instead of after it (a failure
   * is reported by the join, which asks again). Not for a viewer, who captures nothing.
   */
  #devTokenWithMedia(engine: RtcClient, video: boolean): Promise<string> {
    const token = this.#devToken();
    if (!this.#viewer()) {
      if (this.audio) void engine.setMicrophone(true).catch(() => {});
      if (video) void engine.setCamera(true).catch(() => {});
    }
    return token;
  }

  async #devToken(): Promise<string> {
    if (!this.room) {
      throw new RtcError('misconfigured', 'The `room` attribute is missing: set `room="…"` (the room to join), or a `token` minted by your backend (docs/elements.md).');
    }
    return fetchDevToken(this.server || defaultServer() || '', {
      room: this.room,
      user: this.#lobbyUserId(),
      // Someone who typed no name is "Guest" in the call too, as in the lobby (the server would show the raw id).
      name: this.userName || this.i18n.t('tile.guest'),
      ...(this.userRole ? { role: this.userRole } : {}),
    });
  }

  /**
   * Who the lobby shows: `user-id`, the token's user, or this tab's guest id (kept across reloads,
   * so a removal holds for the person) asked for with the dev token; the avatar colour comes from it.
   */
  #lobbyUserId(): string {
    if (this.userId) return this.userId;
    const claimed = this.#tokenClaims()?.sub;
    if (claimed) return claimed;
    return guestId();
  }

  /** The lobby's camera preview (the engine keeps it on when joining), and what the browser refuses. */
  #startPreview(): void {
    this.#previewStarted = true;
    if (this.#viewer()) return;
    const video = this.config?.controlInfo?.enableCamera ?? this.video;
    const camera = video ? this.#previewCamera() : Promise.resolve();
    void Promise.all([camera, permissionState('microphone')]).then(([, microphone]) => {
      if (microphone === 'denied') this.#setDenied('microphone', true);
      // A camera just refused, and a microphone the browser will not say about: ask, so the lobby shows the truth.
      else if (this.denied.camera && microphone === 'prompt' && this.audio) return this.#askAgain('microphone');
      return undefined;
    });
  }

  /** Opens the camera; a refusal marks it denied (the lobby explains it, no toast). */
  async #previewCamera(): Promise<void> {
    try {
      await this.toggleCamera(true);
      this.#setDenied('camera', false);
    } catch (error) {
      if (RtcError.is(error, 'permission-denied')) this.#setDenied('camera', true);
      else this.#reportError(error);
    }
  }

  async #askAgain(kind: CaptureKind): Promise<void> {
    if (kind === 'camera') return this.#previewCamera();
    this.#setDenied('microphone', !(await askAgain('microphone')));
  }

  /** The lobby's Try again: asks the browser again for every refused device the person wants. */
  #retryMedia = async (): Promise<void> => {
    const kinds = (['camera', 'microphone'] as const).filter((kind) => this.denied[kind]);
    await Promise.all(kinds.map((kind) => this.#askAgain(kind)));
  };

  #setDenied(kind: CaptureKind, denied: boolean): void {
    if (this.denied[kind] !== denied) this.denied = { ...this.denied, [kind]: denied };
  }

  /** A viewer receives only: no preview, no device toggles. */
  #viewer(): boolean {
    return [this.userRole, this.#tokenClaims()?.role].some((role) => !!role && receivesOnly(role));
  }

  #tokenClaims() {
    try {
      return this.token ? readTokenClaims(this.token) : undefined;
    } catch {
      return undefined;
    }
  }

  #reportError(error: unknown, { show = true } = {}): void {
    const rtcError = RtcError.is(error) ? error : new RtcError('unsupported', String(error), { cause: error });
    if (this.#reported.has(rtcError)) return;
    this.#reported.add(rtcError);
    if (show) this.#showError(rtcError);
    this.emit(new RtcErrorEvent({ code: rtcError.code, message: rtcError.message, error: rtcError }));
  }

  #showError(error: RtcError): void {
    tellDeveloper(error);
    // Cancelled screen pickers are the user's own choice, not worth a notice.
    if (error.code !== 'screen-share-cancelled') this.error = error;
  }

  // ---- state ----

  /** A new snapshot for the elements inside, and the user/player changes it implies (fired after the update). */
  #rebuild(ownerMovedMain: boolean): void {
    const view = this.#engineState.view ?? EMPTY_VIEW;
    this.connectionState = view.state;
    const ids = view.participants.map((p) => p.userId).filter(Boolean);
    const inCall = view.state === 'connected' || view.state === 'reconnecting';
    // Nobody is on the main view before the call (the plugin's `current` starts with the first view).
    const main = !inCall ? null : stage({
      ids,
      localId: view.self?.userId || null,
      pinnedId: this.currentUserId || null,
      screenSharerId: view.screenSharerId,
      activeSpeakerId: view.activeSpeakerId,
      previousId: this.#mainUserId,
    }).userId;
    const previous = this.#snapshot;
    const snapshot: RoomSnapshot = {
      ...view,
      layout: this.layout,
      pinnedUserId: this.currentUserId || null,
      mainUserId: main,
      fullscreen: this.fullscreen,
      speakerOn: this.speakerOn,
      profiles: this.#profiles(),
      panel: this.panel || null,
      unreadMessages: this.unread,
    };
    if (!previous || !sameSnapshot(previous, snapshot)) {
      this.#snapshot = snapshot;
      this.#stateProvider.setValue(snapshot);
      this.#announcer.announce(...callAnnouncements(previous, snapshot, (key, params) => this.i18n.t(key, params)));
    }

    const users = inCall ? ids : [];
    const joined = users.filter((id) => !this.#users.includes(id));
    const exited = this.#users.filter((id) => !users.includes(id));
    if (main !== this.#mainUserId) {
      if (!ownerMovedMain && this.#mainUserId !== null && main !== null) {
        this.#pending.push(new RtcPlayerChangeEvent({ userId: main, preUserId: this.#mainUserId }));
      }
      this.#mainUserId = main;
    }
    if (joined.length || exited.length) {
      this.#pending.push(new RtcUserChangeEvent({ joined, exited, users, current: main }));
      this.#users = users;
    }
  }

  /** The profiles of `config`, the same object while `config` is. */
  #profiles(): RoomSnapshot['profiles'] {
    if (!this.#profileCache || this.#profileCache.config !== this.config) this.#profileCache = { config: this.config, profiles: profilesOf(this.config) };
    return this.#profileCache.profiles;
  }

  #hasComposition(): boolean {
    return [...this.children].some((child) => child !== this.#answerRoot);
  }

  #onSlotChange = (): void => {
    this.composed = this.#hasComposition();
    loadElementsIn(this);
  };

  /** Pointing at or tabbing into the controls fetches the panels, so the first click shows them at once. */
  #warmPanels = (): void => {
    void loadElement('rtc-chat').catch(() => {});
    void loadElement('rtc-participants').catch(() => {});
  };

  #onFullscreenChange = (): void => {
    this.#setFullscreen(document.fullscreenElement === this);
  };

  /** Coming back to the page with the chat open reads what arrived meanwhile. */
  #onVisibilityChange = (): void => {
    if (this.#chatInView()) this.requestUpdate();
  };

  #chatInView(): boolean {
    return this.panel === 'chat' && document.visibilityState === 'visible';
  }

  /** From the controls' buttons: opens a panel and moves focus into it; closing gives focus back to its button. */
  #openPanel(panel: Panel | null): void {
    const closing = this.panel;
    this.panel = panel;
    void this.updateComplete.then(async () => {
      if (!panel) {
        if (closing) this.#controlButton(closing)?.focus();
        return;
      }
      await customElements.whenDefined(PANEL_TAGS[panel]);
      const element = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(PANEL_TAGS[panel]);
      await element?.updateComplete;
      if (this.panel === panel) element?.focus();
    });
  }

  /** The panel's button in the controls, or their More button when the button moved into its menu. */
  #controlButton(panel: Panel): HTMLElement | null | undefined {
    const bar = this.renderRoot.querySelector('rtc-controls')?.shadowRoot;
    return bar?.querySelector<HTMLElement>(`[part~="button-${panel}"]`) ?? bar?.querySelector<HTMLElement>('[part~="button-more"]');
  }

  #setFullscreen(on: boolean): void {
    if (on === this.fullscreen) return;
    this.fullscreen = on;
    this.emit(new RtcFullscreenChangeEvent({ fullscreen: on }));
  }

  /** While covering the page (full-screen mode in a call, or pseudo full screen), the page must not scroll. */
  #coverPage(): void {
    const covering = (this.mode === 'fullscreen' && this.phase !== 'left') || this.fullscreen;
    const root = document.documentElement;
    if (covering && this.#restoreOverflow === undefined) {
      this.#restoreOverflow = root.style.overflow;
      root.style.overflow = 'hidden';
    } else if (!covering) this.#restorePage();
  }

  #restorePage(): void {
    if (this.#restoreOverflow === undefined) return;
    document.documentElement.style.overflow = this.#restoreOverflow;
    this.#restoreOverflow = undefined;
  }

  // ---- audio ----

  /** Play remote sound through the room (not the tiles), so people on another grid page are heard too. */
  #renderAudio() {
    const remotes = (this.#snapshot?.participants ?? []).filter((p) => !p.local && p.stream?.getAudioTracks().length);
    return html`<div class="audio" aria-hidden="true">
      ${repeat(remotes, (p) => p.userId, (p) => html`<audio data-user-id=${p.userId} ${attachMedia(p.stream, this.#onBlocked)}></audio>`)}
    </div>`;
  }

  #onBlocked = (element: HTMLMediaElement): void => {
    this.#blocked.add(element);
    if (this.audioBlocked) return;
    this.audioBlocked = true;
    const userIds = [...this.#blocked].map((el) => el.dataset['userId'] ?? '');
    this.emit(new RtcAudioBlockedEvent({ userIds }));
  };

  /** The click on "enable audio" is the user gesture the browser waits for. */
  async #unlockAudio(): Promise<void> {
    const audios = [...this.renderRoot.querySelectorAll('audio')];
    const results = await Promise.allSettled(audios.map((audio) => audio.play()));
    results.forEach((result, i) => result.status === 'fulfilled' && this.#blocked.delete(audios[i]!));
    this.audioBlocked = [...this.#blocked].some((el) => el.isConnected);
    if (!this.audioBlocked) this.#blocked.clear();
  }

  #applySpeaker(): void {
    const sink = this.#snapshot?.selectedDevices.speaker;
    for (const audio of this.renderRoot.querySelectorAll('audio')) {
      audio.muted = !this.speakerOn;
      if (sink && sink !== this.#badSink && 'setSinkId' in audio && audio.sinkId !== sink) {
        audio.setSinkId(sink).catch((cause: unknown) => {
          if (this.#badSink === sink) return;
          this.#badSink = sink; // Said once; not again on every update.
          this.#reportError(new RtcError('device-not-found', 'That speaker cannot be used.', { cause }));
        });
      }
    }
  }

  // ---- rendering ----

  #renderAnswerRoot(): void {
    if (this.mode !== 'answer') {
      this.#answerRoot?.remove();
      this.#answerRoot = undefined;
      return;
    }
    if (!this.isConnected) return;
    if (!answerPage) {
      loadAnswerPage().then(
        () => this.requestUpdate(),
        (cause: unknown) => {
          loadingAnswerPage = undefined;
          this.#reportError(new RtcError('network', 'The answer page could not be loaded.', { cause }));
        },
      );
      return;
    }
    const { adoptAnswerStyles, answerRootClass, renderAnswer } = answerPage;
    if (!this.#answerRoot) {
      this.#answerRoot = document.createElement('div');
      this.append(this.#answerRoot);
    }
    adoptAnswerStyles(this, this.screenname, this.namespace);
    this.#answerRoot.className = answerRootClass(this.screenname, this.namespace, this.fullscreen);
    render(
      renderAnswer({
        snapshot: this.#snapshot!,
        phase: this.phase,
        config: this.config ?? {},
        audioBlocked: this.audioBlocked,
        t: (key, params) => this.i18n.t(key, params),
        commands: this.#commands,
        accept: () => this.join().catch(() => {}),
        decline: () => this.#decline(),
        hangup: () => this.#requestLeave('hangup'),
        snapshotMain: () => {
          this.snapshot().then(
            (image) => offerSnapshot(this, image, this.#mainUserId),
            (error: unknown) => this.#reportError(error),
          );
        },
        run: (task) => void task().catch((error: unknown) => this.#reportError(error)),
        unlockAudio: () => void this.#unlockAudio(),
      }),
      this.#answerRoot,
    );
  }

  #decline(): void {
    if (!this.emit(new RtcRequestLeaveEvent({ source: 'decline' }))) return;
    this.phase = 'left';
    this.leftReason = 'hangup';
    this.emit(new RtcCallDeclineEvent({ roomId: this.room || null }));
  }

  #requestLeave(source: 'hangup'): void {
    if (this.emit(new RtcRequestLeaveEvent({ source }))) this.leave().catch((error) => this.#reportError(error));
  }

  protected override render() {
    if (this.mode === 'answer') return html`<slot></slot>${this.#renderAudio()}`;
    const snapshot = this.#snapshot!;
    const inCall = this.phase === 'joined';
    return html`
      <div part="base" class="room" role="region" aria-label=${this.i18n.t('room.label')}>
        ${inCall ? this.#renderHeader(snapshot) : nothing}
        <div class="body">
          <div part="main" class="main" ?hidden=${!inCall && !this.composed}>
            ${!this.composed && isAlone(this.phase, snapshot) ? this.#renderWaiting() : nothing}
            <slot @slotchange=${this.#onSlotChange}></slot>
            ${this.composed || !inCall || !this.#callViewDefined()
              ? nothing
              : html`<rtc-video-grid part="grid" exportparts=${GRID_PARTS} .clock=${this.clock} unreachable-after=${this.unreachableAfter}
                  ?full-picture=${visible(this.config?.displayInfo?.showFullScreen, false)}></rtc-video-grid>`}
          </div>
          ${inCall && !this.composed ? this.#renderPanel() : nothing}
        </div>
        ${inCall && !this.composed && this.#callViewDefined()
          ? html`<rtc-controls part="controls" exportparts=${CONTROL_PARTS} @pointerover=${this.#warmPanels} @focusin=${this.#warmPanels}></rtc-controls>`
          : nothing}
        ${this.#inLobby() ? this.#renderLobby(snapshot) : nothing}
        ${this.phase === 'joining' && this.autojoin
          ? html`<div part="banner" class="banner" role="status">${this.i18n.t('lobby.joining')}</div>`
          : nothing}
        ${this.phase === 'left' ? this.#renderLeft() : nothing}
        ${renderReconnecting(this.phase, snapshot, (key) => this.i18n.t(key))}
        ${this.audioBlocked
          ? html`<button part="audio-unlock" class="audio-unlock" type="button" title=${this.i18n.t('audio.blocked')}
              @click=${this.#unlockAudio}>${icon('speaker')}<span>${this.i18n.t('audio.enable')}</span></button>`
          : nothing}
        ${this.error && !this.#inLobby() ? this.#renderError(this.error) : nothing}
        <div part="live-region" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>
        ${this.dialog === 'help' && callDialogs
          ? callDialogs.renderHelpDialog(this.shortcutMap, (key) => this.i18n.t(key), this.#closeDialog)
          : nothing}
        ${this.dialog === 'leave' && callDialogs
          ? callDialogs.renderLeaveDialog((key) => this.i18n.t(key), () => this.#requestLeave('hangup'), this.#closeDialog)
          : nothing}
      </div>
      ${this.#renderAudio()}
    `;
  }

  /** Both panels stay on the page while in the call, so a draft or a message that failed survives closing the chat. */
  #renderPanel() {
    const panel = this.panel;
    return html`<aside part="panel" class="panel" ?hidden=${!panel} aria-label=${this.i18n.t(panel === 'people' ? 'people.label' : 'chat.label')}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented) this.#openPanel(null);
      }}>
      ${this.#shownPanels.has('chat') ? html`<rtc-chat part="chat" exportparts=${CHAT_PARTS} ?hidden=${panel !== 'chat'}></rtc-chat>` : nothing}
      ${this.#shownPanels.has('people')
        ? html`<rtc-participants part="people" exportparts=${PEOPLE_PARTS} ?hidden=${panel !== 'people'}></rtc-participants>`
        : nothing}
      <button part="panel-close" class="panel-close" type="button" aria-label=${this.i18n.t('panel.close')} title=${this.i18n.t('panel.close')}
        @click=${() => this.#openPanel(null)}>×</button>
    </aside>`;
  }

  #renderHeader(snapshot: RoomSnapshot) {
    const count = snapshot.participants.filter((p) => p.userId).length;
    const elapsed = this.showTimer ? this.#timer.elapsed : null;
    return html`<div part="header" class="header">
      <span class="title">${snapshot.roomId ?? this.room}</span>
      ${elapsed === null
        ? nothing
        : html`<span part="timer" class="timer" role="timer" aria-label=${this.i18n.t('room.timer', { time: formatDuration(elapsed) })}
            >${formatDuration(elapsed)}</span>`}
      <span class="count">${this.i18n.t('room.count', { count })}</span>
    </div>`;
  }

  #renderWaiting() {
    const url = inviteUrl(this.inviteUrl);
    return renderWaiting({
      url,
      copy: this.inviteCopy,
      t: (key) => this.i18n.t(key),
      onCopy: async () => {
        this.inviteCopy = await copyInvite(url, this.renderRoot.querySelector('.invite-link'));
        this.announce(this.i18n.t(this.inviteCopy === 'copied' ? 'invite.copied' : 'invite.copyFailed'));
      },
    });
  }

  // ---- keyboard ----

  /** @internal For the shortcut controller: keys act only in a call. */
  get shortcutsActive(): boolean {
    return this.phase === 'joined' && !this.noShortcuts && this.mode !== 'answer';
  }

  /** The keys in effect: the defaults with `shortcuts` over them. */
  get shortcutMap(): ShortcutMap {
    return { ...DEFAULT_SHORTCUTS, ...this.shortcuts };
  }

  /** @internal For push-to-talk, which starts only while muted. */
  get microphoneOff(): boolean {
    const self = this.#snapshot?.self;
    return !!self && can(self.role, 'publish-audio') && !self.media.audio;
  }

  /** Does what a shortcut's key does (`help` opens the shortcuts dialog, `leave` asks first), e.g. from a page's own menu. */
  runShortcut(action: Exclude<ShortcutAction, 'push-to-talk'>): void {
    const self = this.#snapshot?.self;
    const report = (error: unknown) => this.#reportError(error);
    switch (action) {
      case 'microphone':
        if (self && !can(self.role, 'publish-audio')) return;
        this.toggleMicrophone().then(() => this.announce(this.i18n.t(this.#client().self.media.audio ? 'announce.microphoneOn' : 'announce.microphoneOff')), report);
        return;
      case 'camera':
        if (self && !can(self.role, 'publish-video')) return;
        this.toggleCamera().then(() => this.announce(this.i18n.t(this.#client().self.media.video ? 'announce.cameraOn' : 'announce.cameraOff')), report);
        return;
      case 'chat':
        if (!this.composed) this.#openPanel(this.panel === 'chat' ? null : 'chat');
        return;
      case 'hand':
        this.#client().raiseHand(!self?.handRaised).catch(report);
        return;
      case 'leave':
      case 'help':
        this.#openDialog(action);
        return;
    }
  }

  /** @internal Push-to-talk: Space went down while muted (true) or came up (false). */
  holdToTalk(talking: boolean): void {
    this.toggleMicrophone(talking).catch((error) => this.#reportError(error));
  }

  #openDialog(dialog: 'help' | 'leave'): void {
    loadCallDialogs().then(
      async () => {
        this.dialog = dialog;
        await this.updateComplete;
        const element = this.renderRoot.querySelector<HTMLDialogElement>(`#${dialog === 'help' ? 'shortcuts' : 'leave'}-dialog`);
        if (element && !element.open) element.showModal();
      },
      (cause: unknown) => this.#reportError(new RtcError('network', 'The dialog could not be loaded.', { cause })),
    );
  }

  #closeDialog = (): void => {
    this.dialog = null;
  };

  /** Joining removed the lobby and its focused button: the microphone (else the bar's first button) takes focus, not <body>. */
  #focusMainControl(): void {
    // A page that joined by script (autojoin, its own button) keeps its focus where it is.
    if (!this.#focusInside) return;
    void this.updateComplete.then(async () => {
      const bar = this.renderRoot.querySelector('rtc-controls');
      await bar?.updateComplete;
      const button = bar?.shadowRoot?.querySelector<HTMLElement>('[part~="button-microphone"]') ?? bar?.shadowRoot?.querySelector<HTMLElement>('[part~="button"]');
      const now = document.activeElement;
      if (now === document.body || now === this || now === null) button?.focus();
    });
  }

  #inLobby(): boolean {
    // An autojoin room shows no lobby while it joins (only a "Joining…" notice); a failed join brings it back.
    return this.phase === 'lobby' || this.phase === 'calling' || (this.phase === 'joining' && !this.autojoin);
  }

  #renderLobby(snapshot: RoomSnapshot) {
    return renderLobby({
      t: (key, params) => this.i18n.t(key, params),
      // The preview has the id the call will have, so the avatar colour (from the id) stays the same.
      self: snapshot.self && { ...snapshot.self, userId: snapshot.self.userId || this.#lobbyUserId() },
      name: this.userName || this.#tokenClaims()?.name,
      room: this.room,
      joining: this.phase === 'joining',
      viewer: this.#viewer(),
      audio: this.audio,
      askName: !this.token && !this.userName,
      userName: this.userName,
      password: this.password,
      passwordPrompt: this.passwordPrompt,
      denied: this.denied,
      browser: browserFamily(),
      error: this.error,
      toggleMicrophone: () => {
        if (this.denied.microphone) void this.#retryMedia();
        else this.audio = !this.audio;
      },
      toggleCamera: () => {
        if (this.denied.camera) return void this.#retryMedia();
        this.video = !snapshot.self?.media.video;
        this.toggleCamera(this.video).catch((error) => this.#reportError(error));
      },
      setName: (name) => (this.userName = name),
      setPassword: (password) => (this.password = password),
      join: () => this.join().catch(() => {}),
      retryMedia: () => void this.#retryMedia(),
      dismissError: () => (this.error = undefined),
    });
  }

  #renderLeft() {
    return renderLeft({
      reason: this.leftReason,
      error: this.leftError,
      t: (key, params) => this.i18n.t(key, params),
      rejoin: () => this.join().catch(() => {}),
    });
  }

  #renderError(error: RtcError) {
    const { cause, next } = errorWords(error, (key, params) => this.i18n.t(key, params));
    return html`<div part="error" class="error" role="alert" data-code=${error.code}>
      <div class="error-words"><p>${cause}</p>${next ? html`<p class="next">${next}</p>` : nothing}</div>
      <button type="button" class="dismiss" aria-label=${this.i18n.t('error.dismiss')} title=${this.i18n.t('error.dismiss')}
        @click=${() => (this.error = undefined)}>×</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-room': RtcRoom;
  }
}
