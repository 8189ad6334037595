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
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        if (!counted) return;
        const left = (this.perIp.get(ip) ?? 1) - 1;
        if (left > 0) this.perIp.set(ip, left);
        else this.perIp.delete(ip);
      },
    };
  }
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
