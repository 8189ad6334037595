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

/** URL-safe random id. getRandomValues works without a secure context, unlike crypto.randomUUID. */
export function randomId(bytes: number): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Random ids of these byte lengths from one getRandomValues call, which costs more than the bytes it fills. */
export function randomIds(...lengths: number[]): string[] {
  const bytes = crypto.getRandomValues(new Uint8Array(lengths.reduce((sum, n) => sum + n, 0)));
  let offset = 0;
  return lengths.map((n) => base64urlEncode(bytes.subarray(offset, (offset += n))));
}

/** Compares a supplied secret with the expected one in time that depends only on the supplied length. */
export function constantTimeEqual(supplied: string, expected: string): boolean {
  const a = encoder.encode(supplied);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ (b.length ? b[i % b.length] : 0);
  return diff === 0;
}
