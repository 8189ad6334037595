import { html, nothing, type PropertyValues, type ReactiveController } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { RtcClient } from '../../core/rtc-client.js';
import { RtcError } from '../../core/errors.js';
import type { DeviceKind, HealthOptions, LeftReason, Role } from '../../core/types.js';
import { can } from '../../protocol/permissions.js';
import { engineContext } from '../context/engine-context.js';
import { localeContext, type Locale } from '../context/locale-context.js';
import { roomCommandsContext, type RoomCommands } from '../context/room-commands-context.js';
import { roomStateContext, type Layout, type Panel, type RoomSnapshot } from '../context/room-state-context.js';
import { RtcCallDeclineEvent } from '../events/rtc-call-decline.js';
import type { RtcEvent } from '../events/rtc-event.js';
import { RtcLayoutChangeEvent } from '../events/rtc-layout-change.js';
import { RtcPlayerChangeEvent } from '../events/rtc-player-change.js';
import { RtcRequestLeaveEvent } from '../events/rtc-request-leave.js';
import { RtcUserChangeEvent } from '../events/rtc-user-change.js';
import { EngineStateController } from '../internal/engine-state-controller.js';
import { icon } from '../internal/icons.js';
import { defaultServer } from '../internal/default-server.js';
import { reassertAttribute } from '../internal/read-only-attribute.js';
import { rememberedAudioProcessing } from '../internal/remembered-audio-processing.js';
import { RtcBase } from '../internal/rtc-base.js';
import { offerSnapshot, snapshotImage } from '../internal/snapshot-image.js';
import { loadElement, loadElementsIn, preloadElements } from '../internal/lazy-elements.js';
import { nextFrame } from '../internal/next-frame.js';
import '../rtc-video-tile/rtc-video-tile.js';
import { Announcer, burstWords } from '../internal/announcer.js';
import type { StringKey } from '../i18n/strings.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { DEFAULT_SHORTCUTS, type ShortcutAction, type ShortcutHost, type ShortcutMap } from '../internal/shortcut-map.js';
import { AnswerRoot } from './answer-root.js';
import { callAnnouncements } from './call-announcements.js';
import { copyInvite, inviteUrl, isAlone, renderReconnecting, renderWaiting, type CopyState } from './call-banner.js';
import { renderHeader } from './call-header.js';
import { CallTimer } from './call-timer.js';
import { CallViewLoader, callViewDefined, loadCallDialogs, preloadCallView } from './call-view-loader.js';
import { bridgeEngineEvents } from './engine-events.js';
import { renderErrorNotice } from './error-notice.js';
import { FullScreen } from './full-screen.js';
import { renderLeft } from './left-view.js';
import { RoomLobby } from './room-lobby.js';
import { joinEngine } from './room-join.js';
import { runRoomShortcut } from './room-shortcuts.js';
import { lobbyStyles } from './lobby-styles.js';
import type { PasswordPrompt } from './lobby-view.js';
import { profilesOf, visible, type RoomConfig } from './room-config.js';
import { RoomAudio } from './room-audio.js';
import { RoomDialogs } from './room-dialogs.js';
import { RoomEngine } from './room-engine.js';
import { RoomErrors } from './room-errors.js';
import { focusMainControl, RoomPanels, warmPanels } from './room-panels.js';
import { callPagePhase, type PhoneCall } from './phone-call.js';
import { movePhase, type RoomPhase } from './room-phase.js';
import { EMPTY_VIEW, FIRST_MEMORY, nextSnapshot, type SnapshotMemory } from './room-snapshot.js';
import { styles } from './rtc-room.styles.js';
// Moderation (issue 10): notices to the affected person, the waiting phase.
import { moderationStyles } from './moderation.styles.js';
import { RoomModeration } from './room-moderation.js';
import { ROOM_ACTIONS } from '../rtc-controls/default-actions.js';
import type { LocalRecordingController } from './local-recording-controller.js';
import type { PictureInPictureController } from './picture-in-picture-controller.js';
import { RtcPictureInPictureEvent } from '../events/rtc-picture-in-picture.js';
import type { SnapshotOptions } from '../../core/media/snapshot.js';

export type RoomMode = 'flex' | 'fullscreen' | 'answer';
export type { RoomPhase } from './room-phase.js';

/** Recording and picture-in-picture: chunks of their own, loaded when the call starts (a failed load is tried again on the next use). */
let recording: Promise<typeof import('./local-recording-controller.js')> | undefined;
const loadRecording = () =>
  (recording ??= import('./local-recording-controller.js').catch((cause: unknown) => {
    recording = undefined;
    throw new RtcError('network', 'The recording controls could not be loaded.', { cause });
  }));
let pictureInPicture: Promise<typeof import('./picture-in-picture-controller.js')> | undefined;
const loadPictureInPicture = () =>
  (pictureInPicture ??= import('./picture-in-picture-controller.js').catch((cause: unknown) => {
    pictureInPicture = undefined;
    throw new RtcError('network', 'Picture-in-picture could not be loaded.', { cause });
  }));

