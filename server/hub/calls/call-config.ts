import { RING_TIMEOUT_MS } from '../../../protocol/line.js';
import type { RateLimit } from '../hub-config.js';

/** The invitation registry's knobs (HubConfig.calls; docs/calls.md#server). */
export interface CallConfig {
  /** A call rings this long before it is `missed` (ms); a `call` frame may ask for 5–180 s. */
  ringTimeoutMs: number;
  /** Missed-call notices wait this long for a line of their user to connect (ms). */
  missedCallTtlMs: number;
  /** Notices kept per user at most (the oldest go first). */
  missedCallsPerUser: number;
  /** A caller whose last line closed keeps their calls ringing this long for a reconnect, then they are cancelled (ms). */
  callerGraceMs: number;
  /** An accepted call whose room nobody joins within this is over (ms). */
  joinWindowMs: number;
  /** Calls and invitations placed per caller (user id), across all their lines and rooms. */
  rate: RateLimit;
  /** Bytes of `data` (JSON) a call may carry to its callees. */
  maxDataBytes: number;
}

export const CALL_DEFAULTS: Readonly<CallConfig> = {
  ringTimeoutMs: RING_TIMEOUT_MS.default,
  missedCallTtlMs: 24 * 3600_000,
  missedCallsPerUser: 50,
  callerGraceMs: 10_000,
  joinWindowMs: 60_000,
  rate: { capacity: 10, perSecond: 0.2 },
  maxDataBytes: 2048,
};

/** The defaults overlaid with what is set; a ring timeout outside 5–180 s is clamped into it. */
export function resolveCallConfig(partial: Partial<CallConfig> = {}): CallConfig {
  const config = { ...CALL_DEFAULTS, ...Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) };
  config.ringTimeoutMs = Math.min(RING_TIMEOUT_MS.max, Math.max(RING_TIMEOUT_MS.min, config.ringTimeoutMs));
  return config;
}
