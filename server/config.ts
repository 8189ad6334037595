/**
 * Every default of the server in one place, and `loadConfig(env)` to read them from environment variables.
 * Free of Node APIs: the in-page loopback (server/hub/loopback.ts) takes its defaults from here too.
 */
import * as v from 'valibot';
import type { HubConfig, RateLimit, RateLimits } from './hub/hub-config.js';
import type { RTCIceServerInit } from '../protocol/server-messages.js';
import { RING_TIMEOUT_MS } from '../protocol/line.js';
import type { MediaPolicy } from '../protocol/model.js';
import { JANUS_DEFAULTS, type JanusConfig } from './media/janus/janus-settings.js';
import { janusEndpoints } from './media/janus/janus-endpoints.js';

export interface TurnConfig {
  /** TURN server URLs, e.g. `turn:turn.example.com:3478?transport=udp`. */
  urls: string[];
  /** coturn's `static-auth-secret` (REST API ephemeral credentials). */
  secret: string;
  /** Longest lifetime of handed-out credentials; they also end with the token they were handed out for (s). */
  ttlSeconds: number;
}

/** Where room and presence events are POSTed (docs/server.md#webhooks). Unset fields take WEBHOOK_DEFAULTS. */
export interface WebhookConfig {
  /** `http(s)://…`; every event is POSTed here. */
  url: string;
  /** Signs the POSTs (HMAC-SHA256); default: the server's secret (RTC_JWT_SECRET, or the dev secret). */
  secret?: string;
  /** A POST not answered within this counts as failed (ms). */
  timeoutMs?: number;
  /** Tries per event, the first included; then it is dropped with a log line. */
  maxAttempts?: number;
  /** Wait before retry `retry` (1 = before the second attempt) (ms); default 1 s, 2 s, 4 s … (at most 60 s). */
  retryDelayMs?: (retry: number) => number;
  /** Events waiting in all; past it new ones are dropped. */
  maxQueued?: number;
  /** How long closing the server waits for events still queued (the shutdown's own included) (ms). */
  drainMs?: number;
}

export const WEBHOOK_DEFAULTS = { timeoutMs: 10_000, maxAttempts: 6, maxQueued: 10_000, drainMs: 2000 } as const;

export interface ServerConfig extends HubConfig {
  port: number;
  /** `127.0.0.1`: only this machine. `0.0.0.0` lets phones on the LAN join a demo (loadConfig's default with a secret). */
  host: string;
  /** HS256 secret for tokens, at least 32 bytes. Unset means dev mode: a random per-process secret and an open token endpoint. */
  secret?: string;
  /** Interval of the WebSocket ping sweep; a socket silent for a whole interval is cut (ms). */
  heartbeatMs: number;
  /** Built front end served at `/` (relative paths resolve against the working directory). */
  staticDir: string;
  /** State that outlives the process: rooms' settings in `rooms/`, the dev-mode secret in `dev-secret` (relative paths resolve against the working directory). */
  stateDir: string;
  /** Handed to every client as is. */
  iceServers: RTCIceServerInit[];
  /** Adds per-session TURN credentials to `iceServers`. */
  turn: TurnConfig | null;
  /** Origins allowed to open the WebSocket and call the API; `null` allows any. The server's own origin is always allowed. */
  allowedOrigins: string[] | null;
  /** Lifetime of tokens the server mints itself (dev token endpoint, room creation) (s). */
  tokenTtlSeconds: number;
  /** Signed POSTs for rooms started and ended, people joined and left; null: none. */
  webhooks: WebhookConfig | null;
  /** POST /api/rooms per bearer token's user id (per client address in dev mode). */
  roomCreationLimit: RateLimit;
  /** CSP `frame-ancestors` of the HTML pages: who may put the demo in an iframe. */
  frameAncestors: string;
  /** Open WebSockets (and upgrades under way) across all clients; past it, upgrades get 503. */
  maxConnections: number;
  /** Open WebSockets per client address; past it, upgrades get 429. Loopback peers are not counted. */
  maxConnectionsPerIp: number;
  /** Count the client address a reverse proxy appends to `X-Forwarded-For` instead of the proxy's. */
  trustProxy: boolean;
  /** A request's headers must arrive within this (slow-header clients get 408) (ms). */
  headersTimeoutMs: number;
  /** A whole HTTP request must arrive within this (ms). */
  requestTimeoutMs: number;
  /** An idle keep-alive HTTP connection is closed after this (ms). */
  keepAliveTimeoutMs: number;
  /** The media server for SFU rooms (docs/media-server.md): started (or reached at `url`) when `media` is `sfu`. */
  janus: JanusConfig;
  /** Server recordings (docs/server.md#recordings) are deleted this long after they started; 0 keeps them (ms). */
  recordingRetentionMs: number;
  /**
   * sfu2: start Janus for `auto` too, so growing rooms can move to it. On for `npm start` (loadConfig);
   * off by default for servers made in code (tests), which then keep every `auto` room in the mesh.
   */
  startJanusForAuto: boolean;
}

