/** Dev mode across a restart: tokens handed out before it still join after it (docs/server.md#restarts). */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchDevToken } from '../../core/dev-token.js';
import { DEV_SECRET_FILE, loadDevSecret } from '../auth/dev-secret.js';
import { loadConfig } from '../config.js';
import { TestClient, startServer } from './helpers.js';

const dirs: string[] = [];
function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtc-state-'));
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('a dev token from one server joins the next server started on the same state folder', async () => {
  const dir = stateDir();
  const first = await startServer({ secret: undefined, stateDir: dir });
  const token = await fetchDevToken(first.url, { room: 'after-restart', user: 'ann' });
  await first.close();

  const second = await startServer({ secret: undefined, stateDir: dir });
  try {
    const client = await TestClient.open(second);
    const joined = await client.join({ room: 'after-restart', token });
    assert.equal(joined.self.userId, 'ann');
    client.ws.close();
  } finally {
    await second.close();
  }
});

test('a server on another state folder refuses that token: the secret is the folder\'s, not a constant', async () => {
  const first = await startServer({ secret: undefined, stateDir: stateDir() });
  const token = await fetchDevToken(first.url, { room: 'elsewhere', user: 'ann' });
  await first.close();
  const other = await startServer({ secret: undefined, stateDir: stateDir() });
  try {
    const client = await TestClient.open(other);
    await assert.rejects(client.join({ room: 'elsewhere', token }), /token-invalid/);
  } finally {
    await other.close();
  }
});

test('the secret file is created on first start, readable by its owner only, and kept as it is', () => {
  const dir = join(stateDir(), 'nested', 'state');
  const secret = loadDevSecret(dir);
  const path = join(dir, DEV_SECRET_FILE);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.ok(secret.length >= 32);
  assert.equal(readFileSync(path, 'utf8').trim(), secret);
  assert.equal(loadDevSecret(dir), secret);
});

test('a truncated secret file is replaced by a new secret, not trusted', () => {
  const dir = stateDir();
  writeFileSync(join(dir, DEV_SECRET_FILE), 'short\n', { mode: 0o644 });
  const secret = loadDevSecret(dir);
  assert.notEqual(secret, 'short');
  assert.ok(secret.length >= 32);
  assert.equal(statSync(join(dir, DEV_SECRET_FILE)).mode & 0o777, 0o600);
});

test('the state folder is RTC_STATE_DIR, `.rtc-state` in the working directory by default', () => {
  assert.equal(loadConfig({}).stateDir, '.rtc-state');
  assert.equal(loadConfig({ RTC_STATE_DIR: ' /var/lib/rtc-kit ' }).stateDir, '/var/lib/rtc-kit');
});

test('a signed-mode server leaves the state folder alone', async () => {
  const dir = stateDir();
  const server = await startServer({ stateDir: dir });
  await server.close();
  assert.throws(() => statSync(join(dir, DEV_SECRET_FILE)), /ENOENT/);
});
