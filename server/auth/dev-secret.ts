/**
 * The dev-mode signing secret, kept in `<stateDir>/dev-secret` so that tokens handed out before a
 * restart still verify after it: a restart must not end every call. Created on first use, owner-only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEV_SECRET_FILE = 'dev-secret';

/** Shorter than this (a truncated or hand-edited file) is not trusted: a new secret replaces it. */
const MIN_LENGTH = 32;

/** The secret stored under `stateDir`, or a new random one written there (mode 0600) when there is none yet. */
export function loadDevSecret(stateDir: string): string {
  const path = join(stateDir, DEV_SECRET_FILE);
  const stored = readSecret(path);
  if (stored !== null && stored.length >= MIN_LENGTH) return stored;
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  try {
    // Exclusive when there was no file: of two servers starting at once on one folder, both keep the first secret.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: stored === null ? 'wx' : 'w' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadDevSecret(stateDir);
    throw error;
  }
  chmodSync(path, 0o600); // an existing file keeps its mode on write
  return secret;
}

function readSecret(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