const RATE_LIMITS: RateLimits = {
  frames: { capacity: 200, perSecond: 50 },
  abuseAfter: 100,
  chat: { capacity: 10, perSecond: 2 },
  reactions: { capacity: 10, perSecond: 3 },
  dataBytes: { capacity: 512 * 1024, perSecond: 128 * 1024 },
  passwordFailures: { capacity: 5, perSecond: 0.1 },
  passwordFailuresPerUser: { capacity: 20, perSecond: 0.1 },
};

/** Longest lifetime of TURN credentials when TURN_TTL_SECONDS is unset: a long call, not a day (s). */
const DEFAULT_TURN_TTL_SECONDS = 2 * 3600;

/** HS256 keys shorter than the hash output (32 bytes) are guessable offline from one token. */
export const MIN_SECRET_BYTES = 32;

export const DEFAULTS: Readonly<ServerConfig> = {
  port: 8787,
  media: 'auto',
  autoMeshMaxSenders: 4,
  sfuMaxSenders: 50,
  sfuMaxViewers: 500,
  startJanusForAuto: false,
  host: '127.0.0.1',
  secret: undefined,
  graceMs: 20_000,
  maxParticipants: 6,
  historySize: 200,
  historyBytes: 32 * 1024,
  maxFrameBytes: 64 * 1024,
  maxChatBytes: 4096,
  joinTimeoutMs: 10_000,
  preJoinBytes: 16 * 1024,
  heartbeatMs: 10_000,
  emptyRoomTtlMs: 10 * 60_000,
  outboxFrames: 1000,
  outboxChars: 1024 * 1024,
  rateLimits: RATE_LIMITS,
  sendBuffer: { dropAboveBytes: 1024 * 1024, closeAboveBytes: 4 * 1024 * 1024 },
  staticDir: 'dist',
  stateDir: '.rtc-state',
  iceServers: [],
  turn: null,
  allowedOrigins: null,
  tokenTtlSeconds: 6 * 3600,
  webhooks: null,
  roomCreationLimit: { capacity: 20, perSecond: 0.1 },
  // Embedding the demo in another site's page is the kit's point; FRAME_ANCESTORS narrows it.
  frameAncestors: '*',
  maxConnections: 10_000,
  // A household or an office behind one NAT, each in a call or two.
  maxConnectionsPerIp: 100,
  trustProxy: false,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  // Calls (docs/calls.md#server): the rest of the knobs are CALL_DEFAULTS (server/hub/calls/call-config.ts).
  calls: { ringTimeoutMs: RING_TIMEOUT_MS.default },
  janus: JANUS_DEFAULTS,
  recordingRetentionMs: 30 * 24 * 3600_000,
};

/** Defaults overlaid with `overrides`; `undefined` values and missing rate limits keep their defaults. */
export function resolveConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...DEFAULTS, ...defined, rateLimits: { ...DEFAULTS.rateLimits, ...overrides.rateLimits }, janus: { ...DEFAULTS.janus, ...overrides.janus } };
}

/** Invalid environment: the message names the variable and what it should hold. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const IceServersSchema = v.array(
  v.object({
    urls: v.union([v.string(), v.array(v.string())]),
    username: v.optional(v.string()),
    credential: v.optional(v.string()),
  }),
);

const MEDIA_POLICIES: readonly MediaPolicy[] = ['mesh', 'sfu', 'auto'];

type Env = Readonly<Record<string, string | undefined>>;

/** Throws ConfigError unless `secret` is long enough to sign tokens with. */
export function checkSecret(secret: string, name = 'RTC_JWT_SECRET'): void {
  const bytes = new TextEncoder().encode(secret).length;
  if (bytes === 0) {
    throw new ConfigError(`${name} is set but empty. Set at least ${MIN_SECRET_BYTES} random bytes (e.g. \`openssl rand -base64 32\`), or run in dev mode: unset it, or RTC_DEV_MODE=1.`);
  }
  if (bytes < MIN_SECRET_BYTES) {
    throw new ConfigError(`${name} is ${bytes} bytes long; it needs at least ${MIN_SECRET_BYTES} (e.g. \`openssl rand -base64 32\`).`);
  }
}

/**
 * The signing secret the environment asks for; `undefined` is dev mode. Dev mode is RTC_DEV_MODE=1, or
 * RTC_JWT_SECRET absent altogether (so `npm start` works out of the box); a present but empty or short
 * secret is an error, never a silent dev mode. RTC_DEV_MODE=0 insists on a secret.
 */