/** `audio="off"` (or `false`) turns a start state off; present or absent means on. */
const onOff = {
  fromAttribute: (value: string | null) => value === null || !/^(off|false|0)$/i.test(value),
  toAttribute: (value: boolean) => (value ? 'on' : 'off'),
};

const GRID_PARTS = 'base:grid-base, tile:grid-tile, stage:grid-stage, strip:grid-strip, pager:grid-pager';
const CONTROL_PARTS = 'base:controls-base, button:controls-button, menu:controls-menu, menu-item:controls-menu-item, badge:controls-badge';

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
 * @event {RtcLeftEvent} rtc-left - `{ reason: 'hangup' | 'kicked' | 'replaced' | 'ended' | 'network' | 'error', code? }`: the local user is out.
 * @event {RtcHangupEvent} rtc-hangup - `{ roomId }`: the local user hung up (before `rtc-left`).
 * @event {RtcUserChangeEvent} rtc-user-change - `{ joined, exited, users, current }` (user ids): people came or went.
 * @event {RtcPlayerChangeEvent} rtc-player-change - `{ userId, preUserId }`: someone else is on the main view (a pin, a share, a new speaker).
 * @event {RtcErrorEvent} rtc-error - `{ code, message, error }`: something failed (`code` from docs/errors.md).
 * @event {RtcMuteChangeEvent} rtc-mute-change - `{ userId, local, kind: 'audio' | 'video', muted }`.
 * @event {RtcConnectionStateEvent} rtc-connection-state - `{ state, previous }`: `connecting`, `connected`, `reconnecting`, `disconnected`.
 * @event {RtcTransportStateEvent} rtc-transport-state - `{ state, previous }`: the media transport as a whole, `connecting`, `connected`, `disconnected`, `failed`, `closed`.
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
 * @event {RtcStatsEvent} rtc-stats - `{ stats }`: connection statistics by user id, when the engine measures them (`stats-interval`, or an engine made with `statsInterval`).
 * @event {RtcNetworkQualityEvent} rtc-network-quality - `{ userId, local, quality, previous }`: someone's network quality changed, 0–5 (ours: our uplink).
 * @event {RtcNetworkWeakEvent} rtc-network-weak - `{ userId, local, weak, bitrate, loss }`: a link crossed the weak-network thresholds, or recovered.
 * @event {RtcVideoFrozenEvent} rtc-video-frozen - `{ userId, local, frozen }`: someone's video stopped moving while their camera is on, or moves again.
 * @event {RtcVideoAdaptEvent} rtc-video-adapt - `{ profile, reason, audioOnlySuggested }`: the engine stepped our camera down for a weak uplink, or back up.
 * @event {RtcRequestKickEvent} rtc-request-kick - `{ userId }`, cancelable: a host confirmed removing someone in the people panel.
 * @event {RtcAudioBlockedEvent} rtc-audio-blocked - `{ userIds }`: the browser blocked the call's sound; the room shows an "enable audio" button.
 * @event {RtcLayoutChangeEvent} rtc-layout-change - `{ layout }`: the user switched layout.
 * @event {RtcFullscreenChangeEvent} rtc-fullscreen-change - `{ fullscreen }`: the room entered or left full screen (any cause, Esc included).
 * @event {RtcRequestLeaveEvent} rtc-request-leave - `{ source: 'hangup' | 'decline' }`, cancelable: the user pressed hang up (answer mode).
 * @event {RtcCallDeclineEvent} rtc-call-decline - `{ roomId }`: the user declined the incoming call (answer mode).
 * @event {RtcSnapshotEvent} rtc-snapshot - `{ userId, image }`, cancelable: the user took a snapshot (answer mode's button); cancel to skip the download.
 * @event {RtcAudioOnlyEvent} rtc-audio-only - `{ on }`: the local user went audio only (`engine.setAudioOnly`), or back.
 * @event {RtcCallStateEvent} rtc-call-state - `{ callId, state, by? }`: an invitation of this room's (`invite(userId)`, docs/calls.md) rang, was accepted, declined, busy, missed or cancelled.
 * @event {RtcRoomStateEvent} rtc-room-state - `{ state, previous }`: the room's title, lock, lobby, hosts or held mutes changed.
 * @event {RtcRoleChangeEvent} rtc-role-change - `{ userId, local, role, previous, by }`: someone's role changed.
 * @event {RtcMutedByHostEvent} rtc-muted-by-host - `{ kind, by, byName }`: a host turned the user's microphone or camera off.
 * @event {RtcUnmuteRequestEvent} rtc-unmute-request - `{ kind, by, byName }`: a host asks the user to turn it on (the room asks them).
 * @event {RtcScreenStoppedEvent} rtc-screen-stopped - `{ by, byName }`: a host stopped the user's screen share.
 * @event {RtcLobbyEvent} rtc-lobby - `{ waiting }`: for a host, who waits in the room's lobby changed.
 * @event {RtcWaitingEvent} rtc-waiting - `{ roomId }`: the user's join waits in the room's lobby (`phase` `waiting`).
 * @event {RtcTokenExpiringEvent} rtc-token-expiring - `{ expiresAt, inMs }`: renew the token with `room.engine.renewToken()`.
 * @event {RtcRecordingChangeEvent} rtc-recording-change - `{ recording, userIds }`: someone in the room (or the server) started or stopped recording the call.
 * @event {RtcLocalRecordingEvent} rtc-local-recording - `{ state, file?, fileName? }`: the local recording started, paused, resumed or ended (with the file; cancel to skip the download notice).
 * @event {RtcPictureInPictureEvent} rtc-picture-in-picture - `{ active }`: the picture-in-picture window opened or closed.
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
 * @csspart notice - What a host's action means for the user ("The host muted your microphone"…), at the top of the call or the waiting lobby.
 * @csspart notice-text - Its words.
 * @csspart notice-accept - Its Turn on button (a host's request, a promotion).
 * @csspart notice-dismiss - Its Not now or × button.
 * @csspart recording-mark - The header's mark while anyone records the call (its label names who).
 * @csspart recording-notice - The notice that someone started recording, or that the local recording is ready.
 * @csspart recording-download - The notice's download link for the local recording.
 *
 * @cssproperty [--room-background=var(--rtc-color-bg)] - Background of the room.
 * @cssproperty [--room-color=var(--rtc-color-text)] - Text colour.
 * @cssproperty [--room-min-height=240px] - Smallest height in flex mode (the room otherwise fills its box; the lobby fits down to 320×240).
 * @cssproperty [--room-z-index=var(--rtc-z-layer)] - Stacking level in full-screen mode.
 * @cssproperty [--room-panel-width=360px] - Width of the side panel (on narrow rooms it covers the video instead).
 */
export class RtcRoom extends RtcBase implements ShortcutHost {
  // The call view's own styles come with its chunk (call-view-loader.ts).
  static override styles = [styles, lobbyStyles, moderationStyles];

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

  /**
   * The camera preset: `180p`, `360p`, `480p`, `540p`, `720p`, `1080p`, with a frame rate (`720p_15`) or
   * upright for phones (`720p_portrait`), or a seed's profile name (docs/engine.md "Camera presets").
   * Changes apply live; unset, the engine's own (`360p_15`); an unknown name means that default.
   */
  @property({ attribute: 'video-quality', reflect: true }) videoQuality = '';

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

  /** @internal `<rtc-phone mode="answer">`'s call before it is answered: the answer page rings (phone-call.ts). */
  @property({ attribute: false }) phoneCall: PhoneCall | undefined;

  /**
   * The engine the room runs: set it to run your own; read it for the engine in use (the room's own,
   * made for `server`, while it is on the page), to call it directly: `room.engine.sendData(…)`.
   */
  @property({ attribute: false })
  get engine(): RtcClient | undefined {
    return this.#engine.current;
  }
  set engine(engine: RtcClient | undefined) {
    this.#engine.given = engine;
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

  /** Milliseconds between `rtc-stats` events of the room's own engine (0: none). Read when the engine is made: set it before joining. */
  @property({ type: Number, attribute: 'stats-interval' }) statsInterval = 0;

  /** Health settings of the room's own engine: weak-network thresholds, sampling, camera stepping (docs/engine.md, "Health"). */
  @property({ attribute: false }) health: HealthOptions | undefined;

  /** Where the room is: `lobby`, `calling`, `ringing` (a phone's call, answer mode), `joining`, `waiting` (in the room's lobby until a host admits), `joined` or `left` (reflected, read-only: the room alone moves it). */
  @property({ reflect: true, noAccessor: true })
  get phase(): RoomPhase {
    return this.#phase;
  }
  set phase(_ignored: RoomPhase) {} // read-only: a page's write changes nothing (the room moves it, #setPhase)

  /** The engine's connection state (reflected, read-only). */
  @property({ attribute: 'connection-state', reflect: true, noAccessor: true })
  get connectionState(): RtcClient['state'] {
    return this.#connectionState;
  }
  set connectionState(_ignored: RtcClient['state']) {} // read-only: follows the engine

  /** In full screen, by the Fullscreen API or, where there is none (iPhone), by covering the page (reflected, read-only). */
  @property({ type: Boolean, reflect: true, noAccessor: true })
  get fullscreen(): boolean {
    return this.#fullScreen.on;
  }
  set fullscreen(_ignored: boolean) {} // read-only: `setFullScreen(on)` asks for it

  /** The side panel open in the call: `chat`, `people`, or none (reflected; the controls' chat and people buttons toggle it). */
  @property({ reflect: true }) panel: Panel | null = null;

  /** Someone in the room (the local user included) records the call, or the server does (reflected, read-only). */
  @property({ type: Boolean, reflect: true, noAccessor: true })
  get recording(): boolean {
    return !!this.#recorder?.recording;
  }
  set recording(_ignored: boolean) {} // read-only: follows the room state

  /** The local recording: `recording`, `paused`, or absent (reflected, read-only: `startLocalRecording()` …). */
  @property({ attribute: 'local-recording', reflect: true, noAccessor: true })
  get localRecording(): 'recording' | 'paused' | null {
    const state = this.#recorder?.state ?? 'inactive';
    return state === 'inactive' ? null : state;
  }
  set localRecording(_ignored: 'recording' | 'paused' | null) {} // read-only

  /** The picture-in-picture window of the main view is open (reflected, read-only: `togglePictureInPicture()`). */
  @property({ type: Boolean, attribute: 'picture-in-picture', reflect: true, noAccessor: true })
  get pictureInPicture(): boolean {
    return this.#pip?.active ?? false;
  }
  set pictureInPicture(_ignored: boolean) {} // read-only

  @state() private composed = false;
  @state() private speakerOn = true;
  @state() private leftReason: LeftReason | undefined;
  @state() private leftError: RtcError | undefined;
  @state() private passwordPrompt: PasswordPrompt = null;
  @state() private inviteCopy: CopyState = 'idle';

  #phase: RoomPhase = 'lobby';
  readonly #t = (key: StringKey, params?: Record<string, string | number>): string => this.i18n.t(key, params);
  #connectionState: RtcClient['state'] = 'disconnected';
  readonly #announcer = new Announcer(this, {
    clock: () => this.clock,
    words: (kind, names) =>
      kind === 'joined'
        ? burstWords(names, (name) => this.i18n.t('announce.joined', { name }), (count) => this.i18n.t('announce.joinedMany', { count }))
        : burstWords(names, (name) => this.i18n.t('announce.left', { name }), (count) => this.i18n.t('announce.leftMany', { count })),
  });
  readonly #timer = new CallTimer(this, () => this.clock);
  readonly #moderation = new RoomModeration(this, {
    t: this.#t,
    announce: (text) => this.announce(text),
    turnOn: (media) => (media === 'audio' ? this.toggleMicrophone(true) : this.toggleCamera(true)),
    reportError: (error) => this.#reportError(error),
    onWaiting: () => this.#setPhase('waiting'),
    clock: () => this.clock,
  });
  /** Who records and the local recording: made when the call starts (its chunk loads then), see #recording(). */
  #recorder: LocalRecordingController | undefined;
  /** Made on the first use (its chunk loads when the call starts). */
  #pip: PictureInPictureController | undefined;
  readonly #audio = new RoomAudio(this, {
    root: () => this.renderRoot,
    snapshot: () => this.#snapshot,
    speakerOn: () => this.speakerOn,
    emit: (event) => this.emit(event),
    reportError: (error) => this.#reportError(error),
  });
  readonly #fullScreen = new FullScreen(this, {
    coversPage: () => this.mode === 'fullscreen' && this.phase !== 'left',
    emit: (event) => this.emit(event),
    changed: (previous) => this.requestUpdate('fullscreen', previous),
  });
  readonly #lobby = new RoomLobby(this, {
    t: this.#t,
    passwordPrompt: () => this.passwordPrompt,
    error: () => this.#errors.shown,
    dismissError: () => this.#errors.dismiss(),
    reportError: (error) => this.#reportError(error),
    client: () => this.#client(),
  });
  readonly #answerRoot = new AnswerRoot(this, () => this.requestUpdate(), (error) => this.#reportError(error));
  readonly #callView = new CallViewLoader();
  readonly #panels = new RoomPanels(this, (error) => this.#reportError(error));

  readonly #engine = new RoomEngine({
    server: () => this.server || defaultServer(),
    options: () => ({ ...(this.statsInterval > 0 ? { statsInterval: this.statsInterval } : {}), ...(this.health ? { health: this.health } : {}) }),
    attached: (engine) => {
      if (engine && this.videoQuality) this.#applyVideoQuality(engine);
      if (engine) void engine.setAudioProcessing(rememberedAudioProcessing()).catch((error: unknown) => this.#reportError(error));
      this.#engineProvider.setValue(engine);
      const offs = engine ? this.#bridge(engine) : [];
      this.#engineState.setEngine(engine);
      this.#moderation.setEngine(engine);
      return offs;
    },
    previewMoved: () => this.#lobby.media.forget(),
  });
  readonly #errors = new RoomErrors(this, (event) => this.emit(event), () => this.phase === 'joined');
  readonly #dialogs = new RoomDialogs(this, (error) => this.#reportError(error));
  readonly #engineState = new EngineStateController(this, () => this.#engineChanged());
  /** An update asked for by engine events, waiting for the next frame. */
  #framePending: Promise<void> | undefined;
  #profileCache: { config: RoomConfig | undefined; profiles: RoomSnapshot['profiles'] } | undefined;
  readonly #engineProvider = new ContextProvider(this, { context: engineContext });
  readonly #stateProvider = new ContextProvider(this, { context: roomStateContext });
  readonly #commandsProvider = new ContextProvider(this, { context: roomCommandsContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  #memory: SnapshotMemory = FIRST_MEMORY;
  #userPinned = false;
  #pending: RtcEvent<unknown>[] = [];
  #focusInside = false;

  readonly #commands: RoomCommands = {
    toggleMicrophone: (on) => this.toggleMicrophone(on).catch(this.#moderation.explainRefusal('audio')),
    toggleCamera: (on) => this.toggleCamera(on).catch(this.#moderation.explainRefusal('video')),
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
    openPanel: (panel) => this.#panels.open(panel),
    toggleLocalRecording: () => this.#recording().then((recorder) => recorder.toggle()),
    togglePictureInPicture: () => this.togglePictureInPicture(),
    setSound: (userId, change) => this.#setSound(userId, change),
  };

  #shortcutKeys: ReactiveController | undefined;

  constructor() {
    super();
    this.#commandsProvider.setValue(this.#commands);
    // The read-only state has no Lit accessor: ask for its first reflection here.
    this.requestUpdate('phase', undefined);
    this.requestUpdate('connectionState', undefined);
  }

  get #snapshot(): RoomSnapshot | undefined {
    return this.#memory.snapshot;
  }

  /** Every phase change goes through here; the moves allowed are room-phase.ts's table. */
  #setPhase(next: RoomPhase): void {
    const previous = this.#phase;
    this.#phase = movePhase(previous, next);
    if (this.#phase !== previous) this.requestUpdate('phase', previous);
  }

  /** A page's edit of a read-only attribute is put back. */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'phase') reassertAttribute(this, name, this.phase);
    else if (name === 'connection-state') reassertAttribute(this, name, this.connectionState);
    else if (name === 'fullscreen') reassertAttribute(this, name, this.fullscreen);
    else if (name === 'recording') reassertAttribute(this, name, this.recording);
    else if (name === 'local-recording') reassertAttribute(this, name, this.localRecording ?? false);
    else if (name === 'picture-in-picture') reassertAttribute(this, name, this.pictureInPicture);
  }

  // ---- public methods ----

  /** Joins the room (the lobby's button does the same). Rejects, and fires `rtc-error`, when admission fails. */
  async join(): Promise<void> {
    if (this.phase === 'joining' || this.phase === 'waiting' || this.phase === 'joined') return;
    const before = this.phase;
    // Joining from the lobby's button (or the keyboard): focus goes on to the call's controls.
    this.#focusInside = this.matches(':focus-within');
    this.#setPhase('joining');
    this.#errors.dismiss();
    void loadElement('rtc-reactions').catch(() => {}); // the bar's hand and reaction buttons
    try {
      await joinEngine(this.#client(), this, this.i18n.t('tile.guest'));
      this.passwordPrompt = null;
    } catch (error) {
      if (RtcError.is(error, 'wrong-password')) {
        // The server asks for the password: the lobby shows its field (a first ask is no error to show).
        this.passwordPrompt = this.password ? 'wrong' : 'needed';
        if (this.#phase === 'joining') this.#setPhase('lobby');
        this.#reportError(error, { show: false });
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="password"]')?.focus());
        throw error;
      }
      if (this.#phase === 'joining' || this.#phase === 'waiting') this.#setPhase(before);
      this.#moderation.joinFailed();
      this.#reportError(error);
      throw error;
    }
  }

  /** Hangs up: `rtc-hangup` then `rtc-left` follow. */
  async leave(): Promise<void> {
    await this.#engine.attached?.leave();
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

  /**
   * How loud someone plays for you alone, 0–1 (their tile's menu offers steps); nobody else hears a
   * change and nothing is sent. Throws `bad-message` outside 0–1. Back to full at the next call.
   */
  setUserVolume(userId: string, volume: number): void {
    this.#setSound(userId, { volume });
  }

  /** Mutes someone for you alone ("Mute for me" in their tile's menu): they still send, everyone else still hears them. */
  muteUserLocally(userId: string, muted: boolean): void {
    this.#setSound(userId, { muted });
  }

  #setSound(userId: string, change: Parameters<RoomCommands['setSound']>[1]): void {
    if (this.#audio.personal.set(userId, change)) this.requestUpdate();
  }

  /** Moves to the next camera (front and back on phones). */
  switchCamera(): Promise<void> {
    return this.#client().switchCamera();
  }

  /**
   * A still of someone's video (of who is on the main view by default; their screen while it is shown
   * there, or as `source` says): PNG, or `{ type: 'image/jpeg' | 'image/webp', quality }`.
   */
  snapshot(userId?: string, options: SnapshotOptions = {}): Promise<Blob> {
    const main = this.#memory.mainUserId;
    const id = userId ?? main ?? this.#snapshot?.self?.userId;
    const participant = this.#snapshot?.participants.find((p) => p.userId === id);
    if (!participant) return Promise.reject(new RtcError('unknown-user'));
    const showingScreen = options.source ? options.source === 'screen' : id === this.#snapshot?.screenSharerId && id === main;
    return snapshotImage(showingScreen ? participant.screenStream : participant.stream, options);
  }

  // ---- local recording, picture-in-picture (issue 13; the work is in their controllers) ----

  /** Records the call as it shows here (the grid at the room's size, everyone's sound); everyone in the room is told first. */
  startLocalRecording(): Promise<void> {
    return this.#recording().then((recorder) => recorder.start());
  }

  pauseLocalRecording(): void {
    this.#recorder?.pause();
  }

  resumeLocalRecording(): void {
    this.#recorder?.resume();
  }

  /** Ends the local recording: the video file (WebM with its duration, or MP4), which the room also offers for download. */
  stopLocalRecording(): Promise<Blob> {
    return this.#recorder ? this.#recorder.stop() : Promise.reject(new RtcError('not-joined', 'Nothing is being recorded.'));
  }

  /** The recording controller, its chunk loaded on first use (at the latest when the call starts). */
  async #recording(): Promise<LocalRecordingController> {
    const { LocalRecordingController } = await loadRecording();
    return (this.#recorder ??= new LocalRecordingController(this, {
      t: this.#t,
      emit: (event) => this.emit(event),
      announce: (text) => this.announce(text),
      roomName: () => this.engine?.roomState?.title || this.#snapshot?.roomId || this.room,
    }));
  }

  /** Opens picture-in-picture of the main view (Document Picture-in-Picture where there is one), or closes it. Call it from a click. */
  async togglePictureInPicture(): Promise<void> {
    const { PictureInPictureController } = await loadPictureInPicture();
    this.#pip ??= new PictureInPictureController(this, () => {
      const snapshot = this.#snapshot;
      const participant = snapshot?.participants.find((p) => p.userId === this.#memory.mainUserId) ?? snapshot?.self ?? undefined;
      const screen = !!participant && participant.userId === snapshot?.screenSharerId;
      return { participant, stream: (screen ? participant?.screenStream : participant?.stream) ?? null, title: this.#t('pip.title', { name: participant?.name ?? '' }) };
    }, (active) => {
      this.requestUpdate('pictureInPicture', !active);
      this.emit(new RtcPictureInPictureEvent({ active }));
    });
    return this.#pip.toggle();
  }

  /** Full screen with the browser's Fullscreen API, or by covering the page where there is none. */
  setFullScreen(on: boolean): Promise<void> {
    return this.#fullScreen.set(on);
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    this.composed = this.#hasComposition();
    loadElementsIn(this);
    if (!this.composed && this.mode !== 'answer') preloadCallView();
    if (this.hasUpdated) this.#engine.reattach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#engine.attach(undefined);
    queueMicrotask(() => {
      if (!this.isConnected) this.#engine.endOwnCall();
    });
  }

  protected override inheritedLocale(): Locale {
    return { lang: this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('engine') || changed.has('server')) this.#engine.reattach();
    if (changed.has('videoQuality') && this.hasUpdated && this.#engine.current) this.#applyVideoQuality(this.#engine.current);
    const callPage = this.mode === 'answer' && visible(this.config?.displayInfo?.callPage);
    const answerPage = this.mode === 'answer' ? callPagePhase(this.phoneCall, callPage) : null;
    // Joining starts before the first render: the token, the socket and the camera don't wait for a lobby nobody sees.
    if (!this.hasUpdated && (this.autojoin || (this.mode === 'answer' && !answerPage))) {
      this.join().catch(() => {}); // failures are reported as rtc-error
    }
    if (this.phase === 'lobby' || this.phase === 'calling' || this.phase === 'ringing') this.#setPhase(answerPage ?? 'lobby');
    this.#panels.beforeUpdate();
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
    void loadCallDialogs(this.renderRoot).then((dialogs) => (this.#shortcutKeys ??= new dialogs.ShortcutController(this))).catch(() => {});
    if (this.composed || this.mode === 'answer') return;
    this.#callView.load(
      () => this.requestUpdate(),
      (cause: unknown) => this.#reportError(new RtcError('network', 'The call view could not be loaded.', { cause })),
    );
  }

  /**
   * `updateComplete` includes an update engine events asked for and, while the call view's chunks
   * load, them and the render that shows them; in answer mode it also waits for the answer page's
   * chunk and its first render.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (this.#framePending) await this.#framePending;
    let done = await super.getUpdateComplete();
    if (this.#callView.loading) {
      await this.#callView.loading;
      done = await super.getUpdateComplete();
    }
    if (this.mode !== 'answer' || (await this.#answerRoot.ready())) return done;
    return super.getUpdateComplete();
  }

  protected override updated(): void {
    this.#renderAnswerRoot();
    const events = this.#pending;
    this.#pending = [];
    events.forEach((event) => this.emit(event));
    this.#lobby.startPreview();
  }

  // ---- engine ----

  #client(): RtcClient {
    return this.#engine.client();
  }

  /** Bridges the engine's events (engine-events.ts) and follows the phase. */
  #bridge(engine: RtcClient): (() => void)[] {
    const offs = bridgeEngineEvents(engine, {
      roomId: () => this.#snapshot?.roomId ?? null,
      firstReport: (error) => this.#errors.firstReport(error),
      emit: (event) => this.emit(event),
    });
    offs.push(
      engine.on('joined', () => {
        void loadPictureInPicture().catch(() => {}); // ready before the click that opens it (a user gesture does not wait long)
        // Who records shows from the start of the call; the chunk is small and read once.
        void this.#recording().catch((error: unknown) => this.#reportError(error));
        preloadElements(['rtc-chat', 'rtc-participants']);
        this.#setPhase('joined');
        this.leftReason = undefined;
        this.#panels.joined();
        this.#timer.start();
        this.#focusMainControl();
      }),
      engine.on('message', ({ local }) => this.#panels.message(local)),
      engine.on('network-weak', ({ local, weak }) => {
        if (local && weak) this.announce(this.i18n.t('tile.weakNetwork'));
      }),
      engine.on('left', ({ reason, error }) => {
        this.#setPhase('left');
        this.leftReason = reason;
        this.leftError = error;
        this.#timer.stop();
        this.#dialogs.close();
        if (reason === 'kicked') this.announce(this.i18n.t('announce.kicked'));
        if (reason === 'ended') this.announce(this.i18n.t('left.endedByHost'));
        this.#audio.reset();
        if (this.fullscreen) void this.setFullScreen(false);
      }),
    );
    return offs;
  }

  /** The camera preset for what the engine captures next, and for a camera already running. */
  #applyVideoQuality(engine: RtcClient): void {
    engine.setVideoProfile(this.videoQuality || engine.options.videoProfile || '').catch((error: unknown) => this.#reportError(error));
  }

  #reportError(error: unknown, options?: { show?: boolean }): void {
    this.#errors.report(error, options);
  }

  // ---- state ----

  /** A new snapshot for the elements inside, and the user/player changes it implies (fired after the update). */
  #rebuild(ownerMovedMain: boolean): void {
    const view = this.#engineState.view ?? EMPTY_VIEW;
    if (view.state !== this.#connectionState) {
      const previousState = this.#connectionState;
      this.#connectionState = view.state;
      this.requestUpdate('connectionState', previousState);
    }
    const previous = this.#snapshot;
    const step = nextSnapshot(view, {
      layout: this.layout,
      pinnedUserId: this.currentUserId || null,
      fullscreen: this.fullscreen,
      speakerOn: this.speakerOn,
      sound: this.#audio.personal.all,
      profiles: this.#profiles(),
      panel: this.panel || null,
      unreadMessages: this.#panels.unread,
      localRecording: this.#recorder?.state ?? 'inactive',
      pictureInPicture: this.pictureInPicture,
    }, this.#memory, ownerMovedMain);
    this.#memory = step.memory;
    const snapshot = step.memory.snapshot!;
    if (snapshot !== previous) {
      this.#stateProvider.setValue(snapshot);
      this.#announcer.announce(...callAnnouncements(previous, snapshot, this.#t));
    }
    if (step.playerChange) this.#pending.push(new RtcPlayerChangeEvent(step.playerChange));
    if (step.userChange) this.#pending.push(new RtcUserChangeEvent(step.userChange));
  }

  /** The profiles of `config`, the same object while `config` is. */
  #profiles(): RoomSnapshot['profiles'] {
    if (!this.#profileCache || this.#profileCache.config !== this.config) this.#profileCache = { config: this.config, profiles: profilesOf(this.config) };
    return this.#profileCache.profiles;
  }

  #hasComposition(): boolean {
    return [...this.children].some((child) => child !== this.#answerRoot.element);
  }

  #onSlotChange = (): void => {
    this.composed = this.#hasComposition();
    loadElementsIn(this);
  };

  // ---- rendering ----

  #renderAnswerRoot(): void {
    const look = { screenname: this.screenname, namespace: this.namespace, fullscreen: this.fullscreen };
    this.#answerRoot.render(this.mode === 'answer', look, () => ({
      snapshot: this.#snapshot!,
      phase: this.phase,
      config: this.config ?? {},
      phoneCall: this.phoneCall,
      audioBlocked: this.#audio.blocked,
      t: this.#t,
      commands: this.#commands,
      accept: () => this.join().catch(() => {}),
      decline: () => this.#decline(),
      hangup: () => this.#requestLeave('hangup'),
      snapshotMain: () => {
        this.snapshot().then(
          (image) => offerSnapshot(this, image, this.#memory.mainUserId),
          (error: unknown) => this.#reportError(error),
        );
      },
      run: (task) => void task().catch((error: unknown) => this.#reportError(error)),
      unlockAudio: () => void this.#audio.unlock(),
    }));
  }

  #decline(): void {
    if (!this.emit(new RtcRequestLeaveEvent({ source: 'decline' }))) return;
    this.#setPhase('left');
    this.leftReason = 'hangup';
    this.emit(new RtcCallDeclineEvent({ roomId: this.room || null }));
  }

  #requestLeave(source: 'hangup'): void {
    if (this.emit(new RtcRequestLeaveEvent({ source }))) this.leave().catch((error) => this.#reportError(error));
  }

  protected override render() {
    if (this.mode === 'answer') return html`<slot></slot>${this.#audio.render()}`;
    const snapshot = this.#snapshot!;
    const inCall = this.phase === 'joined';
    const t = this.#t;
    return html`
      <div part="base" class="room" role="region" aria-label=${t('room.label')}>
        ${inCall ? renderHeader(snapshot, this.room, this.showTimer ? this.#timer.elapsed : null, t, this.#recorder?.renderMark()) : nothing}
        <div class="body">
          <div part="main" class="main" ?hidden=${!inCall && !this.composed}>
            ${!this.composed && isAlone(this.phase, snapshot) ? this.#renderWaiting() : nothing}
            <slot @slotchange=${this.#onSlotChange}></slot>
            ${this.composed || !inCall || !callViewDefined()
              ? nothing
              : html`<rtc-video-grid part="grid" exportparts=${GRID_PARTS} .clock=${this.clock} unreachable-after=${this.unreachableAfter}
                  ?full-picture=${visible(this.config?.displayInfo?.showFullScreen, false)}></rtc-video-grid>`}
          </div>
          ${inCall && !this.composed
            ? this.#panels.render(t)
            : nothing}
        </div>
        ${inCall && !this.composed && callViewDefined()
          ? html`<rtc-controls part="controls" exportparts=${CONTROL_PARTS} actions=${ROOM_ACTIONS} @pointerover=${warmPanels} @focusin=${warmPanels}></rtc-controls>`
          : nothing}
        ${this.#lobby.shown ? this.#lobby.render(snapshot) : nothing}
        ${this.phase === 'joining' && this.autojoin ? html`<div part="banner" class="banner" role="status">${t('lobby.joining')}</div>` : nothing}
        ${this.phase === 'left'
          ? renderLeft({ reason: this.leftReason, error: this.leftError, t, rejoin: () => this.join().catch(() => {}) })
          : nothing}
        ${this.phase === 'joined' || this.phase === 'waiting' ? this.#moderation.renderNotice() : nothing}
        ${renderReconnecting(this.phase, snapshot, t)}
        ${this.#audio.blocked
          ? html`<button part="audio-unlock" class="audio-unlock" type="button" title=${t('audio.blocked')}
              @click=${() => this.#audio.unlock()}>${icon('speaker')}<span>${t('audio.enable')}</span></button>`
          : nothing}
        ${this.#errors.shown && !this.#lobby.shown ? renderErrorNotice(this.#errors.shown, t, this.#errors.dismiss) : nothing}
        ${this.#recorder?.renderNotice()}
        <div part="live-region" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>
        ${this.#dialogs.render(this.shortcutMap, t, () => this.#requestLeave('hangup'))}
      </div>
      ${this.#audio.render()}
    `;
  }

  #renderWaiting() {
    const url = inviteUrl(this.inviteUrl);
    return renderWaiting({
      url,
      copy: this.inviteCopy,
      t: this.#t,
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
    // The engine's own state, not the snapshot (rebuilt a frame later): a key right after muting counts.
    const self = this.#client()?.self ?? this.#snapshot?.self;
    return !!self && can(self.role, 'publish-audio') && !self.media.audio;
  }

  /** Does what a shortcut's key does (`help` opens the shortcuts dialog, `leave` asks first), e.g. from a page's own menu. */
  runShortcut(action: Exclude<ShortcutAction, 'push-to-talk'>): void {
    runRoomShortcut(action, {
      self: this.#snapshot?.self,
      client: () => this.#client(),
      toggleMicrophone: () => this.toggleMicrophone().catch(this.#moderation.explainRefusal('audio')),
      toggleCamera: () => this.toggleCamera().catch(this.#moderation.explainRefusal('video')),
      announce: (text) => this.announce(text),
      t: this.#t,
      toggleChat: () => !this.composed && this.#panels.open(this.panel === 'chat' ? null : 'chat'),
      showDialog: (dialog) => this.#dialogs.show(dialog),
      reportError: (error) => this.#reportError(error),
    });
  }

  /** @internal Push-to-talk: Space went down while muted (true) or came up (false). */
  holdToTalk(talking: boolean): void {
    this.toggleMicrophone(talking).catch((error) => this.#reportError(error));
  }

  /** After joining from the lobby's button, focus goes on to the call's controls. */
  #focusMainControl(): void {
    // A page that joined by script (autojoin, its own button) keeps its focus where it is.
    if (this.#focusInside) void this.updateComplete.then(() => focusMainControl(this));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-room': RtcRoom;
  }
}
