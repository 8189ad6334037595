/** Test helper: real calls in one page, over the in-page hub (server/hub/loopback.ts) with synthetic media. */
import { RtcClient, type JoinOptions, type RtcClientOptions, type WebSocketLike } from '../../../core/rtc-client.js';
import { SyntheticMedia, type SyntheticMediaOptions } from '../../../core/testing/synthetic-media.js';
import { createLoopback, type Loopback } from '../../../server/hub/loopback.js';
import type { HubConfig } from '../../../server/hub/hub-config.js';
import type { RtcRoom } from '../../rtc-room/rtc-room.component.js';

export interface Person {
  userId: string;
  engine: RtcClient;
  token: string;
  media: SyntheticMedia;
}

let serial = 0;

export class LoopbackCall {
  readonly loopback: Loopback;
  readonly roomId = `room-${Date.now().toString(36)}-${++serial}`;
  readonly #media: SyntheticMedia[] = [];
  readonly #engines: RtcClient[] = [];

  /** `config` changes the hub's limits for one test (chat size, rate limits…). */
  constructor(config: Partial<HubConfig> = {}) {
    this.loopback = createLoopback({ graceMs: 500, ...config });
  }

  person(
    userId: string,
    name = userId[0]!.toUpperCase() + userId.slice(1),
    options: SyntheticMediaOptions = {},
    engineOptions: RtcClientOptions = {},
  ): Person {
    const media = new SyntheticMedia({ label: name, width: 320, height: 180, ...options });
    const engine = new RtcClient({ connect: this.loopback.connect, mediaSource: media, ...engineOptions });
    this.#media.push(media);
    this.#engines.push(engine);
    return { userId, engine, media, token: this.loopback.token({ room: this.roomId, user: userId, name }) };
  }

  /** A person already in the call; by default with camera and microphone off (most tests need neither). */
  async joined(userId: string, join: JoinOptions = { audio: false, video: false }): Promise<Person> {
    const person = this.person(userId);
    await person.engine.join(person.token, join);
    return person;
  }

  /** Gives a room element its person's engine and token. */
  seat(room: RtcRoom, person: Person): RtcRoom {
    room.engine = person.engine;
    room.token = person.token;
    return room;
  }

  async close(): Promise<void> {
    await Promise.all(this.#engines.map((engine) => engine.leave().catch(() => {})));
    this.#media.forEach((media) => media.close());
    this.loopback.hub.close();
  }
}

/** Resolves when frames keep arriving on a video element (its clock moves and it has a size). */
export async function videoPlays(video: HTMLVideoElement, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const start = video.currentTime;
  while (Date.now() < deadline) {
    if (video.videoWidth > 0 && !video.paused && video.currentTime > start + 0.2) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`video did not play (size ${video.videoWidth}, paused ${video.paused}, time ${video.currentTime})`);
}

/**
 * A network that lets no media through, for a person's engine (`engineOptions.connect`): their ICE
 * candidates are dropped both ways, so links negotiate but never connect, as behind a firewall with
 * no TURN relay. `restore()` lets candidates through again (links opened afterwards connect).
 */
export function blockedNetwork(call: LoopbackCall): { engineOptions: RtcClientOptions; restore(): void } {
  let blocked = true;
  const isCandidate = (data: unknown) => {
    try {
      const frame = JSON.parse(String(data)) as { type?: string; payload?: { candidate?: unknown } };
      return frame.type === 'signal' && !!frame.payload?.candidate;
    } catch {
      return false;
    }
  };
  const connect = (url: string) => {
    const socket = call.loopback.connect(url);
    const wrapper: WebSocketLike = {
      get readyState() {
        return socket.readyState;
      },
      send: (data) => {
        if (!(blocked && isCandidate(data))) socket.send(data);
      },
      close: (code, reason) => socket.close(code, reason),
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
    };
    socket.onopen = (event) => wrapper.onopen?.(event);
    socket.onmessage = (event) => {
      if (!(blocked && isCandidate(event.data))) wrapper.onmessage?.(event);
    };
    socket.onclose = (event) => wrapper.onclose?.(event);
    socket.onerror = (event) => wrapper.onerror?.(event);
    return wrapper;
  };
  return { engineOptions: { connect }, restore: () => (blocked = false) };
}
