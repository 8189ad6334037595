/**
 * The engine's checks before joining, for the all-in-one bundle: both return promises, so they load
 * their code on first call (a chunk) and cost the first paint nothing. The `core` entry has them directly.
 */
import type { BrowserScope, SystemRequirements } from '../core/preflight/system-requirements.js';
import type { ConnectivityCheckOptions, ConnectivityReport } from '../core/preflight/connectivity-check.js';

export type { BrowserScope, Requirement, SystemRequirements } from '../core/preflight/system-requirements.js';
export type { ConnectivityCheckOptions, ConnectivityReport, ConnectivityVerdict } from '../core/preflight/connectivity-check.js';

/** Can this browser hold a call? See docs/engine.md#before-joining. */
export function checkSystemRequirements(scope?: BrowserScope): Promise<SystemRequirements> {
  return import('../core/preflight/system-requirements.js').then((module) => module.checkSystemRequirements(scope));
}

/** Can this network hold a call with the server? See docs/engine.md#before-joining. */
export function checkConnectivity(options?: ConnectivityCheckOptions): Promise<ConnectivityReport> {
  return import('../core/preflight/connectivity-check.js').then((module) => module.checkConnectivity(options));
}
