/**
 * A real call inside the story's page: the room logic of the server runs in the page
 * (server/hub/loopback.ts), every person is a real RtcClient with synthetic media, and they meet
 * over real RTCPeerConnections. `StoryCall.start()` seats the guests (and, for elements that stand
 * alone, the story's own user); the story's `<rtc-room>` is handed `call.self` and joins by itself.
 */
import { RtcClient, type JoinOptions, type RtcClientOptions } from '../../core/rtc-client.js';
import type { ReconnectPolicy } from '../../core/signaling/reconnect-policy.js';
import type { Role } from '../../core/types.js';
import { createLoopback, type Loopback } from '../../server/hub/loopback.js';
import { DelayedSocket } from './delayed-socket.js';
import { GUESTS, SELF, type StoryPerson } from './people.js';
import { StoryMedia } from './story-media.js';
import { until } from './until.js';

export interface PersonOptions {
  role?: Role;
  /** Microphone on when joining (default true). */
  audio?: boolean;
  /** Camera on when joining (default true). */
  video?: boolean;
  /** Makes sound in bursts, so they get the speaking ring and become the active speaker. */
  talking?: boolean;
  /** A guest raises their hand once in (hands are raised in the order the guests join). */
  hand?: boolean;
  /** A guest shares their screen once in. */
  screen?: boolean;
}

export interface ChatLine {
  /** A guest's id, or SELF.id. */
  from: string;
  text: string;
  /** Private recipients (they must be in the call when the line is sent). */
  to?: string[];
  /** Sent once the story's user is in, as a new message (lines to or from them are anyway). */
  live?: boolean;
}

export interface CallOptions {
  /** The room's id, shown in the room's header. */
  room?: string;
  /** How many of GUESTS join (default 0). */
  guests?: number;
  /** Per-guest settings, by id. */
  people?: Record<string, PersonOptions>;
  /** The story's own user. `join: true` joins them here (for elements given `engine`); otherwise the story's room joins. */
  self?: PersonOptions & { join?: boolean };
  /**
   * Sent in order: the lines before the first live one (or the first to or from the story's user)
   * before they join, as the history a late joiner sees; the rest once they are in.
   */
  chat?: ChatLine[];
  /** The story's user's socket opens this late (a slow network; under the engine's 10 s connect timeout). */
  connectDelayMs?: number;
}

/** While the network is "down" the story's user retries every second, for as long as the story runs. */
const retryForever: ReconnectPolicy = { nextRetryDelayMs: () => 1_000 };

export class StoryCall {
  readonly loopback: Loopback;
  readonly roomId: string;
  /** The story's own user: give `engine` and `token` to the story's `<rtc-room>` (or `engine` to an element). */
  readonly self: { id: string; name: string; engine: RtcClient; token: string };
  readonly guests = new Map<string, RtcClient>();
  readonly #media: StoryMedia[] = [];
  /** What the story asks for, and what is in force: the network goes down only once the user is in the call. */
  #wantOnline = true;
  #offline = false;
  #closed = false;
  readonly #timers: ReturnType<typeof setInterval>[] = [];

  /** Starts a call: the guests are in (and the story's user too, with `self.join`) when it resolves. */
  static async start(options: CallOptions = {}): Promise<StoryCall> {
    const call = new StoryCall(options);
    try {
      await call.#start();
    } catch (error) {
      await call.close();
      throw error;
    }
    return call;
  }

