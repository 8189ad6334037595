/**
 * RtcClient: one room session. It joins with a token, keeps the participants as immutable
 * snapshots, and survives dropped sockets (resume) and lost media paths (ICE restart).
 * Media travels through a Transport (full mesh now); see core/types.ts for the model and events.
 */
import { Emitter } from './emitter.js';
import { RtcError } from './errors.js';
import { DEFAULTS } from './defaults.js';
import type { ChatMessage, ParticipantInfo, RoomLimits } from '../protocol/model.js';
import type { JoinedMessage, ServerMessage } from '../protocol/server-messages.js';
import type {
  ConnectionState, DeviceKind, DeviceList, LeaveReason, LeftReason, LinkState, Participant, ParticipantStats,
  RtcClientEvents, TrackSource,
} from './types.js';
import { DefaultReconnectPolicy, type ReconnectPolicy } from './signaling/reconnect-policy.js';
import { SignalingClient, type JoinKind } from './signaling/signaling-client.js';
import { readTokenClaims } from './signaling/token-claims.js';
import { LocalMedia } from './media/local-media.js';
import { DeviceManager } from './media/devices.js';
import { cameraEncoding, resolveVideoProfile } from './media/profiles.js';
import { ActiveSpeakerDetector } from './audio/active-speaker.js';
import { LevelMeter } from './audio/level-meter.js';
import { StatsCollector } from './stats/stats-collector.js';
import { MeshTransport } from './transports/mesh-transport.js';
import type { Transport } from './transports/transport.js';
import { emptySelf, remoteFromInfo, snapshot, streamOf } from './participants/participant.js';

export interface JoinOptions {
  password?: string;
  /** Start with the microphone on (default true, or as left in the preview; always false for viewers). */
  audio?: boolean;
  /** Start with the camera on (default true, or as left in the preview; always false for viewers). */
  video?: boolean;
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
  /** When to retry after the signaling socket drops, and when to give up (default: a delay table with jitter, up to 60 s). */
  reconnectPolicy?: ReconnectPolicy;
  /** Log state transitions and recoveries with console.debug. */
  debug?: boolean;
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

type RemoteTracks = Partial<Record<TrackSource, MediaStreamTrack>>;

export class RtcClient extends Emitter<RtcClientEvents> {
  #state: ConnectionState = 'disconnected';
  #roomId: string | null = null;
  #self: Participant = emptySelf();
  #participants: ReadonlyMap<string, Participant> = new Map();
  #remoteTracks = new Map<string, RemoteTracks>();
  /** One stream per remote screen track, shown in the snapshot while they share. */
  #screenStreams = new WeakMap<MediaStreamTrack, MediaStream>();
  #activeSpeaker: string | null = null;
  #screenSharer: string | null = null;
  #messages: readonly ChatMessage[] = [];
  #hands: readonly string[] = [];
  #limits: RoomLimits | null = null;
  #iceServers: RTCIceServer[] = [];

