/**
 * RtcClient: one room session. It joins with a token, keeps the participants as immutable
 * snapshots, and survives dropped sockets (resume) and lost media paths (ICE restart).
 * Media travels through a Transport (full mesh now); see core/types.ts for the model and events.
 * The participants live in a ParticipantRoster and the chat in a ChatHistory; this class wires
 * them to signaling, local media and the transport, and re-emits their events as its own.
 */
import { Emitter } from './emitter.js';
import { RtcError } from './errors.js';
import { DEFAULTS } from './defaults.js';
import type { ChatMessage, MediaKind, MediaTransportKind, ParticipantInfo, RoomLimits, RoomState, SignalPayload, WaitingPerson } from '../protocol/model.js';
import type { Role } from '../protocol/ids.js';
import type { JoinedMessage, ServerMessage } from '../protocol/server-messages.js';
import { can, receivesOnly, type Permission } from '../protocol/permissions.js';
import type {
  ConnectionState, DeviceKind, DeviceList, LeftReason, LinkState, Participant, ParticipantStats, RtcClientEvents,
  TrackSource, TransportState,
} from './types.js';
import { DefaultReconnectPolicy, type ReconnectPolicy } from './signaling/reconnect-policy.js';
import { SignalingClient, type JoinKind } from './signaling/signaling-client.js';
import { readTokenClaims } from './signaling/token-claims.js';
import { signalingUrl } from './signaling/signaling-url.js';
import { LocalMedia, type AudioProcessing } from './media/local-media.js';
import { audioOnlyCameraViews } from './media/audio-only-views.js';
import { snapshotOf, type SnapshotOptions } from './media/snapshot.js';
import { DeviceManager } from './media/devices.js';
import { cameraLayers, resolveVideoProfile, type VideoProfile } from './media/profiles.js';
import type { ViewSize } from './media/view-layer.js';
import { ViewSizes } from './media/view-sizes.js';
import { ActiveSpeakerDetector } from './audio/active-speaker.js';
import { LevelMeter } from './audio/level-meter.js';
import { StatsCollector } from './stats/stats-collector.js';
import type { HealthMonitor, HealthOptions } from './stats/health-monitor.js';
import type { NetworkQuality } from './stats/network-quality.js';
import { loadTransports, transports } from './transports/load-transports.js';
import type { SfuTransport } from './transports/sfu-transport.js';
import { handOver } from './transports/handover.js';
import type { Transport } from './transports/transport.js';
import { ParticipantRoster } from './participants/roster.js';
import { ChatHistory } from './chat/chat-history.js';

export interface JoinOptions {
  password?: string;
  /** Start with the microphone on (default true, or as left in the preview; always false for viewers). */
  audio?: boolean;
  /** Start with the camera on (default true, or as left in the preview; always false for viewers). */
  video?: boolean;
  /**
   * A fresh token for the same user and room, asked for when the server refuses the token on a rejoin
   * (`token-invalid`, `token-expired`: e.g. a dev server restarted with a new secret). Without it that
   * refusal ends the session. `<rtc-room>` passes one when it fetched a dev token itself. It is also
   * asked on `token-expiring`, and what it returns is handed in with `renewToken()`: the call outlives its first token.
   */
  renewToken?: (refused: string) => Promise<string>;
}

export interface RtcClientOptions {
  /** Server base URL (http, https, ws or wss). Defaults to the page's origin. */
  server?: string;
  /** WebSocket path on the server; default `/rtc`. */
  path?: string;
  /** Opens the signaling socket; replace to run over the in-page loopback. */
  connect?: (url: string) => WebSocketLike;
  /** Extra ICE servers, used beside those the server hands out. */
  iceServers?: RTCIceServer[];
  /** Camera preset name (see core/media/profiles.ts) or explicit constraints; default `360p_15`. */
  videoProfile?: string;
  videoConstraints?: MediaTrackConstraints;
  audioConstraints?: MediaTrackConstraints;
  /** Where media comes from; replace for synthetic media (stories, tests without devices). */
  mediaSource?: MediaSource;
  /** Interval for `stats` events in ms; 0 turns them off (default). */
  statsInterval?: number;
  /** Network quality, weak-network thresholds, frozen video and the camera stepping down (docs/engine.md, "Health"). */
  health?: HealthOptions;
  /** When to retry after the signaling socket drops, and when to give up (default: a delay table with jitter, up to 60 s). */
  reconnectPolicy?: ReconnectPolicy;
  /** Log state transitions and recoveries with console.debug. */
  debug?: boolean;
  /** How long before the token's `exp` the `token-expiring` event fires (ms, default 60 000). */
  tokenExpiringMs?: number;
}

/** The subset of WebSocket the signaling client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Capture and device enumeration, as navigator.mediaDevices offers them. */
export interface MediaSource {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(options?: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
}

export class RtcClient extends Emitter<RtcClientEvents> {
  #state: ConnectionState = 'disconnected';
  #roomId: string | null = null;
  #activeSpeaker: string | null = null;
  #limits: RoomLimits | null = null;
  #iceServers: RTCIceServer[] = [];
  #roomState: RoomState | null = null;
  #waitingList: readonly WaitingPerson[] = [];
  /** A host made the call audio only (`roomState.audioOnly`), known from `joined` on. */
  #audioOnlyRoom = false;
  /** We chose audio only for ourselves (`setAudioOnly`); it outlasts a call, as a device choice does. */
  #audioOnly = false;
  /** Sources a host asked us to turn on: allowed even while the room holds them muted. */
  readonly #unmuteAllowed = new Set<MediaKind>();
  #tokenTimer: ReturnType<typeof setTimeout> | undefined;
  /** The token in use (the last renewed one) and who gives a fresh one before it expires. */
  #token = '';
  #freshToken: ((current: string) => Promise<string>) | undefined;

