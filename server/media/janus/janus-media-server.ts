/**
 * Janus as our media server: our own child process (or an external one at JANUS_URL), one API connection
 * to it, and a videoroom per SFU room. When Janus is missing or down, `openRoom` answers null and rooms
 * are meshes; the log says so.
 */
import type { Logger } from '../../hub/logger.js';
import type { MediaRoom, MediaServer } from '../../hub/media-server.js';
import type { MediaLoad } from './janus-pool.js';
import { JanusClient, type JanusClock, type JanusHandle } from './janus-client.js';
import { JanusProcess, janusInstalled } from './janus-process.js';
import type { JanusConfig } from './janus-settings.js';
import { JanusVideoRoom } from './videoroom.js';
import type { ServerRecordings } from '../../recordings/server-recordings.js';

/** Time between tries to reach an external Janus that is down. */
const RECONNECT_MS = 5000;

export class JanusMediaServer implements MediaServer {
  #client: JanusClient | null = null;
  #control: JanusHandle | null = null;
  #process: JanusProcess | null = null;
  #stopped = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rooms on the current Janus, told when it goes. */
  readonly #rooms = new Map<JanusVideoRoom, () => void>();

  private constructor(
    private readonly config: JanusConfig,
    private readonly log: Logger,
    private readonly clock?: JanusClock,
    /** Server recordings (issue 11): only with our own Janus, which writes where we read. */
    private readonly recordings?: ServerRecordings,
  ) {}

  /**
   * Starts (or reaches) Janus. Resolves with the media server once it answers, or null when it cannot
   * run here (not installed, would not start): the server carries on with every room in the mesh.
   */
  static async start(config: JanusConfig, options: { stateDir: string; log: Logger; clock?: JanusClock; recordings?: ServerRecordings }): Promise<JanusMediaServer | null> {
    const { log } = options;
    const server = new JanusMediaServer(config, log, options.clock, options.recordings);
    if (config.url) {
      try {
        await server.#connect({ url: config.url, apiSecret: config.apiSecret });
      } catch (error) {
        log.warn(`Janus at ${config.url} does not answer (${String(error)}); rooms stay in the mesh until it does.`);
        server.#retryLater({ url: config.url, apiSecret: config.apiSecret });
      }
      return server;
    }
    if (!janusInstalled(config.binary)) {
      log.warn('Janus is not installed (apt-get install janus, or run scripts/setup.sh): rooms stay in the mesh.');
      return null;
    }
    let first = true;
    const process = new JanusProcess({
      ...config,
      stateDir: options.stateDir,
      log,
      onUp: (api) => {
        if (first) return;
        server.#connect(api).catch((error: unknown) => log.warn(`Janus restarted but does not answer: ${String(error)}`));
      },
      onDown: () => server.#lost(),
    });
    server.#process = process;
    try {
      await process.start();
    } catch (error) {
      log.warn(`Janus did not start (${String(error).split('\n')[0]}): rooms stay in the mesh.`);
      await process.stop();
      return null;
    }
    first = false;
    const { url, apiSecret } = process.api!;
    await server.#connect({ url, apiSecret });
    return server;
  }

  openRoom(roomId: string, onLost: () => void, onSpeaking?: (userId: string, speaking: boolean) => void): MediaRoom | null {
    if (!this.#client?.open || !this.#control) return null;
    const recordings = this.#process ? this.recordings ?? null : null;
    const room = new JanusVideoRoom(this.#client, this.#control, roomId, this.log, this.config.maxPublishers, () => this.#rooms.delete(room), recordings, onSpeaking);
    this.#rooms.set(room, onLost);
    return room;
  }

  /** What we placed on it: rooms, and people in them (each a subscription, most a publisher too); the pool picks by it. */
  get load(): MediaLoad {
    const rooms = [...this.#rooms.keys()];
    return { rooms: rooms.length, people: rooms.reduce((sum, room) => sum + room.people, 0) };
  }

  /** Answers right now (a health check). */
  get up(): boolean {
    return !!this.#client?.open;
  }

  /** Our Janus's process id, if we run it. */
  get pid(): number | undefined {
    return this.#process?.pid;
  }

  async close(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#reconnectTimer);
    const client = this.#client;
    this.#client = null;
    client?.close();
    await this.#process?.stop();
  }

  async #connect(api: { url: string; apiSecret?: string }): Promise<void> {
    const client = await JanusClient.connect({
      ...api,
      clock: this.clock,
      onClose: (reason) => {
        if (this.#client !== client) return;
        this.log.warn(`Janus connection to ${api.url} ${reason}: its rooms move to the mesh; new rooms go to another media server (or the mesh) until it is back.`);
        this.#lost();
        // Our own Janus comes back through its supervisor; an external one is tried again.
        if (!this.#process) this.#retryLater(api);
      },
    });
    if (this.#stopped) return client.close();
    this.#control = await client.attach('janus.plugin.videoroom');
    this.#client = client;
    this.log.info(`Janus answers at ${api.url}: SFU rooms go through it.`);
  }

  #lost(): void {
    const client = this.#client;
    this.#client = null;
    this.#control = null;
    client?.close('lost');
    const rooms = [...this.#rooms.values()];
    // What Janus wrote of a recording until it went is still made into a file.
    for (const room of this.#rooms.keys()) void room.stopRecording();
    this.#rooms.clear();
    for (const onLost of rooms) onLost();
  }

  #retryLater(api: { url: string; apiSecret?: string }): void {
    if (this.#stopped) return;
    this.#reconnectTimer = setTimeout(() => {
      this.#connect(api).catch(() => this.#retryLater(api));
    }, RECONNECT_MS);
    this.#reconnectTimer.unref?.();
  }
}
