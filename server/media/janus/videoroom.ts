/**
 * One of our rooms as a Janus videoroom (janus.md): per person a publisher handle (when they send) and
 * one multistream subscriber handle carrying everyone else's streams, kept up to date as people start
 * and stop sending. Janus's ids (room, feeds) never leave the server.
 */
import { randomInt } from 'node:crypto';
import type { Logger } from '../../hub/logger.js';
import type { MediaMember, MediaRecordingStart, MediaRoom, ViewSize } from '../../hub/media-server.js';
import type { FeedOwner } from '../../recordings/compose-recording.js';
import type { ServerRecordings } from '../../recordings/server-recordings.js';
import type { MediaSource, SfuStream } from '../../../protocol/model.js';
import type { JanusClient, JanusHandle, Jsep, PluginReply } from './janus-client.js';
import { layerForView } from './substream.js';

const VIDEOROOM = 'janus.plugin.videoroom';

/** Janus's stream entry on a subscriber handle (the fields we read). */
interface JanusStream {
  type?: string;
  mid?: string;
  active?: boolean;
  feed_id?: number;
  feed_mid?: string;
}

interface Subscription {
  handle: JanusHandle | null;
  /** Feeds they should receive, and those Janus has been asked for. */
  readonly wanted: Set<number>;
  readonly asked: Set<number>;
  /** An offer is out (or a request under way): the next change waits for its answer. */
  busy: boolean;
  // sfu2: simulcast by tile size
  /** How big they show each sender's camera (absent: never said, the top layer). */
  readonly views: Map<string, ViewSize>;
  /** The cameras the last offer carried: mid → whose. */
  cameras: Map<string, { feed: number; userId: string }>;
  /** What Janus was last told per mid (`feed:choice`), so only changes go out. */
  readonly applied: Map<string, string>;
  /** Layer requests run one after the other. */
  configuring: Promise<void>;
}

interface Person {
  member: MediaMember;
  publisher: JanusHandle | null;
  /** Janus's id for their feed, once they joined as publisher. */
  feed: number | null;
  published: boolean;
  /** Janus has the sending connection up (`webrtcup`): only then can others subscribe to the feed. */
  live: boolean;
  /** Source of each of their sending connection's mids. */
  sources: Record<string, MediaSource>;
  subscription: Subscription;
  /** Their publish requests run one at a time. */
  publishing: Promise<unknown>;
  /** sfu2: their camera layers' sizes, top first (empty: not said). */
  layers: ViewSize[];
}

export class JanusVideoRoom implements MediaRoom {
  /** Random and never shown to anyone: a browser cannot name a Janus room, and nobody could guess it. */
  readonly #janusRoom = randomInt(1, 2 ** 47);
  readonly #people = new Map<string, Person>();
  readonly #feeds = new Map<number, string>();
  readonly #ready: Promise<void>;
  #closed = false;
  // ——— Server recording (issue 11) ———
  /** Who sent each feed, kept after they leave: a recording's files are named by feed. */
  readonly #feedOwners = new Map<number, FeedOwner>();
  #recording: (MediaRecordingStart & { rawDir: string; wallStartedAt: number }) | null = null;

  constructor(
    private readonly client: JanusClient,
    private readonly control: JanusHandle,
    private readonly roomId: string,
    private readonly log: Logger,
    maxPublishers: number,
    private readonly onClose: () => void,
    /** Where recordings go; null: this Janus cannot record for us (an external one writes on its own machine). */
    private readonly recordings: ServerRecordings | null = null,
    /** sfu2: Janus's verdict on who talks (its audio-level events), once per change. */
    private readonly onSpeaking: (userId: string, speaking: boolean) => void = () => {},
  ) {
    this.#ready = control
      .request({
        request: 'create', room: this.#janusRoom, publishers: maxPublishers, videocodec: 'vp8', audiocodec: 'opus', permanent: false, is_private: true,
        // Active speaker (janus.md): with Janus's default average (25) a normal voice raised no event here.
        audiolevel_event: true, audio_level_average: 100,
      })
      .then(() => undefined);
    this.#ready.catch((error: unknown) => log.warn(`Janus: room for ${roomId} not created: ${String(error)}`));
  }