  readonly #media: LocalMedia;
  readonly #devices: DeviceManager;
  readonly #stats = new StatsCollector();
  readonly #speakers = new ActiveSpeakerDetector();
  #meter: LevelMeter | null = null;
  #signaling: SignalingClient | null = null;
  #transport: Transport | null = null;
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
    this.#media.on('track', ({ source, track }) => this.#localTrackChanged(source, track));
    this.#media.on('ended', ({ source }) => {
      if (source === 'screen') void this.#stopSharing(); // the browser's own "Stop sharing"
    });
    this.#devices.on('device-change', (detail) => this.emit('device-change', detail));
    this.#devices.on('device-selected', (detail) => this.emit('device-selected', detail));
    this.#devices.on('error', (detail) => this.emit('error', detail));
  }

  get state(): ConnectionState { return this.#state; }
  get roomId(): string | null { return this.#roomId; }
  /** The local participant; exists before join for a preview. */
  get self(): Participant { return this.#self; }
  /** Remote participants by user id, in join order. A new map on every change. */
  get participants(): ReadonlyMap<string, Participant> { return this.#participants; }
  get activeSpeaker(): string | null { return this.#activeSpeaker; }
  get screenSharer(): string | null { return this.#screenSharer; }
  get selectedDevices(): Partial<Record<DeviceKind, string>> {
    const selected: Partial<Record<DeviceKind, string>> = {};
    const camera = this.#media.deviceId('camera');
    const microphone = this.#media.deviceId('microphone');
    if (camera) selected.camera = camera;
    if (microphone) selected.microphone = microphone;
    if (this.#devices.speaker) selected.speaker = this.#devices.speaker;
    return selected;
  }
  /** Chat history from `joined` plus every message since, oldest first, without duplicates. */
  get messages(): readonly ChatMessage[] { return this.#messages; }
  get hands(): readonly string[] { return this.#hands; }
  /** What the server allows in this room (participants, frame and chat sizes); null until joined. */
  get limits(): RoomLimits | null { return this.#limits; }

  /**
   * Join the room the token names. Resolves once admitted; rejects with the server's refusal
   * (`wrong-password`, `token-expired`, `room-full`…), `network` or `timeout`. A camera or
   * microphone that cannot be opened does not fail the join: it stays off and an `error` event says why.
   */
  async join(token: string, options: JoinOptions = {}): Promise<void> {
    if (this.#state !== 'disconnected') throw new RtcError('not-allowed', 'Already in a room: call leave() first.');
    const claims = readTokenClaims(token);
    const url = this.#signalingUrl();
    const role = claims.role ?? 'participant';
    this.#setSelf({ ...this.#self, userId: claims.sub, name: claims.name ?? claims.sub, role });
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

    const mediaWasOn = this.#media.cameraOn || this.#media.track('microphone') !== null;
    const mediaReady = this.#prepareMedia(role === 'viewer', options);
    try {
      await signaling.join({
        room: claims.room,
        token,
        password: options.password,
        ready: Promise.race([mediaReady, new Promise((resolve) => setTimeout(resolve, DEFAULTS.joinMediaWaitMs))]),
        media: () => ({ audio: this.#media.microphoneOn, video: this.#media.cameraOn }),
      });
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

  async setMicrophone(on: boolean): Promise<void> {
    this.#assertMaySend(on);
    if (this.#state === 'disconnected') this.#previewChoice.audio = on;
    await this.#media.setMicrophone(on);
  }

  /** Off stops the camera (its light goes off); on captures again. Peers never renegotiate for either. */
  async setCamera(on: boolean): Promise<void> {
    this.#assertMaySend(on);
    if (this.#state === 'disconnected') this.#previewChoice.video = on;
    await this.#media.setCamera(on);
  }

  /**
   * Share the screen (one sharer per room: the server is asked first, `screen-share-busy` when taken),
   * or stop sharing. Closing the browser's picker rejects with `screen-share-cancelled`.
   */
  async shareScreen(on: boolean): Promise<void> {
    const signaling = this.#signaling;
    if (!on) {
      if (this.#media.track('screen')) await this.#stopSharing();
      return;
    }
    this.#assertMaySend(true);
    if (!signaling || this.#state === 'disconnected' || this.#state === 'connecting') throw new RtcError('not-joined');
    if (this.#media.track('screen')) return;
    await signaling.request({ type: 'screen', on: true });
    try {
      await this.#media.startScreen();
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
    await this.#media.setProfile(resolveVideoProfile(name));
    await this.#transport?.setCameraEncoding();
  }

  getStats(): Promise<ReadonlyMap<string, ParticipantStats>> {
    return this.#stats.collect(this.#transport, this.#self.userId, this.#meter?.level() ?? 0);
  }

  /** Host only. */
  async kick(userId: string): Promise<void> {
    this.#assertHost();
    await this.#joined().request({ type: 'kick', userId });
  }

  /** Resolves with the stored message once the server has it; sent exactly once even across a reconnect. */
  async sendMessage(text: string, options: { to?: string[] } = {}): Promise<ChatMessage> {
    const signaling = this.#joined();
    if (typeof text !== 'string' || !text.trim()) throw new RtcError('bad-message', 'A chat message needs some text.');
    if (new TextEncoder().encode(text).length > (this.#limits?.maxChatBytes ?? Infinity)) throw new RtcError('too-large');
    const ack = await signaling.request({ type: 'chat', text, ...(options.to?.length ? { to: options.to } : {}) });
    if (!ack.message) throw new RtcError('server-error', 'The server did not return the stored message.');
    this.#addMessage(ack.message, true);
    return ack.message;
  }

  /** An application payload for everyone else, or for `to`; resolves when the server accepted it. */
  async sendData(payload: unknown, options: { to?: string[] } = {}): Promise<void> {
    await this.#joined().request({ type: 'data', payload, ...(options.to?.length ? { to: options.to } : {}) });
  }

  async raiseHand(raised: boolean): Promise<void> {
    this.#joined().send({ type: 'hand', raised });
  }

  /** Host only: lower someone else's hand. */
  async lowerHand(userId: string): Promise<void> {
    if (userId !== this.#self.userId) this.#assertHost();
    this.#joined().send({ type: 'hand', raised: false, userId });
  }

  async sendReaction(emoji: string): Promise<void> {
    this.#joined().send({ type: 'reaction', emoji });
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
    this.#setSelf({ ...this.#self, link: link[next] });
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
    this.#hands = [...message.hands];
    this.#setSelf({
      ...this.#self,
      userId: message.self.userId,
      sessionId: message.self.sessionId,
      name: message.self.name,
      role: message.self.role,
      joinedAt: message.self.joinedAt,
      handRaised: message.hands.includes(message.self.userId),
    });
    for (const chat of message.history) this.#addMessage(chat, chat.from === message.self.userId, kind !== 'first');

    if (kind !== 'wholesale') {
      // A new session: every link starts over, and we are the newcomer who offers.
      this.#transport?.close();
      this.#transport = this.#createTransport();
    }
    this.#reconcile(message.participants, kind);
    this.#screenSharer = message.screenSharer;
    if (kind !== 'wholesale') {
      for (const participant of this.#participants.values()) {
        this.#transport!.connect({ userId: participant.userId, sessionId: participant.sessionId, receiveOnly: participant.role === 'viewer' });
      }
    }

    if (kind === 'rejoined' && this.#media.track('screen')) {
      // The new session is not sharing yet as far as the server knows: ask again, or stop.
      void this.#signaling?.request({ type: 'screen', on: true }).then(
        () => (this.#screenSharer = this.#self.userId),
        () => this.#stopSharing(),
      );
    }
    if (kind === 'first') this.#startSession();
    this.#setState('connected');
    if (kind === 'first') this.emit('joined', { roomId: message.roomId, userId: message.self.userId });
    else this.#setHands(message.hands);
  }

  /** Bring the participant list in line with the server's (after join, or a resume that lost the replay). */
  #reconcile(infos: readonly ParticipantInfo[], kind: JoinKind): void {
    const incoming = new Map(infos.map((info) => [info.userId, info]));
    for (const participant of this.#participants.values()) {
      const info = incoming.get(participant.userId);
      if (!info || info.sessionId !== participant.sessionId) this.#removeParticipant(participant.userId, info ? 'replaced' : 'left');
    }
    for (const info of infos) {
      if (this.#participants.has(info.userId)) this.#updateFromInfo(info);
      else this.#addParticipant(info, kind !== 'first');
    }
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

  /** The session is over (hang up, kicked, replaced, gave up reconnecting): release everything. */
  #end(reason: LeftReason, error?: RtcError): void {
    const signaling = this.#signaling;
    if (!signaling) return;
    this.#signaling = null;
    signaling.close();
    this.#participants = new Map();
    this.#transport?.close();
    this.#transport = null;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    for (const unlisten of this.#unlisten) unlisten();
    this.#unlisten = [];
    this.#devices.unwatch();
    this.#meter?.close();
    this.#meter = null;
    this.#media.stopAll();
    this.#stats.reset();
    this.#speakers.reset();
    this.#remoteTracks.clear();
    this.#hands = [];
    this.#screenSharer = null;
    this.#activeSpeaker = null;
    this.#roomId = null;
    this.#limits = null;
    const wasAdmitted = this.#self.sessionId !== '';
    this.#setSelf({ ...this.#self, sessionId: '', handRaised: false });
    this.#setState('disconnected');
    if (wasAdmitted) this.emit('left', error ? { reason, error } : { reason });
  }

  #receive(message: ServerMessage): void {
    switch (message.type) {
      case 'participant-joined': {
        const { participant } = message;
        if (participant.userId === this.#self.userId) return;
        const known = this.#participants.get(participant.userId);
        if (known && known.sessionId !== participant.sessionId) this.#removeParticipant(participant.userId, 'replaced');
        if (this.#participants.has(participant.userId)) this.#updateFromInfo(participant);
        else this.#addParticipant(participant, true);
        return;
      }
      case 'participant-left': {
        const known = this.#participants.get(message.userId);
        if (known && known.sessionId === message.sessionId) this.#removeParticipant(message.userId, message.reason);
        return;
      }
      case 'participant-updated':
        if (message.participant.userId === this.#self.userId) {
          this.#setSelf({ ...this.#self, name: message.participant.name, role: message.participant.role });
        } else if (this.#participants.get(message.participant.userId)?.sessionId === message.participant.sessionId) {
          this.#updateFromInfo(message.participant);
        }
        return;
      case 'signal':
        // Only from the sessions we know: a stray one would open a link nobody closes.
        if (this.#participants.get(message.from)?.sessionId === message.fromSession) {
          this.#transport?.handleSignal(message.from, message.fromSession, message.payload);
        }
        return;
      case 'chat':
        this.#addMessage(message.message, message.message.from === this.#self.userId);
        return;
      case 'data':
        this.emit('data', { from: message.from, payload: message.payload, private: message.private });
        return;
      case 'hands':
        this.#setHands(message.queue);
        return;
      case 'reaction':
        this.emit('reaction', { from: message.from, emoji: message.emoji, ts: message.ts });
        return;
      case 'error':
        this.emit('error', { error: new RtcError(message.code, message.message || undefined) });
        return;
    }
  }

  // ---- participants ----

  #setSelf(next: Participant): void {
    const previous = this.#self;
    const frozen = snapshot(next);
    this.#self = frozen;
    this.emit('participant-updated', { participant: frozen, previous });
    this.#emitMediaChanges(previous, frozen);
  }

  #addParticipant(info: ParticipantInfo, announce: boolean): void {
    const participant = remoteFromInfo(info, this.#hands.includes(info.userId));
    this.#participants = new Map([...this.#participants, [info.userId, participant]]);
    if (info.media.screen) this.#screenSharer = info.userId;
    if (announce) this.emit('participant-joined', { participant });
  }

  #removeParticipant(userId: string, reason: LeaveReason): void {
    const participant = this.#participants.get(userId);
    if (!participant) return;
    this.#transport?.disconnect(userId); // emits track-removed for their tracks
    this.#remoteTracks.delete(userId);
    const rest = new Map(this.#participants);
    rest.delete(userId);
    this.#participants = rest;
    if (this.#activeSpeaker === userId) this.#setActiveSpeaker(null);
    this.emit('participant-left', { participant, reason });
    if (this.#screenSharer === userId) {
      this.#screenSharer = null;
      this.emit('screen-share', { userId, local: false, active: false });
    }
  }

  #updateFromInfo(info: ParticipantInfo): void {
    this.#patchRemote(info.userId, { name: info.name, role: info.role, media: info.media });
  }

  /** Replace one remote snapshot, derive its streams from its tracks and media state, and emit what changed. */
  #patchRemote(userId: string, patch: Partial<Participant>): void {
    const previous = this.#participants.get(userId);
    if (!previous) return;
    const merged = { ...previous, ...patch };
    const tracks = this.#remoteTracks.get(userId) ?? {};
    const cameraAndMicrophone = [tracks.microphone, tracks.camera].filter((t): t is MediaStreamTrack => !!t);
    const screenTrack = merged.media.screen ? tracks.screen : undefined;
    let screenStream: MediaStream | null = null;
    if (screenTrack) {
      screenStream = this.#screenStreams.get(screenTrack) ?? new MediaStream([screenTrack]);
      this.#screenStreams.set(screenTrack, screenStream);
    }
    const next = snapshot({ ...merged, stream: streamOf(previous.stream, cameraAndMicrophone), screenStream });
    this.#participants = new Map([...this.#participants].map(([id, p]) => [id, id === userId ? next : p]));
    if (previous.media.screen !== next.media.screen) this.#screenSharer = sharerAfter(this.#screenSharer, userId, next.media.screen);
    this.emit('participant-updated', { participant: next, previous });
    this.#emitMediaChanges(previous, next);
    if (previous.screenStream !== next.screenStream) {
      const old = previous.screenStream?.getVideoTracks()[0];
      if (old && previous.screenStream) this.emit('track-removed', { userId, source: 'screen', track: old, stream: previous.screenStream });
      if (screenTrack && screenStream) this.emit('track-added', { userId, source: 'screen', track: screenTrack, stream: screenStream });
    }
  }

  #emitMediaChanges(previous: Participant, next: Participant): void {
    for (const kind of ['audio', 'video'] as const) {
      if (previous.media[kind] !== next.media[kind]) {
        this.emit('mute-change', { userId: next.userId, local: next.local, kind, muted: !next.media[kind] });
      }
    }
    if (previous.media.screen !== next.media.screen) {
      this.emit('screen-share', { userId: next.userId, local: next.local, active: next.media.screen });
    }
  }

  #setHands(queue: readonly string[]): void {
    this.#hands = [...queue];
    if (this.#self.handRaised !== queue.includes(this.#self.userId)) {
      this.#setSelf({ ...this.#self, handRaised: !this.#self.handRaised });
    }
    for (const participant of this.#participants.values()) {
      const raised = queue.includes(participant.userId);
      if (participant.handRaised !== raised) this.#patchRemote(participant.userId, { handRaised: raised });
    }
    this.emit('hands', { queue: this.#hands });
  }

  #addMessage(message: ChatMessage, local: boolean, announce = true): void {
    if (this.#messages.some((m) => m.id === message.id)) return;
    this.#messages = [...this.#messages, message].sort((a, b) => a.ts - b.ts);
    if (announce) this.emit('message', { message, local });
  }

  // ---- media ----

  #createTransport(): Transport {
    const transport = new MeshTransport({
      localUserId: this.#self.userId,
      receiveOnly: this.#self.role === 'viewer',
      iceServers: this.#iceServers,
      cameraEncoding: () => this.#cameraEncoding(),
      log: (message) => this.#log(message),
    });
    for (const source of ['microphone', 'camera', 'screen'] as const) {
      void transport.setLocalTrack(source, this.#media.track(source));
    }
    transport.on('signal', ({ to, payload }) => this.#signaling?.send({ type: 'signal', to, payload }));
    transport.on('link-state', ({ userId, state }) => this.#patchRemote(userId, { link: state }));
    transport.on('track-added', ({ userId, source, track }) => this.#remoteTrack(userId, source, track));
    transport.on('track-removed', ({ userId, source, track }) => this.#remoteTrack(userId, source, track, true));
    return transport;
  }

  #remoteTrack(userId: string, source: TrackSource, track: MediaStreamTrack, removed = false): void {
    if (!this.#participants.has(userId)) return;
    const tracks = { ...this.#remoteTracks.get(userId) };
    if (removed ? tracks[source] !== track : tracks[source] === track) return;
    if (removed) delete tracks[source];
    else tracks[source] = track;
    this.#remoteTracks.set(userId, tracks);
    this.#patchRemote(userId, {});
    if (source === 'screen') return; // announced with the share itself, in #patchRemote
    const stream = this.#participants.get(userId)?.stream ?? new MediaStream([track]);
    this.emit(removed ? 'track-removed' : 'track-added', { userId, source, track, stream });
  }

  #localTrackChanged(source: TrackSource, track: MediaStreamTrack | null): void {
    const media = { audio: this.#media.microphoneOn, video: this.#media.cameraOn, screen: !!this.#media.track('screen') };
    const live = [this.#media.track('microphone'), this.#media.track('camera')].filter((t): t is MediaStreamTrack => !!t);
    const screen = this.#media.track('screen');
    const previousMedia = this.#self.media;
    if (source === 'screen') this.#screenSharer = sharerAfter(this.#screenSharer, this.#self.userId, !!track);
    this.#setSelf({
      ...this.#self,
      media,
      stream: streamOf(this.#self.stream, live),
      screenStream: streamOf(this.#self.screenStream, screen ? [screen] : []),
    });
    if (source === 'microphone') this.#meter?.setTrack(track);
    if (this.#transport) {
      void this.#transport.setLocalTrack(source, track);
      if (source === 'camera' && track) void this.#transport.setCameraEncoding();
    }
    if (previousMedia.audio !== media.audio || previousMedia.video !== media.video) {
      this.#signaling?.send({ type: 'media', media: { audio: media.audio, video: media.video } });
    }
  }

  #cameraEncoding(): RTCRtpEncodingParameters {
    return cameraEncoding(this.#media.profile, this.#media.track('camera')?.getSettings());
  }

  #sampleAudioLevels(remote: ReadonlyMap<string, number>): void {
    const levels = new Map<string, number>();
    for (const [userId, level] of remote) if (this.#participants.has(userId)) levels.set(userId, level);
    levels.set(this.#self.userId, this.#media.microphoneOn ? (this.#meter?.level() ?? 0) : 0);
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

  #signalingUrl(): string {
    const base = this.options.server ?? (typeof location !== 'undefined' ? location.origin : undefined);
    if (!base) throw new RtcError('network', 'No server URL: pass `server` in the options.');
    const url = new URL(base);
    url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
    url.pathname = url.pathname.replace(/\/$/, '') + (this.options.path ?? DEFAULTS.path);
    return url.toString();
  }

  #joined(): SignalingClient {
    if (!this.#signaling || this.#state === 'connecting' || this.#state === 'disconnected') throw new RtcError('not-joined');
    return this.#signaling;
  }

  #assertMaySend(on: boolean): void {
    const role = this.#state !== 'disconnected' ? this.#self.role : 'participant';
    if (on && role === 'viewer') throw new RtcError('not-allowed', 'A viewer cannot send audio or video.');
  }

  #assertHost(): void {
    if (this.#self.role !== 'host') throw new RtcError('not-allowed', 'Only a host can do this.');
  }

  #log(message: string): void {
    if (this.options.debug) console.debug(`[rtc ${this.#self.userId || '-'}] ${message}`);
  }
}

/** Who shares after `userId` started (`sharing`) or stopped. */
function sharerAfter(current: string | null, userId: string, sharing: boolean): string | null {
  return sharing ? userId : current === userId ? null : current;
}

const defaultConnect = (url: string): WebSocketLike => {
  if (typeof WebSocket === 'undefined') throw new RtcError('unsupported', 'This environment has no WebSocket.');
  // The DOM types its handlers with `this` and exact event classes; the shapes we use are the same.
  return new WebSocket(url) as unknown as WebSocketLike;
};
