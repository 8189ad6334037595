/** Small byte helpers on browser-and-Node globals only (the hub also runs in a web page). */

const encoder = new TextEncoder();

/** True when `text` is longer than `maxBytes` in UTF-8. */
export function exceedsUtf8(text: string, maxBytes: number): boolean {
  // Each UTF-16 unit takes 1 to 3 UTF-8 bytes: skip encoding when the answer is certain anyway.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return encoder.encode(text).length > maxBytes;
}

/** Length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

export function base64urlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Random bytes are drawn this many at a time: each getRandomValues call costs far more than the bytes it fills. */
const RANDOM_POOL_BYTES = 4096;
let randomPool = new Uint8Array(0);
let randomOffset = 0;

/** `count` fresh random bytes (each handed out once) from the pool, refilled when it runs out. */
function randomBytes(count: number): Uint8Array {
  if (randomOffset + count > randomPool.length) {
    randomPool = crypto.getRandomValues(new Uint8Array(Math.max(RANDOM_POOL_BYTES, count)));
    randomOffset = 0;
  }
  return randomPool.subarray(randomOffset, (randomOffset += count));
}

/** URL-safe random id. getRandomValues works without a secure context, unlike crypto.randomUUID. */
export function randomId(bytes: number): string {
  return base64urlEncode(randomBytes(bytes));
}

/** Compares a supplied secret with the expected one in time that depends only on the supplied length. */
export function constantTimeEqual(supplied: string, expected: string): boolean {
  const a = encoder.encode(supplied);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ (b.length ? b[i % b.length] : 0);
  return diff === 0;
}
