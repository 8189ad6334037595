/**
 * Every default of the server in one place, and `loadConfig(env)` to read them from environment variables.
 * Free of Node APIs: the in-page loopback (server/hub/loopback.ts) takes its defaults from here too.
 */
import * as v from 'valibot';
import type { HubConfig, RateLimit, RateLimits } from './hub/hub-config.js';
import type { RTCIceServerInit } from '../protocol/server-messages.js';

export interface TurnConfig {
  /** TURN server URLs, e.g. `turn:turn.example.com:3478?transport=udp`. */
  urls: string[];
  /** coturn's `static-auth-secret` (REST API ephemeral credentials). */
  secret: string;
  /** How long handed-out credentials stay valid (s). */
  ttlSeconds: number;
}

export interface ServerConfig extends HubConfig {
  port: number;
  /** `0.0.0.0` so phones on the LAN can join a demo. */
  host: string;
  /** HS256 secret for tokens. Unset means dev mode: a random per-process secret and an open token endpoint. */
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
  /** POST /api/rooms per bearer token's user id (per client address in dev mode). */
  roomCreationLimit: RateLimit;
}

const RATE_LIMITS: RateLimits = {
  frames: { capacity: 200, perSecond: 50 },
  abuseAfter: 100,
  chat: { capacity: 10, perSecond: 2 },
  reactions: { capacity: 10, perSecond: 3 },
  passwordFailures: { capacity: 5, perSecond: 0.1 },
  passwordFailuresPerUser: { capacity: 20, perSecond: 0.1 },
};

/** Lifetime of TURN credentials when TURN_TTL_SECONDS is unset (s). */
const DEFAULT_TURN_TTL_SECONDS = 24 * 3600;

export const DEFAULTS: Readonly<ServerConfig> = {
  port: 8787,
  host: '0.0.0.0',
  secret: undefined,
  graceMs: 20_000,
  maxParticipants: 6,
  historySize: 200,
  maxFrameBytes: 64 * 1024,
  maxChatBytes: 4096,
  joinTimeoutMs: 10_000,
  heartbeatMs: 10_000,
  emptyRoomTtlMs: 10 * 60_000,
  outboxFrames: 1000,
  outboxChars: 1024 * 1024,
  rateLimits: RATE_LIMITS,
  staticDir: 'dist',
  stateDir: '.rtc-state',
  iceServers: [],
  turn: null,
  allowedOrigins: null,
  tokenTtlSeconds: 6 * 3600,
  roomCreationLimit: { capacity: 20, perSecond: 0.1 },
};

/** Defaults overlaid with `overrides`; `undefined` values and missing rate limits keep their defaults. */
export function resolveConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...DEFAULTS, ...defined, rateLimits: { ...DEFAULTS.rateLimits, ...overrides.rateLimits } };
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

type Env = Readonly<Record<string, string | undefined>>;

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

  return resolveConfig({
    port: int('PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST?.trim() || DEFAULTS.host,
    secret: env.RTC_JWT_SECRET || undefined,
    graceMs: int('GRACE_MS', DEFAULTS.graceMs, 0),
    maxParticipants: int('MAX_PARTICIPANTS', DEFAULTS.maxParticipants, 1, 1000),
    historySize: int('HISTORY_SIZE', DEFAULTS.historySize, 0),
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
  });
}