  private constructor(readonly options: CallOptions) {
    // Nine guests need more than the server's default room size; a long grace period keeps the
    // story's user in the room for as long as a "network down" story runs.
    this.loopback = createLoopback({ maxParticipants: 16, graceMs: 10 * 60_000 });
    this.roomId = options.room ?? 'design-review';
    const delay = options.connectDelayMs ?? 0;
    const connect = (url: string) => {
      if (this.#offline) throw new Error('The network is down (story).');
      return delay ? new DelayedSocket(() => this.loopback.connect(url), delay) : this.loopback.connect(url);
    };
    this.self = {
      ...SELF,
      engine: this.#engine(SELF, 0, options.self, { connect, reconnectPolicy: retryForever }),
      token: this.#token(SELF, options.self),
    };
    this.self.engine.on('joined', () => void this.#applyNetwork());
  }

  /**
   * Takes the story's user off the network (their socket drops and reconnects fail) or back on. Asked
   * before they are in the call, it happens once they are in and their media links are up (the
   * links are set up through the server; once up, media keeps flowing without it).
   */
  set online(on: boolean) {
    this.#wantOnline = on;
    if (this.self.engine.state !== 'disconnected') void this.#applyNetwork();
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  guest(id: string): RtcClient {
    const engine = this.guests.get(id);
    if (!engine) throw new Error(`No guest "${id}" in this story.`);
    return engine;
  }

  /** Guests who knock on a room with its lobby on: their joins wait until a host admits or denies them (a denial is no failure here). */
  knock(...ids: string[]): void {
    for (const id of ids) {
      const person = GUESTS.find((p) => p.id === id);
      if (!person) throw new Error(`No guest "${id}" in the story people.`);
      const engine = this.#engine(person, GUESTS.indexOf(person) + 1);
      this.guests.set(id, engine);
      void engine.join(this.#token(person), { audio: false, video: false }).catch(() => undefined);
    }
  }

  /** Runs `task` every `ms` (a guest's reactions, say) until the call closes; failures are ignored. */
  every(ms: number, task: () => Promise<unknown>): void {
    this.#timers.push(setInterval(() => void task().catch(() => undefined), ms));
  }

  /** Everyone leaves, media stops, the in-page server closes. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#timers.forEach(clearInterval);
    const engines = [this.self.engine, ...this.guests.values()];
    await Promise.all(engines.map((engine) => engine.leave().catch(() => undefined)));
    this.#media.forEach((media) => media.close());
    this.loopback.hub.close();
  }

  /** Seats the guests, then chats, raises hands and shares as told, and seats the story's user with `self.join`. */
  async #start(): Promise<void> {
    const { guests = 0, people = {}, self = {}, chat = [] } = this.options;
    const seated = GUESTS.slice(0, guests);
    await Promise.all(
      seated.map(async (person, index) => {
        const options = people[person.id] ?? {};
        const engine = this.#engine(person, index + 1, options);
        this.guests.set(person.id, engine);
        await engine.join(this.#token(person, options), joinOptions(options));
      }),
    );
    const live = chat.findIndex((line) => line.live || line.from === this.self.id || line.to?.includes(this.self.id));
    const history = live < 0 ? chat : chat.slice(0, live);
    const later = live < 0 ? [] : chat.slice(live);
    for (const line of history) await this.#say(line);
    for (const person of seated) if (people[person.id]?.hand) await this.guest(person.id).raiseHand(true);
    for (const person of seated) if (people[person.id]?.screen) await this.guest(person.id).shareScreen(true);
    if (self.join) {
      await this.self.engine.join(this.self.token, joinOptions(self));
      for (const line of later) await this.#say(line);
    } else if (later.length) {
      // The story's room joins once the story renders.
      this.self.engine.once('joined', () => {
        void (async () => {
          for (const line of later) await this.#say(line);
        })().catch(() => undefined);
      });
    }
  }

  async #applyNetwork(): Promise<void> {
    if (this.#wantOnline) {
      this.#offline = false;
      return;
    }
    const remotes = () => [...this.self.engine.participants.values()];
    await until(() => remotes().every((p) => p.link === 'connected'), 'media links', 10_000).catch(() => undefined);
    if (this.#wantOnline || this.#offline || this.#closed) return;
    this.#offline = true;
    this.loopback.dropConnections(this.self.id);
  }

  async #say({ from, text, to }: ChatLine): Promise<void> {
    const engine = from === this.self.id ? this.self.engine : this.guest(from);
    await engine.sendMessage(text, to ? { to } : {});
  }

  #engine(person: StoryPerson, colour: number, options: PersonOptions = {}, extra: RtcClientOptions = {}): RtcClient {
    const media = new StoryMedia({ label: person.name, colour, talking: options.talking });
    this.#media.push(media);
    return new RtcClient({ connect: this.loopback.connect, mediaSource: media, ...extra });
  }

  #token(person: StoryPerson, options: PersonOptions = {}): string {
    return this.loopback.token({ room: this.roomId, user: person.id, name: person.name, ...(options.role ? { role: options.role } : {}) });
  }
}

function joinOptions({ audio = true, video = true }: PersonOptions): JoinOptions {
  return { audio, video };
}

