/**
 * Room passwords are kept only as PBKDF2-SHA256 hashes (Web Crypto: the same code in Node and in a
 * page), so a copy of the state folder does not give them away. Node runs the derivation off the
 * main thread.
 */
import { base64urlDecode, base64urlEncode, constantTimeEqual } from './encoding.js';
import type { PasswordHash } from './room-store.js';

/** Room passwords guard one meeting for hours, not an account for years: a cost of ~0.1 s per check. */
export const PASSWORD_ITERATIONS = 100_000;

const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return { alg: 'PBKDF2-SHA256', iterations, salt: base64urlEncode(salt), hash: base64urlEncode(hash) };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const hash = await derive(password, Uint8Array.from(base64urlDecode(stored.salt)), stored.iterations);
  return constantTimeEqual(base64urlEncode(hash), stored.hash);
}
