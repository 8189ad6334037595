/**
 * Which engine the room runs: the one the page handed in (`engine`), else its own for `server`
 * (made again if `server` changes before joining). Attaching one provides it to the elements inside
 * and bridges its events; detaching undoes that.
 */
import { RtcClient, type RtcClientOptions } from '../../core/rtc-client.js';

export interface RoomEngineOptions {
  /** The server the room's own engine talks to (none: the engine's default). */
  server: () => string | undefined;
  /** More options for the room's own engine (`stats-interval`, `health`), read when it is made. */
  options?: () => Omit<RtcClientOptions, 'server'>;
  /** An engine (or none) is now the room's: provide it, bridge it, and return the unsubscribers. */
  attached: (engine: RtcClient | undefined) => (() => void)[];
  /** The page handed in its engine after the lobby started a preview on the room's own. */
  previewMoved: () => void;
}

export class RoomEngine {
  /** The engine the page handed in. */
  given?: RtcClient;
  #own?: RtcClient;
  #attached?: RtcClient;
  #unbridge: (() => void)[] = [];

  constructor(private readonly options: RoomEngineOptions) {}

  /** The engine in use: the page's, else the room's own while it is on the page. */
  get current(): RtcClient | undefined {
    return this.given ?? this.#attached;
  }

  get attached(): RtcClient | undefined {
    return this.#attached;
  }

  /** The engine to act on now, attached. */
  client(): RtcClient {
    const engine = this.given ?? this.#makeOwn();
    this.attach(engine);
    return engine;
  }

  /** Attaches the engine the room should run now (for `engine` or `server` changing, or the room coming back on the page). */
  reattach(): void {
    this.attach(this.given ?? this.#makeOwn());
  }

  attach(engine: RtcClient | undefined): void {
    const previous = this.#attached;
    if (engine === previous) return;
    if (engine && previous === this.#own && previous?.state === 'disconnected') {
      // The page handed in its engine after the lobby started a preview on ours: move the preview over.
      void previous.leave();
      this.options.previewMoved();
    }
    this.#unbridge.forEach((off) => off());
    this.#attached = engine;
    this.#unbridge = this.options.attached(engine);
  }

  /** A room taken off the page ends its own call (not one on an engine the page handed in). */
  endOwnCall(): void {
    void this.#own?.leave();
  }

  #makeOwn(): RtcClient {
    const server = this.options.server();
    const own = this.#own;
    if (own && (own.options.server === server || own.state !== 'disconnected')) return own;
    return (this.#own = new RtcClient({ ...this.options.options?.(), ...(server ? { server } : {}) }));
  }
}
