/**
 * Who is in the room, as immutable snapshots: the local participant and everyone else in join order.
 * It follows the server's participant frames and the tracks the transport delivers, derives each
 * snapshot's streams, and announces every change with the engine's own events (RtcClient re-emits them).
 */
import { Emitter } from '../emitter.js';
import type { LeaveReason, MediaState, ParticipantInfo } from '../../protocol/model.js';
import type { LinkState, Participant, RtcClientEvents, TrackSource } from '../types.js';
import { emptySelf, remoteFromInfo, snapshot, streamOf } from './participant.js';

export type RosterEvents = Pick<
  RtcClientEvents,
  'participant-joined' | 'participant-left' | 'participant-updated' | 'mute-change' | 'track-added' | 'track-removed' | 'screen-share' | 'hands'
>;

export interface RosterOptions {
  /** Close the media link to someone who left; the transport reports their tracks removed meanwhile. */
  disconnect: (userId: string) => void;
  /** Someone we kept through our rejoin is back under a new session: keep their media link, addressed to it. */
  reattach?: (participant: Participant) => void;
}

type RemoteTracks = Partial<Record<TrackSource, MediaStreamTrack>>;

export class ParticipantRoster extends Emitter<RosterEvents> {
  readonly #options: RosterOptions;
  #self: Participant = emptySelf();
  #participants: ReadonlyMap<string, Participant> = new Map();
  #remoteTracks = new Map<string, RemoteTracks>();
  /** One stream per remote screen track (with the screen's sound when it comes), shown in the snapshot while they share. */
  #screenStreams = new WeakMap<MediaStreamTrack, MediaStream>();
  #screenSharer: string | null = null;
  #hands: readonly string[] = [];
  /** People kept after our rejoin who are not back on the server yet, with the timer that lets them go. */
  readonly #awaited = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(options: RosterOptions) {
    super();
    this.#options = options;
  }

  /** The local participant; exists before join for a preview. */
  get self(): Participant { return this.#self; }
  /** Remote participants by user id, in join order. A new map on every change. */
  get participants(): ReadonlyMap<string, Participant> { return this.#participants; }
  get screenSharer(): string | null { return this.#screenSharer; }
  /** Raised hands, oldest first. */
  get hands(): readonly string[] { return this.#hands; }

  // ---- the local participant ----

  /** Replace our snapshot and say what changed. */
  updateSelf(patch: Partial<Participant>): void {
    const previous = this.#self;
    const frozen = snapshot({ ...previous, ...patch });
    this.#self = frozen;
    this.emit('participant-updated', { participant: frozen, previous });
    this.#emitMediaChanges(previous, frozen);
  }

  /** Admitted (again): who the server says we are, and the room's raised hands (see `setHands` for announcing them). */
  admitSelf(self: ParticipantInfo, hands: readonly string[]): void {
    this.#hands = [...hands];
    this.updateSelf({
      userId: self.userId,
      sessionId: self.sessionId,
      name: self.name,
      role: self.role,
      joinedAt: self.joinedAt,
      handRaised: hands.includes(self.userId),
    });
  }

  /** Our capture changed: what we announce, and the tracks behind our preview (camera and microphone) and screen (with its sound). */
  setLocalMedia(media: MediaState, cameraAndMicrophone: readonly MediaStreamTrack[], screen: MediaStreamTrack | null, screenAudio: MediaStreamTrack | null = null): void {
    this.updateSelf({
      media,
      stream: streamOf(this.#self.stream, cameraAndMicrophone),
      screenStream: streamOf(this.#self.screenStream, screen ? [screen, ...(screenAudio ? [screenAudio] : [])] : []),
    });
  }

  // ---- the server's word ----

  /** Bring the participant list in line with the server's (after join, or a resume that lost the replay). */
  reconcile(infos: readonly ParticipantInfo[], announce: boolean): void {
    const incoming = new Map(infos.map((info) => [info.userId, info]));
    for (const participant of this.#participants.values()) {
      const info = incoming.get(participant.userId);
      if (this.#awaited.has(participant.userId)) {
        if (info) this.#reattach(info); // else still not back: their window runs on
      } else if (!info || info.sessionId !== participant.sessionId) {
        this.#remove(participant.userId, info ? 'replaced' : 'left');
      }
    }
    for (const info of infos) {
      if (this.#participants.has(info.userId)) this.#updateFromInfo(info);
      else this.#add(info, announce);
    }
  }

  /**
   * Our session was lost and we joined as a new one (after a server restart, the server knows nobody):
   * the people we had stay, under their new session if they are back already. Whoever is not back
   * within `windowMs` leaves then (`timeout`); nobody sees a leave and a join for a reconnect.
   */
  rejoin(infos: readonly ParticipantInfo[], windowMs: number): void {
    const incoming = new Map(infos.map((info) => [info.userId, info]));
    // Someone still in the session we knew: the server did not restart, only our session ran out. Its
    // list is then the whole truth, and whoever is missing left while we were away.
    const serverKeptSessions = infos.some((info) => this.isCurrent(info.userId, info.sessionId));
    for (const participant of this.#participants.values()) {
      const info = incoming.get(participant.userId);
      if (info) this.#reattach(info);
      else if (serverKeptSessions && !this.#awaited.has(participant.userId)) this.#remove(participant.userId, 'left');
      else if (!this.#awaited.has(participant.userId)) {
        this.#awaited.set(participant.userId, setTimeout(() => {
          this.#awaited.delete(participant.userId);
          this.#remove(participant.userId, 'timeout');
        }, windowMs));
      }
    }
    for (const info of infos) if (!this.#participants.has(info.userId)) this.#add(info, true);
  }

  /** Kept through our rejoin and not back on the server yet: signaling cannot reach them meanwhile. */
  isAwaited(userId: string): boolean {
    return this.#awaited.has(userId);
  }

  /** A `participant-joined` frame (one about us is ignored): a newer session of someone we know replaces the old one. */
  handleJoined(participant: ParticipantInfo): void {
    if (participant.userId === this.#self.userId) return;
    if (this.#awaited.has(participant.userId)) return this.#reattach(participant);
    const known = this.#participants.get(participant.userId);
    if (known && known.sessionId !== participant.sessionId) this.#remove(participant.userId, 'replaced');
    if (this.#participants.has(participant.userId)) this.#updateFromInfo(participant);
    else this.#add(participant, true);
  }

  /** A `participant-left` frame; one about an older session of theirs changes nothing. */
  handleLeft(userId: string, sessionId: string, reason: LeaveReason): void {
    const known = this.#participants.get(userId);
    if (known && known.sessionId === sessionId) this.#remove(userId, reason);
  }

  /** A `participant-updated` frame (name, role, media); for us only name and role, as our media is ours to say. */
  handleUpdated(participant: ParticipantInfo): void {
    if (participant.userId === this.#self.userId) {
      this.updateSelf({ name: participant.name, role: participant.role });
    } else if (this.isCurrent(participant.userId, participant.sessionId)) {
      this.#updateFromInfo(participant);
    }
  }

  /** The session we know for this user? */
  isCurrent(userId: string, sessionId: string): boolean {
    return this.#participants.get(userId)?.sessionId === sessionId;
  }

  /** Who shares, as the server has it (admitting us, or granting our share again); the share's media change announces it. */
  setScreenSharer(userId: string | null): void {
    this.#screenSharer = userId;
  }

  /** `userId` started (`sharing`) or stopped sharing their screen. */
  setSharing(userId: string, sharing: boolean): void {
    this.#screenSharer = sharing ? userId : this.#screenSharer === userId ? null : this.#screenSharer;
  }

  setHands(queue: readonly string[]): void {
    this.#hands = [...queue];
    if (this.#self.handRaised !== queue.includes(this.#self.userId)) {
      this.updateSelf({ handRaised: !this.#self.handRaised });
    }
    for (const participant of this.#participants.values()) {
      const raised = queue.includes(participant.userId);
      if (participant.handRaised !== raised) this.#patchRemote(participant.userId, { handRaised: raised });
    }
    this.emit('hands', { queue: this.#hands });
  }

  // ---- the transport's word ----

  setLink(userId: string, state: LinkState): void {
    this.#patchRemote(userId, { link: state });
  }

  trackAdded(userId: string, source: TrackSource, track: MediaStreamTrack): void {
    this.#remoteTrack(userId, source, track, false);
  }

  trackRemoved(userId: string, source: TrackSource, track: MediaStreamTrack): void {
    this.#remoteTrack(userId, source, track, true);
  }

  // ---- the end of a session ----

  /** Everyone else is gone at once, without a word: our session ended, nobody left. */
  forgetOthers(): void {
    for (const timer of this.#awaited.values()) clearTimeout(timer);
    this.#awaited.clear();
    this.#participants = new Map();
  }

  /** No session any more: nobody shares, no hands; our own media stays as it is. */
  endSession(): void {
    this.#remoteTracks.clear();
    this.#hands = [];
    this.#screenSharer = null;
    this.updateSelf({ sessionId: '', handRaised: false });
  }

  // ---- remote snapshots ----

  #add(info: ParticipantInfo, announce: boolean): void {
    const participant = remoteFromInfo(info, this.#hands.includes(info.userId));
    this.#participants = new Map([...this.#participants, [info.userId, participant]]);
    if (info.media.screen) this.#screenSharer = info.userId;
    if (announce) this.emit('participant-joined', { participant });
  }

  /** The same person under the session the server has now: same snapshot lineage, same streams, no leave. */
  #reattach(info: ParticipantInfo): void {
    clearTimeout(this.#awaited.get(info.userId));
    this.#awaited.delete(info.userId);
    const known = this.#participants.get(info.userId);
    if (!known) return;
    // Keeps joinedAt: to the people in the call they never left.
    this.#patchRemote(info.userId, { sessionId: info.sessionId, name: info.name, role: info.role, media: info.media });
    if (known.sessionId !== info.sessionId) this.#options.reattach?.(this.#participants.get(info.userId)!);
  }

  #remove(userId: string, reason: LeaveReason): void {
    const participant = this.#participants.get(userId);
    if (!participant) return;
    clearTimeout(this.#awaited.get(userId));
    this.#awaited.delete(userId);
    this.#options.disconnect(userId); // emits track-removed for their tracks
    this.#remoteTracks.delete(userId);
    const rest = new Map(this.#participants);
    rest.delete(userId);
    this.#participants = rest;
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
      const screenTracks = [screenTrack, tracks['screen-audio']].filter((t): t is MediaStreamTrack => !!t);
      screenStream = streamOf(this.#screenStreams.get(screenTrack) ?? null, screenTracks);
      if (screenStream) this.#screenStreams.set(screenTrack, screenStream);
    }
    const next = snapshot({ ...merged, stream: streamOf(previous.stream, cameraAndMicrophone), screenStream });
    this.#participants = new Map([...this.#participants].map(([id, p]) => [id, id === userId ? next : p]));
    if (previous.media.screen !== next.media.screen) this.setSharing(userId, next.media.screen);
    this.emit('participant-updated', { participant: next, previous });
    this.#emitMediaChanges(previous, next);
    if (previous.screenStream !== next.screenStream) {
      const { screenStream: old } = previous;
      if (old) for (const [source, track] of screenSources(old)) this.emit('track-removed', { userId, source, track, stream: old });
      if (screenStream) for (const [source, track] of screenSources(screenStream)) this.emit('track-added', { userId, source, track, stream: screenStream });
    }
  }

  #remoteTrack(userId: string, source: TrackSource, track: MediaStreamTrack, removed: boolean): void {
    if (!this.#participants.has(userId)) return;
    const tracks = { ...this.#remoteTracks.get(userId) };
    if (removed ? tracks[source] !== track : tracks[source] === track) return;
    if (removed) delete tracks[source];
    else tracks[source] = track;
    this.#remoteTracks.set(userId, tracks);
    this.#patchRemote(userId, {});
    if (source === 'screen' || source === 'screen-audio') return; // announced with the share itself, in #patchRemote
    const stream = this.#participants.get(userId)?.stream ?? new MediaStream([track]);
    this.emit(removed ? 'track-removed' : 'track-added', { userId, source, track, stream });
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
}

/** A shared screen's tracks by source: its video, and its sound when the sharer shared some. */
function screenSources(stream: MediaStream): [TrackSource, MediaStreamTrack][] {
  return [
    ...stream.getVideoTracks().map((track): [TrackSource, MediaStreamTrack] => ['screen', track]),
    ...stream.getAudioTracks().map((track): [TrackSource, MediaStreamTrack] => ['screen-audio', track]),
  ];
}
