/** The media server's settings and their defaults; free of Node APIs, as server/config.ts is. */

export interface JanusConfig {
  /**
   * An external Janus's WebSocket API (`ws://host:8188`), or several comma-separated (new rooms go to the
   * least loaded: janus-pool.ts); unset runs our own child process.
   */
  url?: string;
  /** The external Janus's `api_secret`, if it has one; with several, one for all or one per URL, comma-separated (ours always gets a random one). */
  apiSecret?: string;
  /** The `janus` binary for our own (default: on the PATH). */
  binary?: string;
  /** UDP ports for media, `min-max`. */
  rtpPorts: string;
  /** Public address when behind a 1:1 NAT. */
  nat1to1?: string;
  /** `stun:host:port` for Janus to learn its public address. */
  stunServer?: string;
  /** Interfaces or address prefixes ICE may use. */
  iceInterfaces?: string;
  /** Publishers a Janus room takes at most. */
  maxPublishers: number;
}

export const JANUS_DEFAULTS: JanusConfig = { rtpPorts: '20000-40000', maxPublishers: 100 };
