import type { UserTokenClaims } from '../../../protocol/line.js';
import type { AckMessage, LineReadyMessage } from '../../../protocol/server-messages.js';
import type { Connection } from '../connection.js';
import type { LineEnd, LineFrame } from './invitation-registry.js';

/** A socket opened as a line (`line {token}`): one user reachable for calls. Its frames are unsequenced. */
export class Line implements LineEnd {
  constructor(readonly conn: Connection, readonly claims: UserTokenClaims) {}

  get userId(): string {
    return this.claims.sub;
  }

  send(frame: LineFrame | LineReadyMessage | Omit<AckMessage, 'seq'>): void {
    this.conn.sendText(JSON.stringify(frame));
  }
}
