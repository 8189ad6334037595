import type { Logger } from './hub/logger.js';
import { silentLogger } from './hub/logger.js';

/** Timestamped lines on stdout/stderr; `quiet` (tests) prints nothing. */
export function createLogger(quiet: boolean): Logger {
  if (quiet) return silentLogger;
  const stamp = () => new Date().toISOString();
  return {
    info: (message) => console.log(`${stamp()} ${message}`),
    warn: (message) => console.warn(`${stamp()} WARN ${message}`),
    error: (message, error) => console.error(`${stamp()} ERROR ${message}`, error ?? ''),
  };
}
