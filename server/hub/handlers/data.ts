import { HubError } from '../errors.js';
import { recipientsOf } from './recipients.js';
import type { SessionHandler } from './types.js';

/** Deeper payloads are refused: relaying them would only burden every receiver's JSON parser. */
const MAX_PAYLOAD_DEPTH = 32;

/** `data`: an application's own JSON, relayed to the others (or to `to` only), never stored. */
export const handleData: SessionHandler<'data'> = (session, { rid, payload, to: requested }) => {
  if (depthExceeds(payload, MAX_PAYLOAD_DEPTH)) {
    throw new HubError('bad-message', `payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels.`);
  }
  const { to, recipients } = recipientsOf(session, requested);
  // What the server sends out, not what it received: one payload to five people costs five.
  const bytes = (JSON.stringify(payload)?.length ?? 0) * recipients.length;
  if (!session.dataBytesLimit.take(bytes)) {
    const { perSecond } = session.room.config.rateLimits.dataBytes;
    throw new HubError('rate-limited', `Too much data; at most ${perSecond} bytes per second are relayed (counted per recipient).`);
  }
  for (const recipient of recipients) {
    recipient.send({ type: 'data', from: session.userId, payload, private: to !== null });
  }
  if (rid !== undefined) session.send({ type: 'ack', rid });
};

function depthExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => depthExceeds(child, limit - 1));
}
