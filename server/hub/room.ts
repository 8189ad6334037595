import type { ChatMessage, LeaveReason, MediaKind, MediaPolicy, RoomState } from '../../protocol/model.js';
import type { Role } from '../../protocol/ids.js';
import { can, moderates, receivesOnly } from '../../protocol/permissions.js';
import { Lobby } from './lobby.js';
import type { JoinedMessage, RTCIceServerInit } from '../../protocol/server-messages.js';
import type { Connection } from './connection.js';
import type { HubContext } from './context.js';
import type { HubConfig } from './hub-config.js';
import type { MediaMember, MediaRoom } from './media-server.js';
import { autoMediaMove, MEDIA_DRAIN_MS } from './auto-media.js';
import type { ParticipantLeftReason } from './hub-events.js';
import type { OutgoingFrame, Session } from './session.js';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { newestPage } from './history-page.js';
import { HubError } from './errors.js';
import { verifyPassword } from './password.js';
import { ROOM_RECORD_VERSION, type PasswordHash, type RoomRecord, type RoomSettingsChange } from './room-store.js';

/** Chat written to the store at most this late (a crash loses at most this much of it). */
const HISTORY_SAVE_DELAY_MS = 1000;

/**
 * One instance of a named room: its members in join order, the screen sharer, raised hands, and
 * what outlives its members in the room store (settings, bans, chat history). It is in memory while
 * someone is in it or on the way in; every change to the stored part is written back.
 */
