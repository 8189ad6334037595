/** Where the signaling socket connects: the server's base URL (or the page's origin) turned into ws(s), plus the path. */
import { DEFAULTS } from '../defaults.js';
import { RtcError } from '../errors.js';

export function signalingUrl(server: string | undefined, path: string | undefined): string {
  const base = server ?? (typeof location !== 'undefined' ? location.origin : undefined);
  if (!base) throw new RtcError('network', 'No server URL: pass `server` in the options.');
  const url = new URL(base);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.pathname = url.pathname.replace(/\/$/, '') + (path ?? DEFAULTS.path);
  return url.toString();
}
