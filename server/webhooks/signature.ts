/**
 * Webhook signatures, as Stripe signs: `RTC-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
 * The timestamp is signed with the body, so a receiver can refuse replays older than a few minutes.
 * `verifyWebhookSignature` is the receiver's side; docs/server.md#webhooks has it standalone.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'rtc-signature';

/** Signatures older (or newer) than this are refused by default: 5 minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The header value for `body` sent at `timestamp` (seconds since the epoch). */
export function signWebhook(body: string, secret: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/**
 * True when `header` signs exactly `body` (the raw bytes received, before any JSON parsing) with
 * `secret`, at a time within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secret: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, nowSeconds = Date.now() / 1000 } = {},
): boolean {
  const parts = new Map((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}