  readonly #roster = new ParticipantRoster({
    disconnect: (userId) => {
      this.#heldSignals.delete(userId);
      this.#transport?.disconnect(userId);
    },
    reattach: ({ userId, sessionId, role }) => {
      this.#transport?.reattach({ userId, sessionId, receiveOnly: receivesOnly(role) });
      const held = this.#heldSignals.get(userId) ?? [];
      this.#heldSignals.delete(userId);
      for (const payload of held) this.#signaling?.send({ type: 'signal', to: userId, payload });
    },
  });
  /** Signaling for people kept through our rejoin who are not back on the server yet: sent once they are. */
  readonly #heldSignals = new Map<string, SignalPayload[]>();
  readonly #chat = new ChatHistory();
  readonly #media: LocalMedia;
  readonly #devices: DeviceManager;
  readonly #stats = new StatsCollector();
  /** Loaded and started once joined (a chunk of its own in the all-in-one bundle: the lobby does not need it). */
  #health: HealthMonitor | undefined;
  /** The camera profile the app chose; the health monitor steps below it on a weak uplink, never above. */
  #chosenProfile: VideoProfile;
  readonly #speakers = new ActiveSpeakerDetector();
  #meter: LevelMeter | null = null;
  #signaling: SignalingClient | null = null;
  #transport: Transport | null = null;
  #transportState: TransportState = 'closed';
  readonly #views = new ViewSizes();
  /** sfu2: closes the transport being replaced (see handOver); null when none is. */
  #handover: (() => void) | null = null;
  /** How this room's media travels, as the server announced in `joined`. */
  #mediaTransport: MediaTransportKind = 'mesh';
  /** Camera or microphone set before join: join() keeps that choice unless told otherwise. */
  readonly #previewChoice: { audio?: boolean; video?: boolean } = {};
  #timers: ReturnType<typeof setInterval>[] = [];
  #unlisten: (() => void)[] = [];

  constructor(readonly options: RtcClientOptions = {}) {
    super();
    this.#media = new LocalMedia({
      mediaSource: () => this.#mediaSource(),
      profile: resolveVideoProfile(options.videoProfile),
      videoConstraints: options.videoConstraints,
      audioConstraints: options.audioConstraints,
    });
    this.#devices = new DeviceManager(this.#media, () => this.#mediaSource());
    this.#chosenProfile = this.#media.profile;
    this.#media.on('track', ({ source, track }) => this.#localTrackChanged(source, track));
    this.#media.on('ended', ({ source }) => {
      if (source === 'screen') void this.#stopSharing(); // the browser's own "Stop sharing"
    });
    this.#devices.on('device-change', (detail) => this.emit('device-change', detail));
    this.#devices.on('device-selected', (detail) => this.emit('device-selected', detail));
    this.#devices.on('error', (detail) => this.emit('error', detail));
    this.#roster.on('participant-joined', (detail) => this.emit('participant-joined', detail));
    this.#roster.on('participant-updated', (detail) => this.emit('participant-updated', detail));
    this.#roster.on('mute-change', (detail) => this.emit('mute-change', detail));
    this.#roster.on('track-added', (detail) => this.emit('track-added', detail));
    this.#roster.on('track-removed', (detail) => this.emit('track-removed', detail));
    this.#roster.on('screen-share', (detail) => this.emit('screen-share', detail));
    this.#roster.on('hands', (detail) => this.emit('hands', detail));
    this.#roster.on('participant-left', (detail) => {
      // Whoever left stops being the active speaker before anyone hears they left.
      if (this.#activeSpeaker === detail.participant.userId) this.#setActiveSpeaker(null);
      this.emit('participant-left', detail);
    });
    this.#chat.on('message', (detail) => this.emit('message', detail));
  }

  get state(): ConnectionState { return this.#state; }
  get roomId(): string | null { return this.#roomId; }
  /** The local participant; exists before join for a preview. */
  get self(): Participant { return this.#roster.self; }
  /** Remote participants by user id, in join order. A new map on every change. */
  get participants(): ReadonlyMap<string, Participant> { return this.#roster.participants; }
  get activeSpeaker(): string | null { return this.#activeSpeaker; }
  get screenSharer(): string | null { return this.#roster.screenSharer; }
  get selectedDevices(): Partial<Record<DeviceKind, string>> {
    const selected: Partial<Record<DeviceKind, string>> = {};
    const camera = this.#media.deviceId('camera');
    const microphone = this.#media.deviceId('microphone');
    if (camera) selected.camera = camera;
    if (microphone) selected.microphone = microphone;
    if (this.#devices.speaker) selected.speaker = this.#devices.speaker;
    return selected;
  }
  /** Title, lock, lobby, hands, screen sharer, hosts and held mutes, as the server has them; null until joined. */
  get roomState(): RoomState | null { return this.#roomState; }
  /** Hosts: who waits in the lobby, oldest first (empty for everyone else). */
  get waitingList(): readonly WaitingPerson[] { return this.#waitingList; }
  /** Chat history from `joined` plus every message since, oldest first, without duplicates. */
  get messages(): readonly ChatMessage[] { return this.#chat.messages; }
  get hands(): readonly string[] { return this.#roster.hands; }
  /** What the server allows in this room (participants, frame and chat sizes); null until joined. */
  get limits(): RoomLimits | null { return this.#limits; }
  /**
   * True when the local user's role may do `permission` (protocol/permissions.ts): what a UI should
   * offer. The server checks the same table on every request.
   */
  can(permission: Permission): boolean { return can(this.#roster.self.role, permission); }
  /** The STUN and TURN servers the media links use (the server's, then the options'); empty before joining. */
  get iceServers(): readonly RTCIceServer[] { return this.#iceServers; }

  /**
   * Join the room the token names. Resolves once admitted; rejects with the server's refusal
   * (`wrong-password`, `token-expired`, `room-full`…), `network` or `timeout`. A camera or
   * microphone that cannot be opened does not fail the join: it stays off and an `error` event says why.
   */
  async join(token: string, options: JoinOptions = {}): Promise<void> {
    if (this.#state !== 'disconnected') throw new RtcError('not-allowed', 'Already in a room: call leave() first.');
    const claims = readTokenClaims(token);
    const url = signalingUrl(this.options.server, this.options.path);
    const role = claims.role ?? 'participant';
    this.#roster.updateSelf({ userId: claims.sub, name: claims.name ?? claims.sub, role });
    this.#setState('connecting');

    const signaling = (this.#signaling = new SignalingClient({
      url,
      connect: this.options.connect ?? defaultConnect,
      policy: this.options.reconnectPolicy ?? new DefaultReconnectPolicy(),
      pingIntervalMs: DEFAULTS.pingIntervalMs,
      livenessFactor: DEFAULTS.livenessFactor,
      connectTimeoutMs: DEFAULTS.connectTimeoutMs,
      joinTimeoutMs: DEFAULTS.joinTimeoutMs,
      requestTimeoutMs: DEFAULTS.requestTimeoutMs,
      log: (message) => this.#log(message),
    }));
    signaling.on('joined', ({ message, kind }) => this.#admitted(message, kind));
    signaling.on('resumed', () => this.#setState('connected'));
    signaling.on('frame', ({ message }) => this.#receive(message));
    signaling.on('reconnecting', () => this.#setState('reconnecting'));
    signaling.on('ended', ({ reason, error }) => this.#end(reason, error));
    signaling.on('waiting', (detail) => this.emit('waiting', detail));
    this.#token = token;
    this.#freshToken = options.renewToken;
    this.#armTokenExpiry(claims.exp);

    const mediaWasOn = this.#media.cameraOn || this.#media.track('microphone') !== null;
    const mediaReady = this.#prepareMedia(receivesOnly(role), options);
    const transportsReady = loadTransports();
    try {
      const { renewToken } = options;
      const downloaded = transportsReady.catch((cause: unknown) => {
        throw new RtcError('network', 'The media transports could not be downloaded.', { cause });
      });
      await Promise.all([downloaded, signaling.join({
        room: claims.room,
        token,
        password: options.password,
        renewToken: renewToken && (async (refused) => {
          const fresh = await renewToken(refused);
          const renewed = readTokenClaims(fresh);
          if (renewed.sub !== claims.sub || renewed.room !== claims.room) {
            throw new RtcError('token-invalid', 'The renewed token is for another user or room.');
          }
          return fresh;
        }),
        // The first admission makes a transport: the join goes once they are in (failing, the join fails above).
        ready: Promise.all([transportsReady, Promise.race([mediaReady, new Promise((resolve) => setTimeout(resolve, DEFAULTS.joinMediaWaitMs))])]).catch(() => undefined),
        media: () => ({ audio: this.#media.microphoneOn, video: this.#media.cameraOn }),
      })]);
    } catch (error) {
      if (this.#signaling === signaling) {
        this.#signaling = null;
        signaling.close();
        if (!mediaWasOn) this.#media.stopAll();
        this.#setState('disconnected');
      }
      throw error;
    }
  }

  /** Hang up: tell the server, close every media link and release the camera, microphone and screen. */
  async leave(): Promise<void> {
    if (this.#signaling) this.#end('hangup');
    else this.#media.stopAll();
  }

  /** Rejects with `not-allowed` while a host holds microphones muted (`roomState.held.audio`), unless a host asked us to unmute. */
  async setMicrophone(on: boolean): Promise<void> {
    this.#assertMaySend(on, 'publish-audio');
    this.#assertNotHeld(on, 'audio');
    if (this.#state === 'disconnected') this.#previewChoice.audio = on;
    await this.#media.setMicrophone(on);
  }

  /** Off stops the camera (its light goes off); on captures again. Peers never renegotiate for either. */
  async setCamera(on: boolean): Promise<void> {
    this.#assertMaySend(on, 'publish-video');
    this.#assertNotHeld(on, 'video');
    if (this.#state === 'disconnected') this.#previewChoice.video = on;
    await this.#media.setCamera(on);
  }

  /**
   * Share the screen (one sharer per room: the server is asked first, `screen-share-busy` when taken),
   * or stop sharing. Closing the browser's picker rejects with `screen-share-cancelled`. The picker
   * offers the tab's or system's sound too where the browser can (`audio: false` asks for the screen alone):
   * the others receive it with the screen (`screenStream`'s audio track).
   */
  async shareScreen(on: boolean, options: { audio?: boolean } = {}): Promise<void> {
    const signaling = this.#signaling;
    if (!on) {
      if (this.#media.track('screen')) await this.#stopSharing();
      return;
    }
    this.#assertMaySend(true, 'publish-screen');
    if (!signaling || this.#state === 'disconnected' || this.#state === 'connecting') throw new RtcError('not-joined');
    if (this.#media.track('screen')) return;
    await signaling.request({ type: 'screen', on: true });
    try {
      await this.#media.startScreen({ audio: options.audio ?? true });
    } catch (error) {
      await signaling.request({ type: 'screen', on: false }).catch(() => undefined);
      throw error;
    }
  }

  /** Release the screen and the room's one sharing slot. */
  async #stopSharing(): Promise<void> {
    await this.#media.stopScreen();
    if (this.#state === 'connected' || this.#state === 'reconnecting') {
      await this.#signaling?.request({ type: 'screen', on: false }).catch(() => undefined);
    }
  }

  listDevices(): Promise<DeviceList> {
    return this.#devices.list();
  }

  /** Switch a camera or microphone live (no renegotiation), or choose the speaker the UI plays through. */
  selectDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    return this.#devices.select(kind, deviceId);
  }

  /** Move to the next camera (front/back on phones). */
  switchCamera(): Promise<void> {
    return this.#devices.switchCamera();
  }

  /** Change the camera preset (`180p_15` … `1080p_30`) live. An unknown name means the default. */
  async setVideoProfile(name: string): Promise<void> {
    this.#chosenProfile = resolveVideoProfile(name);
    await this.#media.setProfile(this.#chosenProfile);
    await this.#transport?.setCameraEncoding();
  }

  /** Network quality of `userId`, 0–5 (ours: our uplink); 0 while unknown or when their link is lost. */
  networkQuality(userId: string): NetworkQuality { return this.#health?.quality(userId) ?? 0; }
  /** Whether their link counts as weak now (ours: what we send). */
  networkWeak(userId: string): boolean { return this.#health?.weak(userId) ?? false; }
  /** Whether their video stopped moving while their camera is on. */
  videoFrozen(userId: string): boolean { return this.#health?.frozen(userId) ?? false; }
  /**
   * A UI shows `userId`'s `source` at `size` CSS pixels (null: no longer, or hidden), so they need not
   * send more; `owner` tells several places apart (the largest counts). Never called: full quality.
   */
  setViewSize(userId: string, source: 'camera' | 'screen', size: ViewSize | null, owner: object = this): void {
    const view = this.#views.set(userId, source, size, owner, globalThis.devicePixelRatio ?? 1);
    this.#transport?.setViewSize(userId, source, this.#audioOnly && source === 'camera' ? null : view.size);
  }

  /** Audio only for us (`setAudioOnly`): our camera stays off and nobody sends us theirs. */
  get audioOnly(): boolean { return this.#audioOnly; }

  /**
   * Audio only for us alone, to spare a weak link: our camera goes off (`setCamera(true)` rejects
   * `not-allowed` until lifted) and every camera sent to us pauses (their screens still come). Lifted, the
   * cameras come back at the size the UI shows them; ours stays off until turned on.
   */
  async setAudioOnly(on: boolean): Promise<void> {
    if (on === this.#audioOnly) return;
    this.#audioOnly = on;
    const views = audioOnlyCameraViews(on, this.#views.all(globalThis.devicePixelRatio ?? 1), this.#roster.participants.keys());
    for (const [userId, size] of views) this.#transport?.setViewSize(userId, 'camera', size);
    this.emit('audio-only', { on });
    if (on) await this.#media.setCamera(false);
  }

  /** Whether media gets through at all, beside each participant's `link` (`closed` when not in a call). */
  get transportState(): TransportState {
    return this.#transportState;
  }

  /** Noise suppression and echo cancellation of the microphone (on by default, or as `audioConstraints` says). */
  get audioProcessing(): AudioProcessing { return this.#media.audioProcessing; }

  /** Switch noise suppression or echo cancellation, live and for later captures (the microphone may be captured again to apply it). */
  setAudioProcessing(change: Partial<AudioProcessing>): Promise<void> {
    return this.#media.setAudioProcessing(change);
  }

  getStats(): Promise<ReadonlyMap<string, ParticipantStats>> {
    return this.#stats.collect(this.#transport, this.#roster.self.userId, this.#meter?.level() ?? 0);
  }

  /** Needs `kick` (hosts): removes someone and keeps them out of this room. */
  async kick(userId: string): Promise<void> {
    this.#assertMay('kick');
    await this.#joined().request({ type: 'kick', userId });
  }

  /** Resolves with the stored message once the server has it; sent exactly once even across a reconnect. */
  async sendMessage(text: string, options: { to?: string[] } = {}): Promise<ChatMessage> {
    const signaling = this.#joined();
    if (typeof text !== 'string' || !text.trim()) throw new RtcError('bad-message', 'A chat message needs some text.');
    if (new TextEncoder().encode(text).length > (this.#limits?.maxChatBytes ?? Infinity)) throw new RtcError('too-large');
    const ack = await signaling.request({ type: 'chat', text, ...(options.to?.length ? { to: options.to } : {}) });
    if (!ack.message) throw new RtcError('server-error', 'The server did not return the stored message.');
    this.#chat.add(ack.message, true);
    return ack.message;
  }

  /** An application payload for everyone else, or for `to`; resolves when the server accepted it. */
  async sendData(payload: unknown, options: { to?: string[] } = {}): Promise<void> {
    await this.#joined().request({ type: 'data', payload, ...(options.to?.length ? { to: options.to } : {}) });
  }

  /** True when the server holds chat older than `messages` (a `joined` carries only the newest): see loadEarlierMessages(). */
  get hasEarlierMessages(): boolean { return this.#chat.hasEarlier; }

  /**
   * Fetch up to `limit` messages older than the first of `messages`; they join `messages` (oldest first)
   * and a `history` event fires. Resolves with the page, empty when there is nothing older.
   */
  async loadEarlierMessages(limit = 50): Promise<readonly ChatMessage[]> {
    const signaling = this.#joined();
    const before = this.#chat.oldestId;
    const page = await signaling.request({ type: 'history', limit, ...(before !== undefined ? { before } : {}) });
    this.#chat.addEarlier(page.messages, page.more);
    this.emit('history', { messages: this.#chat.messages, more: page.more });
    return page.messages;
  }

  /**
   * Opens the media link to one participant again, from scratch (a fresh connection that we offer):
   * for a link that never connected or `failed` after the engine's own ICE restarts. No-op when they are not in the call.
   */
  reconnectPeer(userId: string): void {
    const participant = this.#roster.participants.get(userId);
    if (!participant || !this.#transport) return;
    this.#log(`reconnecting the link to ${userId}`);
    this.#transport.connect({ userId, sessionId: participant.sessionId, receiveOnly: receivesOnly(participant.role) });
  }

  async raiseHand(raised: boolean): Promise<void> {
    this.#joined().send({ type: 'hand', raised });
  }

  /** Host only: lower someone else's hand. */
  async lowerHand(userId: string): Promise<void> {
    if (userId !== this.#roster.self.userId) this.#assertMay('mute-others');
    this.#joined().send({ type: 'hand', raised: false, userId });
  }

  async sendReaction(emoji: string): Promise<void> {
    this.#joined().send({ type: 'reaction', emoji });
  }

  // ---- moderation (the server checks every one: `not-allowed` for a role without the permission) ----

  /** Needs `mute-others`: their microphone (`audio`) or camera (`video`) goes off at the source; they are told who did it. */
  async mute(userId: string, kind: MediaKind): Promise<void> {
    this.#assertMay('mute-others');
    await this.#joined().request({ type: 'mute', userId, kind });
  }

  /** Needs `mute-others`: they get an `unmute-request` and choose (no browser lets anyone open someone else's microphone). */
  async askToUnmute(userId: string, kind: MediaKind): Promise<void> {
    this.#assertMay('mute-others');
    await this.#joined().request({ type: 'ask-unmute', userId, kind });
  }

  /** Needs `mute-others`: everyone but the hosts; with `hold`, nobody else can turn it on again until `releaseHold(kind)`. */
  async muteAll(kind: MediaKind, options: { hold?: boolean } = {}): Promise<void> {
    this.#assertMay('mute-others');
    await this.#joined().request({ type: 'mute-all', kind, ...(options.hold ? { hold: true } : {}) });
  }

  /** Needs `mute-others`: people may turn `kind` on again. */
  async releaseHold(kind: MediaKind): Promise<void> {
    this.#assertMay('mute-others');
    await this.#joined().request({ type: 'hold', kind, held: false });
  }

  /** Needs `mute-others`: the whole call audio only (`roomState.audioOnly`): every camera goes off, the hosts' too, until lifted. */
  async setRoomAudioOnly(on: boolean): Promise<void> {
    this.#assertMay('mute-others');
    await this.#joined().request({ type: 'audio-only', on });
  }

  /** Needs `mute-others`: ends someone's screen share. */
  async stopScreenShare(userId: string): Promise<void> {
    this.#assertMay('mute-others');
    await this.#joined().request({ type: 'stop-screen', userId });
  }

  /**
   * Needs `change-roles`: promote a viewer (they are asked before anything opens), send someone to the
   * audience, make someone host. A host may step down (`setRole(self, …)`) once someone else is host.
   */
  async setRole(userId: string, role: Role): Promise<void> {
    this.#assertMay('change-roles');
    await this.#joined().request({ type: 'set-role', userId, role });
  }

  /** Needs `end`: everyone (us too) leaves with reason `ended`; the tokens issued so far no longer admit. */
  async endRoom(): Promise<void> {
    this.#assertMay('end');
    await this.#joined().request({ type: 'end-room' });
  }

  /** Needs `lock`: nobody new gets in (hosts still do). */
  async lockRoom(locked: boolean): Promise<void> {
    await this.#roomSettings({ locked });
  }

  /** Needs `lock`: newcomers wait until a host admits them; switching it off lets everyone waiting in. */
  async setLobby(lobby: boolean): Promise<void> {
    await this.#roomSettings({ lobby });
  }

  /** Needs `lock`: the title everyone sees (`roomState.title`); null clears it. */
  async setTitle(title: string | null): Promise<void> {
    await this.#roomSettings({ title: title?.trim() || null });
  }

  /** Needs `admit`: let someone from `waitingList` in. */
  async admit(userId: string): Promise<void> {
    this.#assertMay('admit');
    await this.#joined().request({ type: 'admit', userId });
  }

  /** Needs `admit`: turn someone waiting away (their join fails with `denied`). */
  async deny(userId: string): Promise<void> {
    this.#assertMay('admit');
    await this.#joined().request({ type: 'deny', userId });
  }

  // ---- server recording (issue 11, docs/server.md#recordings) ----

  /**
   * Needs `record`: the server records the room (everyone's camera in a grid, all voices) until
   * `stopRecording()` or the room empties; everyone sees `roomState.serverRecording`. Rejects
   * `recording-unavailable` in a mesh room (only rooms on the media server can be recorded).
   */
  async startRecording(): Promise<void> {
    this.#assertMay('record');
    await this.#joined().request({ type: 'server-recording', on: true });
  }

  /** Needs `record`: stops the server recording; its file is made in the background (`GET /api/recordings`). */
  async stopRecording(): Promise<void> {
    this.#assertMay('record');
    await this.#joined().request({ type: 'server-recording', on: false });
  }

  /**
   * Ring someone's lines to bring them into this room (docs/calls.md); accepting joins it. Resolves
   * `{ callId }` once it rings, then `call-state` events follow; rejects `offline`, `not-allowed`, `rate-limited`.
   */
  async invite(userId: string, options: { data?: unknown; timeoutMs?: number } = {}): Promise<{ callId: string }> {
    const ack = await this.#joined().request({ type: 'invite', userId, ...options });
    return { callId: ack.callId! };
  }

  /** Anyone: the name everyone sees from now on. */
  async setName(name: string): Promise<void> {
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (!trimmed || trimmed.length > 80) throw new RtcError('bad-message', 'A name needs 1 to 80 characters.');
    await this.#joined().request({ type: 'set-name', name: trimmed });
  }

  /**
   * Hand in a fresh token for the same user and room: the session now lasts until its `exp`, and a
   * later rejoin uses it. Rejects (`token-invalid`, `token-expired`) and changes nothing if the server refuses it.
   */
  async renewToken(token: string): Promise<void> {
    const signaling = this.#joined();
    const claims = readTokenClaims(token);
    if (claims.sub !== this.#roster.self.userId || claims.room !== this.#roomId) {
      throw new RtcError('token-invalid', 'The fresh token is for another user or room.');
    }
    await signaling.request({ type: 'renew-token', token });
    signaling.setToken(token);
    this.#token = token;
    this.#armTokenExpiry(claims.exp);
  }

  // ---- local recording and snapshots (issue 13) ----

  /** Anyone: tells the room we record the call on this device (`on`) or stopped; everyone sees `roomState.recorders`. */
  async setRecording(on: boolean): Promise<void> {
    await this.#joined().request({ type: 'recording', on });
  }

  /** A still of someone's camera (ours by default) or screen, as PNG, JPEG or WebP: see core/media/snapshot.ts. */
  snapshot(userId = this.#roster.self.userId, options: SnapshotOptions = {}): Promise<Blob> {
    const participant = userId === this.#roster.self.userId ? this.#roster.self : this.#roster.participants.get(userId);
    if (!participant) return Promise.reject(new RtcError('unknown-user', `"${userId}" is not in this room.`));
    return snapshotOf(options.source === 'screen' ? participant.screenStream : participant.stream, options);
  }

  async #roomSettings(settings: { locked?: boolean; lobby?: boolean; title?: string | null }): Promise<void> {
    this.#assertMay('lock');
    await this.#joined().request({ type: 'room-settings', ...settings });
  }

  /** `token-expiring` fires `tokenExpiringMs` before `exp` (seconds since epoch), once per token. */
  #armTokenExpiry(exp: number): void {
    clearTimeout(this.#tokenTimer);
    const expiresAt = exp * 1000;
    const lead = this.options.tokenExpiringMs ?? DEFAULTS.tokenExpiringMs;
    const fire = () => {
      if (this.#state === 'disconnected') return;
      this.emit('token-expiring', { expiresAt, inMs: Math.max(0, expiresAt - Date.now()) });
      const fresh = this.#freshToken;
      if (fresh) {
        fresh(this.#token).then((token) => this.renewToken(token)).catch((error: unknown) => {
          this.emit('error', { error: error instanceof RtcError ? error : new RtcError('token-expired', 'No fresh token before this one expires.') });
        });
      }
    };
    // Past the timer's reach (about 24 days) nobody waits that long in a call.
    const delay = Math.max(0, expiresAt - lead - Date.now());
    if (delay < 2 ** 31) this.#tokenTimer = setTimeout(fire, delay);
  }

  // ---- session ----

  #setState(next: ConnectionState): boolean {
    const previous = this.#state;
    if (next === previous) return false;
    this.#state = next;
    this.#log(`${previous} -> ${next}`);
    const link: Record<ConnectionState, LinkState> = {
      disconnected: 'closed', connecting: 'connecting', connected: 'connected', reconnecting: 'disconnected',
    };
    this.#roster.updateSelf({ link: link[next] });
    this.emit('connection-state', { state: next, previous });
    return true;
  }

  async #prepareMedia(viewer: boolean, options: JoinOptions): Promise<void> {
    if (viewer) {
      this.#media.stopAll();
      return;
    }
    const audio = options.audio ?? this.#previewChoice.audio ?? true;
    const video = options.video ?? this.#previewChoice.video ?? true;
    // Degraded entry: a device that fails stays off, the user joins anyway and hears why.
    const report = (error: unknown) => this.emit('error', { error: error as RtcError });
    await Promise.all([
      this.#media.setMicrophone(audio).catch(report),
      this.#media.setCamera(video).catch(report),
    ]);
  }

  #admitted(message: JoinedMessage, kind: JoinKind): void {
    this.#roomId = message.roomId;
    this.#limits = message.limits ?? null;
    this.#iceServers = [...(message.iceServers as RTCIceServer[]), ...(this.options.iceServers ?? [])];
    this.#roster.admitSelf(message.self, message.room.hands);
    const announced = message.self.media;
    this.#audioOnlyRoom = message.room.audioOnly;
    if (kind === 'first' && (announced.audio !== this.#media.microphoneOn || announced.video !== this.#cameraAnnounced())) this.#announceMedia();
    for (const chat of message.history) this.#chat.add(chat, chat.from === message.self.userId, kind !== 'first');
    if (kind === 'first') this.#chat.addEarlier([], message.moreHistory ?? false);

    const mediaBefore = this.#mediaTransport;
    this.#mediaTransport = message.media?.transport ?? 'mesh';
    // A new session in an SFU room (the server restarted): the media server holds nothing of ours any more.
    if (kind === 'rejoined' && (mediaBefore === 'sfu' || this.#mediaTransport === 'sfu')) {
      this.#transport?.close();
      this.#transport = null;
      this.#handover?.();
      this.#handover = null;
    }
    const sessionsBefore = new Map([...this.#roster.participants.values()].map((p) => [p.userId, p.sessionId]));
    if (kind === 'first') this.#transport = this.#createTransport();
    if (kind === 'rejoined') {
      // A new session (the server lost ours: grace ran out, or it restarted). The links stay, media
      // keeps flowing; whoever is not back on the server yet gets the grace period to return.
      this.#transport ??= this.#createTransport();
      this.#roster.rejoin(message.participants, message.graceMs);
    } else {
      this.#roster.reconcile(message.participants, kind === 'wholesale');
    }
    this.#roster.setScreenSharer(message.room.screenSharer);
    if (kind !== 'wholesale') {
      // We are the newcomer, who offers. Someone back under a new session lost theirs too (a restart):
      // they kept their end, so we offer on the link we kept, which confirms it. Someone still in their
      // old session saw ours end and closed their end: that link starts over.
      for (const { userId, sessionId, role } of message.participants) {
        const peer = { userId, sessionId, receiveOnly: receivesOnly(role) };
        const lostTheirsToo = sessionsBefore.has(userId) && sessionsBefore.get(userId) !== sessionId;
        if (lostTheirsToo && this.#transport!.reattach(peer)) this.#transport!.renegotiate(userId);
        else this.#transport!.connect(peer);
      }
    }

    if (kind === 'rejoined' && this.#media.track('screen')) {
      // The new session is not sharing yet as far as the server knows: ask again, or stop.
      void this.#signaling?.request({ type: 'screen', on: true }).then(
        () => this.#roster.setScreenSharer(this.#roster.self.userId),
        () => this.#stopSharing(),
      );
    }
    if (kind === 'first') this.#startSession();
    this.#setState('connected');
    if (kind === 'first') this.emit('joined', { roomId: message.roomId, userId: message.self.userId });
    else this.#roster.setHands(message.room.hands);
    this.#setRoomState(message.room);
  }

  #startSession(): void {
    const transportLevels = () => this.#transport?.audioLevels() ?? new Map<string, number>();
    this.#meter = new LevelMeter();
    this.#meter.setTrack(this.#media.track('microphone'));
    this.#timers.push(setInterval(() => this.#sampleAudioLevels(transportLevels()), DEFAULTS.audioLevelIntervalMs));
    const statsInterval = this.options.statsInterval ?? 0;
    if (statsInterval > 0) {
      this.#timers.push(setInterval(() => {
        void this.getStats().then((stats) => this.emit('stats', { stats }), () => undefined);
      }, statsInterval));
    }
    void this.#startHealth(this.#signaling);
    this.#devices.watch();
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      const listen = (type: string, handler: () => void) => {
        window.addEventListener(type, handler);
        this.#unlisten.push(() => window.removeEventListener(type, handler));
      };
      listen('pagehide', () => this.#end('hangup'));
      listen('offline', () => this.#signaling?.networkDown());
      listen('online', () => this.#signaling?.networkUp());
    }
  }

  async #startHealth(session: SignalingClient | null): Promise<void> {
    const { startHealth } = await import('./stats/session-health.js');
    if (!session || this.#signaling !== session) return;
    this.#health = startHealth({
      collect: () => this.getStats(), self: () => this.#roster.self, participant: (id) => this.#roster.participants.get(id),
      cameraShown: (id) => this.#views.shown(id, 'camera'),
      media: this.#media, chosenProfile: () => this.#chosenProfile, applyEncoding: async () => this.#transport?.setCameraEncoding(),
      emit: (type, detail) => this.emit(type, detail as never), timers: this.#timers,
    }, this.options.health);
  }

  /** The session is over (hang up, kicked, replaced, gave up reconnecting): release everything. */
  #end(reason: LeftReason, error?: RtcError): void {
    const signaling = this.#signaling;
    if (!signaling) return;
    this.#signaling = null;
    signaling.close();
    this.#roster.forgetOthers();
    this.#heldSignals.clear();
    this.#transport?.close();
    this.#transport = null;
    this.#handover?.();
    this.#handover = null;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    for (const unlisten of this.#unlisten) unlisten();
    this.#unlisten = [];
    this.#devices.unwatch();
    this.#meter?.close();
    this.#meter = null;
    this.#media.stopAll();
    this.#stats.reset();
    this.#health = undefined;
    this.#speakers.reset();
    this.#activeSpeaker = null;
    this.#roomId = null;
    this.#limits = null;
    this.#roomState = null;
    this.#audioOnlyRoom = false;
    this.#waitingList = [];
    this.#unmuteAllowed.clear();
    clearTimeout(this.#tokenTimer);
    const wasAdmitted = this.#roster.self.sessionId !== '';
    this.#roster.endSession();
    this.#setState('disconnected');
    if (wasAdmitted) this.emit('left', error ? { reason, error } : { reason });
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'participant-joined':
        this.#roster.handleJoined(message.participant);
        return;
      case 'participant-left':
        this.#roster.handleLeft(message.userId, message.sessionId, message.reason);
        return;
      case 'participant-updated':
        this.#roster.handleUpdated(message.participant);
        return;
      case 'signal':
        // Only from the sessions we know: a stray one would open a link nobody closes.
        if (this.#roster.isCurrent(message.from, message.fromSession)) {
          const sender = this.#roster.participants.get(message.from);
          const receiveOnly = !!sender && receivesOnly(sender.role);
          this.#transport?.handleSignal({ userId: message.from, sessionId: message.fromSession, receiveOnly }, message.payload);
        }
        return;
      case 'chat':
        this.#chat.add(message.message, message.message.from === this.#roster.self.userId);
        return;
      case 'data':
        this.emit('data', { from: message.from, payload: message.payload, private: message.private });
        return;
      case 'room-state':
        if (message.state.hands.join() !== this.#roster.hands.join()) this.#roster.setHands(message.state.hands);
        this.#setRoomState(message.state);
        return;
      case 'role-changed':
        this.#roleChanged(message.participant, message.previous, message.by);
        return;
      case 'muted':
        this.#unmuteAllowed.delete(message.kind);
        void (message.kind === 'audio' ? this.#media.setMicrophone(false) : this.#media.setCamera(false)).catch(() => undefined);
        this.emit('muted', { kind: message.kind, by: message.by, byName: message.byName });
        return;
      case 'unmute-request':
        this.#unmuteAllowed.add(message.kind);
        this.emit('unmute-request', { kind: message.kind, by: message.by, byName: message.byName });
        return;
      case 'screen-stopped':
        void this.#media.stopScreen().catch(() => undefined);
        this.emit('screen-stopped', { by: message.by, byName: message.byName });
        return;
      case 'lobby':
        this.#waitingList = message.waiting;
        this.emit('lobby', { waiting: message.waiting });
        return;
      case 'reaction':
        this.emit('reaction', { from: message.from, emoji: message.emoji, ts: message.ts });
        return;
      case 'error':
        this.emit('error', { error: new RtcError(message.code, message.message || undefined) });
        return;
      case 'call-state':
        this.emit('call-state', { callId: message.callId, state: message.state, ...(message.by !== undefined && { by: message.by }) });
        return;
      case 'sfu-offer':
        if (this.#mediaTransport === 'sfu') (this.#transport as SfuTransport | null)?.handleOffer(message.sdp, message.streams);
        return;
      case 'media-changed':
        this.#switchMedia(message.media.transport);
        return;
      case 'speaking': // sfu2: Janus's audio levels, in SFU rooms
        if (this.#mediaTransport === 'sfu') (this.#transport as SfuTransport | null)?.setSpeaking(message.userId, message.speaking);
        return;
    }
  }

  #setRoomState(state: RoomState): void {
    const previous = this.#roomState;
    if (previous && JSON.stringify(previous) === JSON.stringify(state)) return;
    // A new hold starts clean: an earlier "ask to unmute" does not survive it.
    for (const kind of ['audio', 'video'] as const) if (state.held[kind] && !previous?.held[kind]) this.#unmuteAllowed.delete(kind);
    this.#roomState = state;
    this.#audioOnlyRoom = state.audioOnly;
    if (state.audioOnly && this.#media.cameraOn) void this.#media.setCamera(false).catch(() => undefined);
    this.emit('room-state', { state, previous });
  }

  /**
   * A role changed. Ours: what the new role may not send goes off (nothing opens on a promotion: the
   * app asks first), and links start over when we go from receive-only to sending or back. Someone
   * else's: when they flip between receive-only and sending, their end starts the link over; we drop ours.
   */
  #roleChanged(info: ParticipantInfo, previous: Role, by: string | null): void {
    const local = info.userId === this.#roster.self.userId;
    if (!local && !this.#roster.isCurrent(info.userId, info.sessionId)) return;
    this.#roster.handleUpdated(info);
    const flipped = receivesOnly(previous) !== receivesOnly(info.role);
    if (local) {
      const role = info.role;
      if (!can(role, 'publish-audio')) void this.#media.setMicrophone(false).catch(() => undefined);
      if (!can(role, 'publish-video')) void this.#media.setCamera(false).catch(() => undefined);
      if (!can(role, 'publish-screen') && this.#media.track('screen')) void this.#media.stopScreen().catch(() => undefined);
      if (flipped && this.#transport) {
        this.#transport.close();
        this.#transport = this.#createTransport();
        for (const { userId, sessionId, role: theirs } of this.#roster.participants.values()) {
          this.#transport.connect({ userId, sessionId, receiveOnly: receivesOnly(theirs) });
        }
      }
    } else if (flipped) {
      this.#transport?.disconnect(info.userId);
    }
    this.emit('role-change', { userId: info.userId, local, role: info.role, previous, by });
  }

  // ---- media ----

  #createTransport(): Transport {
    const { MeshTransport, SfuTransport, sfuSignaling } = transports();
    const common = {
      receiveOnly: receivesOnly(this.#roster.self.role),
      iceServers: this.#iceServers,
      cameraLayers: () => cameraLayers(this.#media.profile, this.#media.track('camera')?.getSettings()),
      log: (message: string) => this.#log(message),
    };
    const transport: Transport = this.#mediaTransport === 'sfu'
      ? new SfuTransport({ ...common, signaling: sfuSignaling(() => this.#signaling, (error) => this.emit('error', { error })) })
      : new MeshTransport({ ...common, localUserId: this.#roster.self.userId });
    for (const view of this.#views.all(globalThis.devicePixelRatio ?? 1)) {
      transport.setViewSize(view.userId, view.source, this.#audioOnly && view.source === 'camera' ? null : view.size);
    }
    transport.on('transport-state', ({ state }) => transport === this.#transport && this.#setTransportState(state));
    this.#setTransportState(transport.state);
    for (const source of ['microphone', 'camera', 'screen', 'screen-audio'] as const) {
      void transport.setLocalTrack(source, this.#media.track(source));
    }
    transport.on('signal', ({ to, payload }) => {
      if (!this.#roster.isAwaited(to)) return this.#signaling?.send({ type: 'signal', to, payload });
      const held = this.#heldSignals.get(to) ?? [];
      if (held.length < MAX_HELD_SIGNALS) this.#heldSignals.set(to, [...held, payload]);
    });
    // A transport being replaced (handOver) still removes its tracks, but no longer speaks for the links.
    transport.on('link-state', ({ userId, state }) => transport === this.#transport && this.#roster.setLink(userId, state));
    transport.on('track-added', ({ userId, source, track }) => transport === this.#transport && this.#roster.trackAdded(userId, source, track));
    transport.on('track-removed', ({ userId, source, track }) => this.#roster.trackRemoved(userId, source, track));
    return transport;
  }

  /** The room's media moved (its media server went away): a new transport; of each pair one side offers. */
  #switchMedia(kind: MediaTransportKind): void {
    if (!this.#transport || kind === this.#mediaTransport) return;
    this.#mediaTransport = kind;
    const old = this.#transport;
    this.#transport = this.#createTransport();
    for (const { userId, sessionId, role } of this.#roster.participants.values()) {
      if (this.#roster.self.userId < userId) this.#transport.connect({ userId, sessionId, receiveOnly: receivesOnly(role) });
    }
    // sfu2: both paths side by side until the new one delivers everyone's sound and picture (docs/media-server.md#auto).
    this.#handover?.();
    const awaited = [...this.#roster.participants.values()].filter((p) => !receivesOnly(p.role))
      .flatMap((p) => [...(p.media.audio ? [`${p.userId}/microphone` as const] : []), ...(p.media.video ? [`${p.userId}/camera` as const] : [])]);
    this.#handover = handOver(old, this.#transport, awaited);
  }

  #localTrackChanged(source: TrackSource, track: MediaStreamTrack | null): void {
    const media = { audio: this.#media.microphoneOn, video: this.#media.cameraOn, screen: !!this.#media.track('screen') };
    const live = [this.#media.track('microphone'), this.#media.track('camera')].filter((t): t is MediaStreamTrack => !!t);
    const previousMedia = this.#roster.self.media;
    if (source === 'screen') this.#roster.setSharing(this.#roster.self.userId, !!track);
    this.#roster.setLocalMedia(media, live, this.#media.track('screen'), this.#media.track('screen-audio'));
    if (source === 'microphone') this.#meter?.setTrack(track);
    if (this.#transport) {
      void this.#transport.setLocalTrack(source, track);
      if (source === 'camera' && track) void this.#transport.setCameraEncoding();
    }
    // Before the first admission the join frame announces the media as it is when sent, and #admitted
    // corrects what changed after: a frame queued now would only reach the others late, as a repeat.
    if (this.#state === 'connecting') return;
    if (previousMedia.audio !== media.audio || previousMedia.video !== media.video) this.#announceMedia();
  }

  #announceMedia(): void {
    this.#signaling?.send({ type: 'media', media: { audio: this.#media.microphoneOn, video: this.#cameraAnnounced() } });
  }

  /** A camera still closing in an audio-only room is not announced (the server would refuse it). */
  #cameraAnnounced(): boolean {
    return this.#media.cameraOn && !this.#audioOnlyRoom;
  }

  #setTransportState(state: TransportState): void {
    const previous = this.#transportState;
    if (state === previous) return;
    this.#transportState = state;
    this.emit('transport-state', { state, previous });
  }

  #sampleAudioLevels(remote: ReadonlyMap<string, number>): void {
    const levels = new Map<string, number>();
    for (const [userId, level] of remote) if (this.#roster.participants.has(userId)) levels.set(userId, level);
    levels.set(this.#roster.self.userId, this.#media.microphoneOn ? (this.#meter?.level() ?? 0) : 0);
    this.emit('audio-levels', { levels });
    this.#setActiveSpeaker(this.#speakers.update(levels, Date.now()));
  }

  #setActiveSpeaker(userId: string | null): void {
    const previous = this.#activeSpeaker;
    if (previous === userId) return;
    this.#activeSpeaker = userId;
    this.emit('active-speaker', { userId, previous });
  }

  // ---- helpers ----

  #mediaSource(): MediaSource {
    const source = this.options.mediaSource ?? (typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined);
    if (!source) throw new RtcError('unsupported', 'This browser cannot capture media (is the page served over https?).');
    return source;
  }

  #joined(): SignalingClient {
    if (!this.#signaling || this.#state === 'connecting' || this.#state === 'disconnected') throw new RtcError('not-joined');
    return this.#signaling;
  }

  /** Turning a source on needs its permission (before joining, everything is allowed: a preview). */
  #assertMaySend(on: boolean, permission: Permission): void {
    if (!on || this.#state === 'disconnected') return;
    if (!this.can(permission)) throw new RtcError('not-allowed', 'Your role in this room cannot send this.');
  }

  #assertNotHeld(on: boolean, kind: MediaKind): void {
    if (on && kind === 'video' && this.#state !== 'disconnected' && this.#audioOnlyRoom) throw new RtcError('not-allowed', 'The call is audio only for now.');
    if (on && kind === 'video' && this.#audioOnly) throw new RtcError('not-allowed', 'Audio only is on: setAudioOnly(false) first.');
    if (!on || this.#state === 'disconnected' || !this.#roomState?.held[kind]) return;
    if (this.can('mute-others') || this.#unmuteAllowed.has(kind)) return;
    throw new RtcError('not-allowed', `A host holds ${kind === 'audio' ? 'microphones' : 'cameras'} muted for now.`);
  }

  #assertMay(permission: Permission): void {
    if (!this.can(permission)) throw new RtcError('not-allowed', 'Your role in this room does not allow this.');
  }

  #log(message: string): void {
    if (this.options.debug) console.debug(`[rtc ${this.#roster.self.userId || '-'}] ${message}`);
  }
}

/** Signaling held for one person not back yet; an ICE restart or two fits, a runaway does not. */
const MAX_HELD_SIGNALS = 200;

const defaultConnect = (url: string): WebSocketLike => {
  if (typeof WebSocket === 'undefined') throw new RtcError('unsupported', 'This environment has no WebSocket.');
  // The DOM types its handlers with `this` and exact event classes; the shapes we use are the same.
  return new WebSocket(url) as unknown as WebSocketLike;
};