export function secretFromEnv(env: Env): string | undefined {
  const flag = env.RTC_DEV_MODE?.trim().toLowerCase();
  if (flag && !['0', '1', 'true', 'false'].includes(flag)) {
    throw new ConfigError(`RTC_DEV_MODE="${env.RTC_DEV_MODE}" should be 1 (dev mode) or 0 (require RTC_JWT_SECRET).`);
  }
  const secret = env.RTC_JWT_SECRET;
  if (flag === '1' || flag === 'true') {
    if (secret) throw new ConfigError('RTC_DEV_MODE=1 and RTC_JWT_SECRET are both set: dev mode signs with its own secret. Unset one of them.');
    return undefined;
  }
  if (secret === undefined) {
    if (flag) throw new ConfigError('RTC_DEV_MODE=0 needs RTC_JWT_SECRET: set it to at least 32 random bytes.');
    return undefined;
  }
  checkSecret(secret);
  return secret;
}

/** A CSP source: `'self'`, `'none'`, `*`, a scheme (`https:`) or a host with optional scheme, port and path. */
const CSP_SOURCE = /^(?:'self'|'none'|\*|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?(?:\/[^\s;,'"]*)?)$/i;

function frameAncestorsFromEnv(raw: string | undefined): string {
  const sources = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  if (!sources.length) return DEFAULTS.frameAncestors;
  const bad = sources.find((source) => !CSP_SOURCE.test(source));
  if (bad !== undefined) {
    throw new ConfigError(`FRAME_ANCESTORS: "${bad}" is not a CSP source; expected e.g. 'self' https://cms.example, or 'none'.`);
  }
  if (sources.includes("'none'") && sources.length > 1) throw new ConfigError("FRAME_ANCESTORS: 'none' goes alone.");
  return sources.join(' ');
}

function webhooksFromEnv(env: Env): WebhookConfig | null {
  const url = env.WEBHOOK_URL?.trim();
  const secret = env.WEBHOOK_SECRET || undefined;
  if (!url) {
    if (secret) throw new ConfigError('WEBHOOK_SECRET is set without WEBHOOK_URL: set the URL events go to, or unset the secret.');
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`WEBHOOK_URL="${url}" is not a URL: expected e.g. https://app.example/rtc-events.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ConfigError(`WEBHOOK_URL="${url}" should be http:// or https://.`);
  if (secret !== undefined) checkSecret(secret, 'WEBHOOK_SECRET');
  return { url, ...(secret !== undefined && { secret }) };
}

/** The server's configuration from environment variables (docs/server.md lists them). Throws ConfigError. */
export function loadConfig(env: Env): ServerConfig {
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`${name}="${raw}" is not an integer between ${min} and ${max}.`);
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    throw new ConfigError(`${name}="${env[name]}" should be 1 or 0.`);
  };
  const list = (name: string): string[] | null => {
    const items = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return items.length ? items : null;
  };

  let iceServers = DEFAULTS.iceServers;
  if (env.ICE_SERVERS?.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(env.ICE_SERVERS);
    } catch {
      throw new ConfigError('ICE_SERVERS is not JSON: expected e.g. [{"urls":"stun:stun.example.com:3478"}].');
    }
    const parsed = v.safeParse(IceServersSchema, json);
    if (!parsed.success) throw new ConfigError(`ICE_SERVERS: ${parsed.issues[0].message}; expected an array of {urls, username?, credential?}.`);
    iceServers = parsed.output;
  }

  const turnUrls = list('TURN_URLS');
  const turnSecret = env.TURN_SECRET || undefined;
  if (Boolean(turnUrls) !== Boolean(turnSecret)) {
    throw new ConfigError('TURN_URLS and TURN_SECRET go together: set both (coturn static-auth-secret) or neither.');
  }

  const media = env.RTC_MEDIA?.trim() || DEFAULTS.media;
  if (!MEDIA_POLICIES.includes(media as MediaPolicy)) throw new ConfigError(`RTC_MEDIA="${media}" should be mesh, sfu or auto.`);
  const rtpPorts = env.JANUS_RTP_PORTS?.trim() || DEFAULTS.janus.rtpPorts;
  const range = /^(\d+)-(\d+)$/.exec(rtpPorts);
  if (!range || Number(range[1]) < 1024 || Number(range[2]) > 65535 || Number(range[1]) >= Number(range[2])) {
    throw new ConfigError(`JANUS_RTP_PORTS="${rtpPorts}" should be a UDP port range like 20000-40000.`);
  }
  const janusUrl = env.JANUS_URL?.trim() || undefined;
  const optional = (name: string) => env[name]?.trim() || undefined;
  // jpool: JANUS_URL may list several media servers (docs/media-server.md#several-media-servers).
  try {
    janusEndpoints(janusUrl, optional('JANUS_API_SECRET'));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  const secret = secretFromEnv(env);
  return resolveConfig({
    media: media as MediaPolicy,
    autoMeshMaxSenders: int('RTC_AUTO_MESH_MAX', DEFAULTS.autoMeshMaxSenders, 1, 1000),
    sfuMaxSenders: int('RTC_SFU_MAX_SENDERS', DEFAULTS.sfuMaxSenders, 1, 1000),
    sfuMaxViewers: int('RTC_SFU_MAX_VIEWERS', DEFAULTS.sfuMaxViewers, 0, 100_000),
    startJanusForAuto: true,
    janus: {
      rtpPorts,
      maxPublishers: int('JANUS_MAX_PUBLISHERS', DEFAULTS.janus.maxPublishers, 1, 1000),
      // Only those set: an unset one keeps its default.
      ...Object.fromEntries(Object.entries({
        url: janusUrl,
        apiSecret: optional('JANUS_API_SECRET'),
        binary: optional('JANUS_BIN'),
        nat1to1: optional('JANUS_NAT_1_1'),
        stunServer: optional('JANUS_STUN_SERVER'),
        iceInterfaces: optional('JANUS_ICE_INTERFACES'),
      }).filter(([, value]) => value !== undefined)),
    },
    webhooks: webhooksFromEnv(env),
    recordingRetentionMs: int('RTC_RECORDING_RETENTION_DAYS', DEFAULTS.recordingRetentionMs / 86_400_000, 0, 36_500) * 86_400_000,
    port: int('PORT', DEFAULTS.port, 0, 65535),
    // Dev mode hands out host tokens to anyone who can reach it: this machine only, unless HOST says otherwise.
    host: env.HOST?.trim() || (secret === undefined ? '127.0.0.1' : '0.0.0.0'),
    secret,
    graceMs: int('GRACE_MS', DEFAULTS.graceMs, 0),
    maxParticipants: int('MAX_PARTICIPANTS', DEFAULTS.maxParticipants, 1, 1000),
    historySize: int('HISTORY_SIZE', DEFAULTS.historySize, 0),
    historyBytes: int('HISTORY_BYTES', DEFAULTS.historyBytes, 8 * 1024),
    maxFrameBytes: int('MAX_FRAME_BYTES', DEFAULTS.maxFrameBytes, 1024, 16 * 1024 * 1024),
    maxChatBytes: int('MAX_CHAT_BYTES', DEFAULTS.maxChatBytes, 1),
    joinTimeoutMs: int('JOIN_TIMEOUT_MS', DEFAULTS.joinTimeoutMs, 100),
    heartbeatMs: int('HEARTBEAT_MS', DEFAULTS.heartbeatMs, 100),
    emptyRoomTtlMs: int('EMPTY_ROOM_TTL_MS', DEFAULTS.emptyRoomTtlMs, 0),
    staticDir: env.STATIC_DIR?.trim() || DEFAULTS.staticDir,
    stateDir: env.RTC_STATE_DIR?.trim() || DEFAULTS.stateDir,
    iceServers,
    turn: turnUrls && turnSecret
      ? { urls: turnUrls, secret: turnSecret, ttlSeconds: int('TURN_TTL_SECONDS', DEFAULT_TURN_TTL_SECONDS, 60) }
      : null,
    allowedOrigins: list('ALLOWED_ORIGINS'),
    tokenTtlSeconds: int('TOKEN_TTL_SECONDS', DEFAULTS.tokenTtlSeconds, 60),
    // Calls (docs/calls.md#server): how long a call rings before it is missed.
    calls: { ...DEFAULTS.calls, ringTimeoutMs: int('RING_TIMEOUT_MS', RING_TIMEOUT_MS.default, RING_TIMEOUT_MS.min, RING_TIMEOUT_MS.max) },
    frameAncestors: frameAncestorsFromEnv(env.FRAME_ANCESTORS),
    maxConnections: int('MAX_CONNECTIONS', DEFAULTS.maxConnections, 1),
    maxConnectionsPerIp: int('MAX_CONNECTIONS_PER_IP', DEFAULTS.maxConnectionsPerIp, 1),
    trustProxy: bool('TRUST_PROXY', DEFAULTS.trustProxy),
    sendBuffer: {
      dropAboveBytes: int('SEND_BUFFER_DROP_BYTES', DEFAULTS.sendBuffer.dropAboveBytes, 0),
      closeAboveBytes: int('SEND_BUFFER_MAX_BYTES', DEFAULTS.sendBuffer.closeAboveBytes, 64 * 1024),
    },
  });
}
