import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { verifyAdminToken, verifyToken, verifyUserToken } from '../server/auth/tokens.js';

const script = fileURLToPath(new URL('./mint-token.ts', import.meta.url));
const SECRET = 'mint-token-test-secret-of-decent-length';

function run(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('prints a token the server accepts', async () => {
  const { code, stdout } = await run(['--room', 'demo', '--user', 'alice', '--name', 'Alice', '--role', 'host', '--ttl', '120'], { RTC_JWT_SECRET: SECRET });
  assert.equal(code, 0);
  const claims = await verifyToken(stdout.trim(), SECRET);
  assert.deepEqual([claims.room, claims.sub, claims.name, claims.role], ['demo', 'alice', 'Alice', 'host']);
  assert.ok(claims.exp - Date.now() / 1000 <= 120);
});

test('explains what is missing', async () => {
  const noSecret = await run(['--room', 'demo', '--user', 'alice'], { RTC_JWT_SECRET: undefined });
  assert.equal(noSecret.code, 1);
  assert.match(noSecret.stderr, /RTC_JWT_SECRET is not set/);
  const badRole = await run(['--room', 'demo', '--user', 'alice', '--role', 'admin'], { RTC_JWT_SECRET: SECRET });
  assert.equal(badRole.code, 1);
  assert.match(badRole.stderr, /--role must be one of/);
  const badId = await run(['--room', 'no spaces', '--user', 'alice'], { RTC_JWT_SECRET: SECRET });
  assert.equal(badId.code, 1);
  assert.match(badId.stderr, /room/);
});

test('--admin prints an admin token that joins no room', async () => {
  const { code, stdout } = await run(['--admin', '--user', 'ops', '--ttl', '60'], { RTC_JWT_SECRET: SECRET });
  assert.equal(code, 0);
  const claims = await verifyAdminToken(stdout.trim(), SECRET);
  assert.deepEqual([claims.admin, claims.sub], [true, 'ops']);
  assert.ok(claims.exp - Date.now() / 1000 <= 60);
  await assert.rejects(verifyToken(stdout.trim(), SECRET), /room/);
  const mixed = await run(['--admin', '--room', 'demo'], { RTC_JWT_SECRET: SECRET });
  assert.equal(mixed.code, 1);
  assert.match(mixed.stderr, /joins no room/);
});

test('--line prints a user token: it opens a line with its call policy and joins no room', async () => {
  const { code, stdout } = await run(['--line', '--user', 'bob', '--name', 'Bob', '--callable', 'ann, cat', '--group', 'sales'], { RTC_JWT_SECRET: SECRET });
  assert.equal(code, 0);
  const claims = await verifyUserToken(stdout.trim(), SECRET);
  assert.deepEqual([claims.sub, claims.name, claims.callable, claims.group], ['bob', 'Bob', ['ann', 'cat'], 'sales']);
  await assert.rejects(verifyToken(stdout.trim(), SECRET), /room/);
  const mixed = await run(['--line', '--user', 'bob', '--room', 'demo'], { RTC_JWT_SECRET: SECRET });
  assert.equal(mixed.code, 1);
  assert.match(mixed.stderr, /joins no room/);
  const stray = await run(['--room', 'demo', '--user', 'bob', '--group', 'sales'], { RTC_JWT_SECRET: SECRET });
  assert.equal(stray.code, 1);
  assert.match(stray.stderr, /go with --line/);
});
