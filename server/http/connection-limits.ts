import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address.js';

export interface ConnectionCaps {
  maxConnections: number;
  maxConnectionsPerIp: number;
  trustProxy: boolean;
}

export type Admission = { release(): void } | { refused: 429 | 503 };

/**
 * Counts WebSocket connections, globally and per client address, so one host cannot take every
 * socket the server has. Loopback peers (a proxy on this machine without TRUST_PROXY, tests, the bench)
 * count towards the global cap only.
 */
export class ConnectionLimits {
  private total = 0;
  private readonly perIp = new Map<string, number>();

  constructor(private readonly caps: ConnectionCaps) {}

  /** Counts `req`'s connection until `release()`, or says which cap refuses it. */
  admit(req: IncomingMessage): Admission {
    const ip = clientAddress(req, this.caps.trustProxy);
    const counted = ip !== undefined && !isLoopback(ip);
    const mine = counted ? this.perIp.get(ip) ?? 0 : 0;
    if (counted && mine >= this.caps.maxConnectionsPerIp) return { refused: 429 };
    if (this.total >= this.caps.maxConnections) return { refused: 503 };

    this.total++;
    if (counted) this.perIp.set(ip, mine + 1);
    return new CountedConnection(this, counted ? ip : undefined);
  }

  /** Gives back the place of a connection from `ip` (undefined: counted globally only). */
  free(ip: string | undefined): void {
    this.total--;
    if (ip === undefined) return;
    const left = (this.perIp.get(ip) ?? 1) - 1;
    if (left > 0) this.perIp.set(ip, left);
    else this.perIp.delete(ip);
  }
}

/**
 * One admitted connection. `release` is bound, to be handed to `socket.once('close')`, and frees the
 * place once however often it is called. Bound rather than a closure: run through tsx, a named closure
 * carries a property dictionary of its own, about 300 bytes per socket (bench/README.md).
 */
class CountedConnection {
  readonly release: () => void = this.releaseOnce.bind(this);
  private released = false;

  constructor(private readonly limits: ConnectionLimits, private readonly ip: string | undefined) {}

  private releaseOnce(): void {
    if (this.released) return;
    this.released = true;
    this.limits.free(this.ip);
  }
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