export class Room {
  /** By user id; a Map keeps insertion order, which is join order. */
  readonly members = new Map<string, Session>();
  readonly id: string;
  /** Random per instance; tokens minted for this instance (POST /api/rooms) carry it. */
  readonly instance: string;
  readonly createdAt: number;
  readonly config: HubConfig;
  screenSharer: string | null = null;
  readonly hands: string[] = [];
  /** Who records the call on their device, oldest first (their own word: see handlers/recording.ts). */
  readonly recorders: string[] = [];
  title: string | null;
  locked: boolean;
  lobby: boolean;
  /** Sources a host muted everyone on with `hold`. */
  readonly held: Record<MediaKind, boolean> = { audio: false, video: false };
  /** A host made the call audio only: no camera may be on (see handlers/audio-only.ts). */
  audioOnly = false;
  /** When a host last ended the room: tokens issued before it no longer admit. */
  endedAt: number | null;
  /** Newcomers waiting for a host while `lobby` is on. */
  readonly lobbyQueue: Lobby;
  /** Its media on the media server while occupied (SFU rooms, docs/media-server.md); null: a mesh. */
  media: MediaRoom | null = null;
  /** The media server records the room (server recording, handlers/server-recording.ts); null when not. */
  serverRecording: { by: string; startedAt: number } | null = null;
  /** Chosen at creation; null: the server's default. */
  private readonly mediaPolicy: MediaPolicy | null;
  /** The last `room-state` sent, to send one only when something changed. */
  private sentState = '';
  private readonly history: ChatMessage[];
  private readonly banned: Set<string>;
  private password: PasswordHash | null;
  private ownMaxParticipants: number | null;
  /** Joins between opening the room and seating the person (e.g. while their password is checked). */
  private joining = 0;
  /** The stored record's expiry: null while occupied, set the moment the room empties. */
  private expiresAt: number | null;
  private saving = false;
  private unsaved = false;
  private historyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ctx: HubContext, record: RoomRecord) {
    this.config = ctx.config;
    this.id = record.id;
    this.instance = record.instance;
    this.createdAt = record.createdAt;
    this.password = record.password;
    this.ownMaxParticipants = record.maxParticipants;
    this.banned = new Set(record.bans);
    this.expiresAt = record.expiresAt;
    this.history = ctx.config.historySize > 0 ? record.history.slice(-ctx.config.historySize) : [];
    this.title = record.title;
    this.locked = record.locked;
    this.lobby = record.lobby;
    this.endedAt = record.endedAt;
    this.mediaPolicy = record.media ?? null;
    this.lobbyQueue = new Lobby(() => this.sendLobby(), ctx.now);
    this.sentState = JSON.stringify(this.state());
  }

  /**
   * Turns `kind` off for `target` and tells everyone; the target gets `muted` and their engine turns
   * the source off. `by` is who did it (a host, or an admin through the HTTP API).
   */
  mute(target: Session, kind: MediaKind, by: { userId: string; name: string }): void {
    target.grantUnmute(kind, false);
    if (!target.media[kind]) return;
    target.media = { ...target.media, [kind]: false };
    this.broadcast({ type: 'participant-updated', participant: target.info() }, target);
    target.send({ type: 'muted', kind, by: by.userId, byName: by.name });
  }

  /** Hosts get the waiting list whenever it changes (and on joining, or becoming host, if anyone waits). */
  sendLobby(only?: Session): void {
    const frame = { type: 'lobby', waiting: this.lobbyQueue.list() } as const;
    if (only) return only.send(frame);
    for (const member of this.members.values()) if (can(member.role, 'admit')) member.send(frame);
  }

  /**
   * A new role for `target`, told to everyone (`role-changed`). What the new role may not publish
   * goes off; what it may, stays as it was (a promoted viewer is asked by their engine, never opened).
   */
  changeRole(target: Session, role: Role, by: Session | null): void {
    const previous = target.role;
    if (previous === role) return;
    target.role = role;
    // Between receive-only and sending their engine starts its media over, and so do we on the media server.
    if (receivesOnly(role) !== receivesOnly(previous) && this.media) {
      this.media.leave(target.userId);
      this.media.join(this.mediaMember(target));
    }
    const { media } = target;
    target.media = {
      audio: media.audio && can(role, 'publish-audio'),
      video: media.video && can(role, 'publish-video'),
      screen: media.screen && can(role, 'publish-screen'),
    };
    if (!target.media.screen && this.screenSharer === target.userId) this.screenSharer = null;
    this.broadcast({ type: 'role-changed', participant: target.info(), previous, by: by?.userId ?? null });
    if (can(role, 'admit') && !can(previous, 'admit') && this.lobbyQueue.size > 0) this.sendLobby(target);
    this.stateChanged();
    this.reconsiderMedia();
  }

  /**
   * The last host left: the host role passes to whoever has been in the room longest among those
   * who send (participants), else among the viewers. A room nobody is left in needs no host.
   */
  private passHostOn(): void {
    const members = [...this.members.values()];
    if (members.length === 0 || members.some((m) => moderates(m.role))) return;
    const heir = members.find((m) => !receivesOnly(m.role)) ?? members[0];
    this.changeRole(heir, 'host', null);
  }

  /**
   * A host ended the room: everyone (waiting ones too) is out with `room-ended`, and tokens issued
   * up to now no longer admit (their `iat` is not after `endedAt`).
   */
  end(message = 'The host ended the room for everyone.'): void {
    this.endedAt = this.ctx.now();
    this.lobbyQueue.decideAll('ended');
    const members = [...this.members.values()];
    for (const session of members) {
      session.end('room-ended', message, CLOSE_CODES.ended);
      this.members.delete(session.userId);
      this.ctx.sessions.delete(session.id);
      session.stopTimers();
      this.emitLeft(session, 'ended');
    }
    if (members.length > 0) this.ctx.onEvent({ type: 'room.ended', roomId: this.id, data: { instance: this.instance, reason: 'ended' } });
    this.screenSharer = null;
    this.hands.length = 0;
    this.recorders.length = 0;
    this.held.audio = this.held.video = false;
    this.audioOnly = false;
    this.emptied();
    this.releaseIfUnused();
  }

  /** The room's state as everyone sees it (`joined.room`, `room-state`). */
  state(): RoomState {
    return {
      title: this.title,
      locked: this.locked,
      lobby: this.lobby,
      hands: [...this.hands],
      screenSharer: this.screenSharer,
      hosts: [...this.members.values()].filter((m) => moderates(m.role)).map((m) => m.userId),
      recording: this.recorders.length > 0,
      recorders: [...this.recorders],
      held: { ...this.held },
      audioOnly: this.audioOnly,
      serverRecording: this.serverRecording && { ...this.serverRecording },
    };
  }

  /**
   * Call after changing anything `state()` reads: everyone gets the new state if it differs from the
   * last one sent. `persist` when a stored flag (title, lock, lobby) changed.
   */
  stateChanged(persist = false): void {
    if (persist) this.save();
    const text = JSON.stringify(this.state());
    if (text === this.sentState) return;
    this.sentState = text;
    this.broadcast({ type: 'room-state', state: this.state() });
  }

  /** A join is on its way in: the room stays in memory until `endJoin`. */
  beginJoin(): void {
    this.joining++;
  }

  endJoin(): void {
    this.joining--;
    this.releaseIfUnused();
  }

  /** Throws the fatal error that keeps `userId` out, if any. Their own older session does not count: the new one replaces it. */
  checkAdmission(userId: string, role: Role, admittedByHost = false): void {
    if (this.banned.has(userId)) {
      throw new HubError('kicked', 'You were removed from this room.', { fatal: true });
    }
    if (this.locked && !admittedByHost && !this.members.has(userId) && !moderates(role)) {
      throw new HubError('room-locked', 'The room is locked: nobody new can join.', { fatal: true });
    }
    const others = this.members.size - (this.members.has(userId) ? 1 : 0);
    if (others >= this.maxParticipants) {
      throw new HubError('room-full', `The room is full (${this.maxParticipants} people).`, { fatal: true });
    }
    if (this.mayUseMediaServer) this.checkSfuRoom(userId, role);
  }

  // sfu2: the limits of a room on the media server
  /** On the media server now, or an `sfu`/`auto` room on a server that has one: its limits are the SFU's. */
  private get mayUseMediaServer(): boolean {
    return this.media !== null || (!!this.ctx.mediaServer && (this.mediaPolicy ?? this.config.media) !== 'mesh');
  }

  /** Senders and viewers are counted apart: a big audience costs the senders nothing through Janus. */
  private checkSfuRoom(userId: string, role: Role): void {
    const viewer = receivesOnly(role);
    const alike = [...this.members.values()].filter((m) => m.userId !== userId && receivesOnly(m.role) === viewer).length;
    const limit = viewer ? this.config.sfuMaxViewers : this.config.sfuMaxSenders;
    if (alike >= limit) {
      throw new HubError('room-full', `The room is full (${limit} ${viewer ? 'viewers' : 'people who send'}).`, { fatal: true });
    }
  }

  /** Throws `wrong-password`, or `rate-limited` once this client's attempts are spent, unless `password` opens the room. */
  async checkPassword(password: string | undefined, address: string, userId: string): Promise<void> {
    if (!this.password) return;
    if (!password) throw new HubError('wrong-password', 'This room needs a password.', { fatal: true });
    const throttle = this.ctx.passwordThrottle;
    // Spent attempts refuse every password, so a right guess cannot be told apart meanwhile.
    if (!throttle.attempt(address, userId)) {
      throw new HubError('rate-limited', 'Too many wrong passwords; try again later.', { fatal: true });
    }
    if (!(await verifyPassword(password, this.password))) {
      throw new HubError('wrong-password', 'The room password is wrong.', { fatal: true });
    }
    throttle.succeeded(address, userId);
  }

  /** Seats a new session (replacing the same user's older one) and tells everyone. */
  admit(session: Session, conn: Connection): void {
    // The one outside call first: if it throws, nothing has changed yet.
    const iceServers = this.ctx.iceServersFor(session.userId, this.id, session.tokenExpiresAtSeconds);
    const wasEmpty = this.members.size === 0;
    const previous = this.members.get(session.userId);
    if (previous) {
      previous.end('replaced', 'You joined this room from somewhere else.', CLOSE_CODES.replaced);
      this.evict(previous, 'replaced');
    }
    this.members.set(session.userId, session);
    this.ctx.sessions.set(session.id, session);
    session.attach(conn);
    if (wasEmpty && (this.mediaPolicy ?? this.config.media) === 'sfu') this.media ??= this.openMedia();
    this.reconsiderMedia(session);
    this.media?.join(this.mediaMember(session));
    session.send(this.joinedFrame(session, iceServers, false));
    this.broadcast({ type: 'participant-joined', participant: session.info() }, session);
    this.stateChanged();
    if (can(session.role, 'admit') && this.lobbyQueue.size > 0) this.sendLobby(session);
    if (wasEmpty) {
      this.expiresAt = null;
      this.save();
      this.ctx.onEvent({ type: 'room.started', roomId: this.id, data: { instance: this.instance } });
    }
    const { userId, id: sessionId, name, role } = session;
    this.ctx.onEvent({ type: 'participant.joined', roomId: this.id, data: { userId, sessionId, name, role } });
  }

  /** Gives a session a new socket: replays what it missed, or a full `joined` when the buffer ran out. */
  resume(session: Session, conn: Connection, lastSeq: number): void {
    const missed = session.missedSince(lastSeq);
    const iceServers = missed ? [] : this.ctx.iceServersFor(session.userId, this.id, session.tokenExpiresAtSeconds);
    // The old socket may be dead without knowing it, or still read by someone: tell it why it ends.
    session.unlink()?.replaced();
    session.attach(conn);
    if (missed) {
      conn.sendRaw({ type: 'resumed' });
      for (const text of missed) conn.sendText(text);
    } else {
      session.send(this.joinedFrame(session, iceServers, true));
    }
  }

  /** The socket is gone without a `leave`: keep the place for the grace period. */
  lost(session: Session): void {
    clearTimeout(session.graceTimer);
    session.graceTimer = setTimeout(() => {
      if (!session.conn) this.remove(session, 'timeout');
    }, this.config.graceMs);
  }

  /** Takes a session out and tells the others; once nobody is left, the stored record starts to expire. */
  remove(session: Session, reason: LeaveReason): void {
    const wasMember = this.members.get(session.userId) === session;
    this.evict(session, reason);
    if (moderates(session.role)) this.passHostOn();
    if (this.members.size === 0) {
      this.emptied();
      if (wasMember) this.ctx.onEvent({ type: 'room.ended', roomId: this.id, data: { instance: this.instance, reason: 'empty' } });
      this.releaseIfUnused();
    }
  }

  /** Keeps `userId` out of this room for as long as the room is stored. */
  ban(userId: string): void {
    this.banned.add(userId);
    this.save();
  }

  broadcast(frame: OutgoingFrame, except?: Session): void {
    for (const member of this.members.values()) if (member !== except) member.send(frame);
  }

  recordChat(message: ChatMessage): void {
    this.history.push(message);
    if (this.history.length > this.config.historySize) this.history.shift();
    // A busy chat is written once a second at most, not once a message.
    this.historyTimer ??= setTimeout(() => this.save(), HISTORY_SAVE_DELAY_MS);
  }

  /** Room-wide messages plus private ones to or from `userId`. */
  historyFor(userId: string): ChatMessage[] {
    return this.history.filter((m) => m.to === null || m.from === userId || m.to.includes(userId));
  }

  /** The newest of `userId`'s history (before message `before`), within `historyBytes`: see history-page.ts. */
  historyPage(userId: string, page: { before?: string; limit: number }): { history: ChatMessage[]; moreHistory: boolean } {
    const { messages, more } = newestPage(this.historyFor(userId), { ...page, maxBytes: this.config.historyBytes });
    return { history: messages, moreHistory: more };
  }

  /** Raises or lowers a hand; true when the queue changed. */
  setHand(userId: string, raised: boolean): boolean {
    const index = this.hands.indexOf(userId);
    if (raised && index === -1) this.hands.push(userId);
    else if (!raised && index !== -1) this.hands.splice(index, 1);
    else return false;
    return true;
  }

  /** Marks `userId` as recording the call locally or not; true when the list changed. */
  setRecording(userId: string, on: boolean): boolean {
    const index = this.recorders.indexOf(userId);
    if (on && index === -1) this.recorders.push(userId);
    else if (!on && index !== -1) this.recorders.splice(index, 1);
    else return false;
    return true;
  }

  /** The hub shuts down: sockets are closed with `closeCode`, and the stored record expires as if everyone had left. */
  destroy(closeCode: number): void {
    const occupied = this.members.size > 0;
    for (const session of this.members.values()) {
      session.stopTimers();
      this.ctx.sessions.delete(session.id);
      session.unlink()?.close(closeCode, 'server shutting down');
      this.emitLeft(session, 'shutdown');
    }
    this.members.clear();
    if (occupied) {
      this.emptied();
      this.ctx.onEvent({ type: 'room.ended', roomId: this.id, data: { instance: this.instance, reason: 'shutdown' } });
    }
    this.release();
  }

  // ——— Settings (the admin API: room-admin.ts) ———

  /** Cap on people: the room's own limit, never above the server's (for a room on the media server, its senders and viewers). */
  get maxParticipants(): number {
    const serverCap = this.mayUseMediaServer ? this.config.sfuMaxSenders + this.config.sfuMaxViewers : this.config.maxParticipants;
    return Math.min(this.ownMaxParticipants ?? Infinity, serverCap);
  }

  get hasPassword(): boolean {
    return this.password !== null;
  }

  /** The room's own limit; null for the server's cap. */
  get ownLimit(): number | null {
    return this.ownMaxParticipants;
  }

  /**
   * Changes what `changes` holds, stores it and tells everyone the new state, as a host's
   * `room-settings` does. People already in stay, whatever the new limit or password.
   */
  changeSettings(changes: RoomSettingsChange): void {
    if (changes.password !== undefined) this.password = changes.password;
    if (changes.maxParticipants !== undefined) this.ownMaxParticipants = changes.maxParticipants;
    if (changes.title !== undefined) this.title = changes.title;
    if (changes.locked !== undefined) this.locked = changes.locked;
    if (changes.lobby !== undefined) {
      this.lobby = changes.lobby;
      // No lobby any more: whoever was waiting gets in.
      if (!changes.lobby) this.lobbyQueue.decideAll('admitted');
    }
    this.stateChanged(true);
  }

  /** What the store keeps of this room right now. */
  private toRecord(): RoomRecord {
    return {
      v: ROOM_RECORD_VERSION,
      id: this.id,
      instance: this.instance,
      createdAt: this.createdAt,
      password: this.password,
      maxParticipants: this.ownMaxParticipants,
      bans: [...this.banned],
      history: [...this.history],
      expiresAt: this.expiresAt,
      title: this.title,
      locked: this.locked,
      lobby: this.lobby,
      endedAt: this.endedAt,
      media: this.mediaPolicy,
    };
  }

  /** The stored settings start to expire now. */
  private emptied(): void {
    this.expiresAt = this.ctx.now() + this.config.emptyRoomTtlMs;
    this.save();
  }

  /**
   * Writes the record behind the change: at most one write in flight per room, and one more for
   * whatever changed meanwhile. Queued on the room's lock, so a later open reads what was written.
   */
  private save(): void {
    clearTimeout(this.historyTimer);
    this.historyTimer = undefined;
    this.unsaved = true;
    if (this.saving) return;
    this.saving = true;
    void this.ctx.roomLock.run(this.id, async () => {
      try {
        while (this.unsaved) {
          this.unsaved = false;
          await this.ctx.roomStore.put(this.toRecord());
        }
      } catch (error) {
        this.ctx.log.error(`saving room ${this.id} failed`, error);
      } finally {
        this.saving = false;
      }
    });
  }

  /** Nobody in it and nobody on the way in: only the stored record remains. */
  private releaseIfUnused(): void {
    if (this.members.size === 0 && this.joining === 0) this.release();
  }

  private release(): void {
    this.serverRecording = null;
    this.media?.close();
    this.media = null;
    this.closeDrainingMedia();
    if (this.ctx.rooms.get(this.id) === this) this.ctx.rooms.delete(this.id);
  }

  private evict(session: Session, reason: LeaveReason): void {
    if (this.members.get(session.userId) !== session) return;
    this.members.delete(session.userId);
    this.ctx.sessions.delete(session.id);
    session.stopTimers();
    session.unlink();
    this.media?.leave(session.userId);
    this.drainingMedia?.room.leave(session.userId);
    if (this.screenSharer === session.userId) this.screenSharer = null;
    this.setHand(session.userId, false);
    this.setRecording(session.userId, false);
    this.broadcast({ type: 'participant-left', userId: session.userId, sessionId: session.id, reason });
    this.stateChanged();
    this.emitLeft(session, reason);
    if (this.members.size > 0) this.reconsiderMedia();
  }

  // sfu2: the `auto` policy
  /** The old room on the media server after a move back to the mesh, until the engines have linked up. */
  private drainingMedia: { room: MediaRoom; timer: ReturnType<typeof setTimeout> } | null = null;

  /**
   * An `auto` room moves to the media server when it has more senders than a mesh should carry or any
   * viewer, and back when neither holds; everyone hears `media-changed` (a newcomer learns it from `joined`), and both
   * paths run side by side in the engines meanwhile (docs/media-server.md#auto).
   */
  private reconsiderMedia(newcomer?: Session): void {
    if ((this.mediaPolicy ?? this.config.media) !== 'auto' || !this.ctx.mediaServer) return;
    const senders = [...this.members.values()].filter((member) => !receivesOnly(member.role)).length;
    const move = autoMediaMove({ senders, viewers: this.members.size - senders }, this.config.autoMeshMaxSenders, this.media !== null);
    if (move === 'to-sfu') {
      this.moveToMediaServer(`has ${senders} senders and ${this.members.size - senders} viewers`, newcomer);
    } else if (move === 'to-mesh' && this.media && !this.serverRecording) {
      // (A room being recorded stays on the media server until the recording stops and someone comes or goes.)
      const room = this.media;
      this.media = null;
      this.closeDrainingMedia();
      this.drainingMedia = { room, timer: setTimeout(() => this.closeDrainingMedia(), MEDIA_DRAIN_MS) };
      this.ctx.log.info(`room ${this.id} has ${senders} senders: moving it back to the mesh`);
      this.broadcast({ type: 'media-changed', media: { transport: 'mesh' } });
    }
  }

  /**
   * A server recording needs the media on the server: an `auto` room still in the mesh moves there now
   * (and stays while it records). False when it can't: a `mesh` room, or no media server.
   */
  moveToMediaServerForRecording(): boolean {
    if (this.media) return true;
    if ((this.mediaPolicy ?? this.config.media) !== 'auto' || !this.ctx.mediaServer) return false;
    return this.moveToMediaServer('is to be recorded');
  }

  private moveToMediaServer(why: string, newcomer?: Session): boolean {
    this.closeDrainingMedia();
    const media = this.openMedia();
    if (!media) return false;
    this.media = media;
    for (const member of this.members.values()) if (member !== newcomer) media.join(this.mediaMember(member));
    this.ctx.log.info(`room ${this.id} ${why}: moving it to the media server`);
    this.broadcast({ type: 'media-changed', media: { transport: 'sfu' } }, newcomer);
    return true;
  }

  private closeDrainingMedia(): void {
    if (!this.drainingMedia) return;
    clearTimeout(this.drainingMedia.timer);
    this.drainingMedia.room.close();
    this.drainingMedia = null;
  }

  /** The room on the media server; null (a mesh) when there is none, said in the log. */
  private openMedia(): MediaRoom | null {
    const media = this.ctx.mediaServer?.openRoom(this.id, () => this.mediaLost(media), (userId, speaking) => {
      // sfu2: Janus's audio levels, relayed; the engines keep their own hysteresis on top.
      if (this.media === media) this.broadcast({ type: 'speaking', userId, speaking });
    }) ?? null;
    if (!media) this.ctx.log.warn(`room ${this.id} should use the media server, which is not available: it is a mesh`);
    return media;
  }

  /** The media server went away mid-call: everyone moves to the mesh (their engines connect peer to peer). */
  private mediaLost(lost: MediaRoom | null): void {
    if (!lost || this.media !== lost) return;
    this.media = null;
    this.serverRecording = null;
    this.ctx.log.warn(`room ${this.id} lost its media server: moving its ${this.members.size} people to the mesh`);
    this.broadcast({ type: 'media-changed', media: { transport: 'mesh' } });
    this.stateChanged();
  }

  /** How the media server reaches a member: `sfu-offer` frames on their session. */
  private mediaMember(session: Session): MediaMember {
    return {
      userId: session.userId,
      offer: (sdp, streams) => session.send({ type: 'sfu-offer', sdp, streams }),
      get name() {
        return session.name;
      },
    };
  }

  private emitLeft(session: Session, reason: ParticipantLeftReason): void {
    this.ctx.onEvent({ type: 'participant.left', roomId: this.id, data: { userId: session.userId, sessionId: session.id, reason } });
  }

  private joinedFrame(session: Session, iceServers: RTCIceServerInit[], resumed: boolean): Omit<JoinedMessage, 'seq'> {
    const { config } = this;
    return {
      type: 'joined',
      roomId: this.id,
      self: session.info(),
      participants: [...this.members.values()].filter((m) => m !== session).map((m) => m.info()),
      session: { id: session.id, secret: session.secret },
      resumed,
      graceMs: config.graceMs,
      iceServers,
      room: this.state(),
      limits: { maxParticipants: this.maxParticipants, maxFrameBytes: config.maxFrameBytes, maxChatBytes: config.maxChatBytes },
      ...this.historyPage(session.userId, { limit: this.config.historySize }),
      media: { transport: this.media ? 'sfu' : 'mesh' },
    };
  }
}