  /** People in it now (the media server's load). */
  get people(): number {
    return this.#people.size;
  }

  get alive(): boolean {
    return !this.#closed && this.client.open;
  }

  join(member: MediaMember): void {
    const subscription: Subscription = {
      handle: null, wanted: new Set(this.#publishedFeeds()), asked: new Set(), busy: false,
      views: new Map(), cameras: new Map(), applied: new Map(), configuring: Promise.resolve(),
    };
    this.#people.set(member.userId, { member, publisher: null, feed: null, published: false, live: false, sources: {}, subscription, publishing: Promise.resolve(), layers: [] });
    this.#pump(member.userId);
  }

  publish(userId: string, offer: string, sources: Record<string, MediaSource>): Promise<string> {
    const person = this.#people.get(userId);
    if (!person) return Promise.reject(new Error('not in the room'));
    const run = person.publishing.then(() => this.#publish(person, offer, sources));
    person.publishing = run.catch(() => undefined);
    return run;
  }

  async answer(userId: string, sdp: string): Promise<void> {
    const person = this.#people.get(userId);
    const subscription = person?.subscription;
    if (!person || !subscription?.handle || !subscription.busy) return;
    try {
      await subscription.handle.message({ request: 'start' }, { type: 'answer', sdp });
    } finally {
      subscription.busy = false;
    }
    this.#applyViews(person);
    this.#pump(userId);
  }

  // sfu2: simulcast by tile size
  view(userId: string, of: string, size: ViewSize): void {
    const person = this.#people.get(userId);
    if (!person || of === userId) return;
    person.subscription.views.set(of, size);
    this.#applyViews(person);
  }

  cameraLayers(userId: string, layers: ViewSize[]): void {
    const person = this.#people.get(userId);
    if (!person) return;
    person.layers = layers;
    for (const other of this.#people.values()) if (other !== person) this.#applyViews(other);
  }

  /**
   * Tells Janus, for each camera on their receiving connection, the layer their tile needs (or to pause
   * it). Never while an offer is out: the answer's `start` comes first, then this runs again.
   */
  #applyViews(person: Person): void {
    const subscription = person.subscription;
    if (!subscription.handle || subscription.busy || this.#closed) return;
    const streams: Record<string, unknown>[] = [];
    for (const [mid, { feed, userId }] of subscription.cameras) {
      const view = subscription.views.get(userId);
      if (!view && !subscription.applied.has(mid)) continue; // never said: Janus's default, the top layer
      const choice = layerForView(this.#people.get(userId)?.layers ?? [], view);
      const key = `${feed}:${choice.send ? choice.substream : 'off'}`;
      if (subscription.applied.get(mid) === key) continue;
      subscription.applied.set(mid, key);
      streams.push(choice.send ? { mid, send: true, substream: choice.substream } : { mid, send: false });
    }
    if (!streams.length) return;
    const handle = subscription.handle;
    subscription.configuring = subscription.configuring
      .then(() => handle.message({ request: 'configure', streams }))
      .then(() => undefined)
      .catch((error: unknown) => {
        this.log.warn(`Janus: layer choice for ${person.member.userId} in ${this.roomId} failed: ${String(error)}`);
        for (const { mid } of streams) subscription.applied.delete(String(mid));
      });
  }

  leave(userId: string): void {
    const person = this.#people.get(userId);
    if (!person) return;
    this.#people.delete(userId);
    this.#forgetFeed(person);
    void person.publisher?.detach();
    void person.subscription.handle?.detach();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onClose();
    // A recording under way ends with the room: its streams are closed first, then the room goes.
    const recorded = this.#recording ? this.stopRecording() : Promise.resolve();
    for (const userId of [...this.#people.keys()]) this.leave(userId);
    void this.#ready.then(() => recorded).then(() => this.control.request({ request: 'destroy', room: this.#janusRoom })).catch(() => undefined);
  }

  async startRecording(recording: MediaRecordingStart): Promise<void> {
    if (!this.recordings) throw new Error('recordings need our own Janus (JANUS_URL is set)');
    if (this.#recording) return;
    await this.#ready;
    const rawDir = await this.recordings.rawDir(recording.id);
    // Each recording in its own folder: Janus names files by room and feed, which repeat across recordings.
    await this.control.request({ request: 'edit', room: this.#janusRoom, new_rec_dir: rawDir });
    await this.control.request({ request: 'enable_recording', room: this.#janusRoom, record: true });
    this.#recording = { ...recording, rawDir, wallStartedAt: Date.now() };
    // Closed meanwhile: close() found nothing to stop, so what was recorded is made here.
    if (this.#closed) await this.stopRecording();
  }

  async stopRecording(): Promise<void> {
    const recording = this.#recording;
    if (!recording || !this.recordings) return;
    this.#recording = null;
    const wallStoppedAt = Date.now();
    // Janus closes every stream's file before it answers; a Janus gone meanwhile has closed them too.
    await this.control.request({ request: 'enable_recording', room: this.#janusRoom, record: false }).catch((error: unknown) => {
      this.log.warn(`Janus: stopping recording ${recording.id} in ${this.roomId}: ${String(error)}`);
    });
    this.recordings.process({
      id: recording.id,
      room: this.roomId,
      startedAt: recording.startedAt,
      wallStartedAt: recording.wallStartedAt,
      wallStoppedAt,
      rawDir: recording.rawDir,
      owners: new Map(this.#feedOwners),
    });
  }

  async #publish(person: Person, offer: string, sources: Record<string, MediaSource>): Promise<string> {
    await this.#ready;
    const current = () => this.#people.get(person.member.userId) === person && !this.#closed;
    if (!person.publisher) {
      const handle = await this.client.attach(VIDEOROOM);
      if (!current()) {
        void handle.detach();
        throw new Error('left meanwhile');
      }
      person.publisher = handle;
      handle.onEvent = ({ janus, reply }) => {
        if (person.publisher !== handle) return;
        if (janus === 'event') return this.#talking(reply);
        if (janus !== 'webrtcup') return;
        person.live = true;
        this.#announce(person);
      };
      const joined = await handle.message({ request: 'join', room: this.#janusRoom, ptype: 'publisher', display: person.member.userId });
      person.feed = Number(joined.data.id);
    }
    const publisher = person.publisher;
    const reply: PluginReply = await publisher.message(
      person.published ? { request: 'configure' } : { request: 'publish' },
      { type: 'offer', sdp: offer },
    );
    if (!current() || person.publisher !== publisher) throw new Error('left meanwhile');
    if (!reply.jsep || reply.jsep.type !== 'answer') throw new Error('Janus sent no answer');
    person.sources = sources;
    if (person.feed !== null) this.#feedOwners.set(person.feed, { userId: person.member.userId, name: person.member.name ?? person.member.userId, sources });
    person.published = true;
    this.#announce(person);
    return reply.jsep.sdp;
  }

  // sfu2: active speaker
  /** Who Janus says talks now; its events reach every publisher handle of the room, so each counts once. */
  readonly #speaking = new Set<string>();

  #talking(reply: PluginReply | undefined): void {
    const verdict = reply?.data.videoroom;
    if (verdict !== 'talking' && verdict !== 'stopped-talking') return;
    const userId = this.#feeds.get(Number(reply?.data.id));
    if (userId === undefined || this.#speaking.has(userId) === (verdict === 'talking')) return;
    if (verdict === 'talking') this.#speaking.add(userId);
    else this.#speaking.delete(userId);
    this.onSpeaking(userId, verdict === 'talking');
  }

  /** Published and live: everyone else receives them from now on. */
  #announce(person: Person): void {
    if (!person.published || !person.live || person.feed === null || this.#feeds.has(person.feed)) return;
    this.#feeds.set(person.feed, person.member.userId);
    for (const [userId, other] of this.#people) {
      if (other === person) continue;
      other.subscription.wanted.add(person.feed);
      this.#pump(userId);
    }
  }

  /** Their feed is gone: nobody asks for it again (Janus renegotiates its subscribers itself). */
  #forgetFeed(person: Person): void {
    if (this.#speaking.delete(person.member.userId)) this.onSpeaking(person.member.userId, false);
    if (person.feed === null) return;
    this.#feeds.delete(person.feed);
    for (const other of this.#people.values()) {
      other.subscription.wanted.delete(person.feed);
      other.subscription.asked.delete(person.feed);
    }
    person.feed = null;
    person.published = false;
    person.live = false;
  }

  #publishedFeeds(): number[] {
    return [...this.#feeds.keys()];
  }

  /** Asks Janus for the feeds someone should receive and does not yet; one negotiation at a time. */
  #pump(userId: string): void {
    const person = this.#people.get(userId);
    if (!person || this.#closed) return;
    const subscription = person.subscription;
    if (subscription.busy) return;
    const missing = [...subscription.wanted].filter((feed) => !subscription.asked.has(feed));
    if (!missing.length) return;
    subscription.busy = true;
    for (const feed of missing) subscription.asked.add(feed);
    this.#subscribe(person, missing).catch((error: unknown) => {
      this.log.warn(`Janus: subscribing ${userId} in ${this.roomId} failed: ${String(error)}`);
      for (const feed of missing) subscription.asked.delete(feed);
      subscription.busy = false;
    });
  }

  async #subscribe(person: Person, feeds: number[]): Promise<void> {
    await this.#ready;
    const subscription = person.subscription;
    const streams = feeds.map((feed) => ({ feed }));
    let reply: PluginReply;
    if (!subscription.handle) {
      const handle = await this.client.attach(VIDEOROOM);
      if (this.#people.get(person.member.userId) !== person) return void handle.detach();
      handle.onEvent = ({ reply: event }) => this.#unasked(person, event);
      try {
        reply = await handle.message({ request: 'join', room: this.#janusRoom, ptype: 'subscriber', streams });
      } catch (error) {
        void handle.detach();
        throw error;
      }
      if (this.#people.get(person.member.userId) !== person) return void handle.detach();
      subscription.handle = handle;
    } else {
      reply = await subscription.handle.message({ request: 'update', subscribe: streams });
    }
    this.#offer(person, reply);
  }

  /** Janus renegotiates on its own when a publisher goes: its offer goes to the browser like ours. */
  #unasked(person: Person, event: PluginReply | undefined): void {
    if (!event?.jsep || event.jsep.type !== 'offer') return;
    if (this.#people.get(person.member.userId) !== person) return;
    person.subscription.busy = true;
    this.#offer(person, event);
  }

  #offer(person: Person, reply: PluginReply): void {
    const jsep = reply.jsep as Jsep | undefined;
    if (!jsep || jsep.type !== 'offer') {
      person.subscription.busy = false;
      return;
    }
    const streams: SfuStream[] = [];
    const cameras = new Map<string, { feed: number; userId: string }>();
    for (const stream of (reply.data.streams ?? []) as JanusStream[]) {
      if (stream.type === 'data' || stream.active === false || stream.mid === undefined || stream.feed_id === undefined) continue;
      const userId = this.#feeds.get(stream.feed_id);
      const source = userId !== undefined && stream.feed_mid !== undefined ? this.#people.get(userId)?.sources[stream.feed_mid] : undefined;
      if (userId !== undefined && source) streams.push({ mid: stream.mid, userId, source });
      if (userId !== undefined && source === 'camera') cameras.set(stream.mid, { feed: stream.feed_id, userId });
    }
    // A mid that now carries someone else (or nothing) starts at Janus's default again.
    const subscription = person.subscription;
    for (const [mid, key] of subscription.applied) {
      if (!key.startsWith(`${cameras.get(mid)?.feed}:`)) subscription.applied.delete(mid);
    }
    subscription.cameras = cameras;
    person.member.offer(jsep.sdp, streams);
  }
}
