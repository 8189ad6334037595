/** `npm run serve` as a process: what it refuses to start with, what it prints, and that attacks do not end it. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';

const root = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(root, 'server/main.ts');
const scratch = mkdtempSync(path.join(tmpdir(), 'rtc-main-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The parent's environment without anything that configures the server; state in a scratch folder. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(RTC_|HOST$|PORT$|STATIC_DIR$|FRAME_ANCESTORS$|ALLOWED_ORIGINS$|TURN_)/.test(name)));
  return { ...env, PORT: '0', STATIC_DIR: '/nonexistent', RTC_STATE_DIR: path.join(scratch, 'state'), ...extra };
}

interface Child {
  /** Resolves with stdout so far once `pattern` shows up in it. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

function run(file: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    for (const wake of waiters) wake();
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => {
    for (const wake of waiters) wake();
    resolve({ code, stdout, stderr });
  }));
  return {
    exited,
    kill: (signal) => child.kill(signal),
    waitFor: (pattern) => new Promise((resolve, reject) => {
      const check = () => {
        if (pattern.test(stdout)) {
          waiters.delete(check);
          resolve(stdout);
        } else if (child.exitCode !== null) {
          waiters.delete(check);
          reject(new Error(`exited ${child.exitCode} before ${pattern}: ${stdout}${stderr}`));
        }
      };
      waiters.add(check);
      check();
    }),
  };
}

function send(port: number, bytes: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    socket.on('data', () => {});
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}

test('a secret variable that is present but empty or short stops the server with a clear message', async () => {
  for (const [secret, message] of [['', /RTC_JWT_SECRET is set but empty/], ['short-secret', /RTC_JWT_SECRET is 12 bytes long; it needs at least 32/]] as const) {
    const { code, stderr, stdout } = await run(MAIN, cleanEnv({ RTC_JWT_SECRET: secret })).exited;
    assert.equal(code, 1, stdout);
    assert.match(stderr, message);
    assert.doesNotMatch(stdout, /running/);
  }
});

test('dev mode says so, listens on this machine only, and survives the request lines that used to end it', async () => {
  const server = run(MAIN, cleanEnv({}));
  try {
    const out = await server.waitFor(/signaling:/);
    const [, url, port] = /rtc-kit is running: {2}(http:\/\/127\.0\.0\.1:(\d+)) {2}\(dev mode\)/.exec(out) ?? [];
    assert.ok(url, out);
    assert.match(out, /signaling: {11}ws:\/\/127\.0\.0\.1:\d+\/rtc/);
    assert.match(out, /HOST=0\.0\.0\.0 npm start lets devices on your network in/);
    assert.doesNotMatch(out, /on your network:/);

    const upgrade = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';
    for (const target of ['//[', 'http://[', '//a:b@', '//:99999', 'http://x:0x/']) {
      await send(Number(port), `GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      await send(Number(port), `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${upgrade}\r\n`);
    }
    const health = await fetch(`${url}/healthz`);
    assert.deepEqual(await health.json(), { ok: true, devMode: true });
  } finally {
    server.kill('SIGTERM');
  }
  const { code, stderr } = await server.exited;
  assert.equal(code, 0, 'closes cleanly on SIGTERM');
  assert.match(stderr, /DEV MODE: no RTC_JWT_SECRET/, 'the warning box');
});

test('with a secret it is no dev mode, and HOST picks the interface', async () => {
  const server = run(MAIN, cleanEnv({ RTC_JWT_SECRET: 'a-long-enough-secret-for-this-test-0123456789', HOST: '127.0.0.1' }));
  try {
    const out = await server.waitFor(/signaling:/);
    const url = /rtc-kit is running: {2}(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
    assert.ok(url, out);
    assert.doesNotMatch(out, /dev mode|only this machine/i);
    assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { ok: true, devMode: false });
  } finally {
    server.kill('SIGTERM');
  }
  assert.doesNotMatch((await server.exited).stderr, /DEV MODE/);
});

test('the last-resort guard logs what nothing caught and keeps the process running', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rtc-guard-'));
  const script = (guarded: boolean) => `
    import { guardProcess } from ${JSON.stringify(path.join(root, 'server/process-guard.ts'))};
    ${guarded ? "guardProcess({ info() {}, warn() {}, error: (message, error) => console.log('logged:', message, error.message) });" : ''}
    setTimeout(() => { throw new Error('boom'); });
    setTimeout(() => Promise.reject(new Error('nope')), 10);
    setTimeout(() => console.log('still serving'), 100);
  `;
  try {
    await writeFile(path.join(dir, 'guarded.mts'), script(true));
    await writeFile(path.join(dir, 'bare.mts'), script(false));
    const guarded = await run(path.join(dir, 'guarded.mts'), process.env).exited;
    assert.equal(guarded.code, 0, guarded.stderr);
    assert.match(guarded.stdout, /logged: uncaught exception; the server keeps running boom/);
    assert.match(guarded.stdout, /logged: unhandled rejection; the server keeps running nope/);
    assert.match(guarded.stdout, /still serving/);
    const bare = await run(path.join(dir, 'bare.mts'), process.env).exited;
    assert.notEqual(bare.code, 0, 'without the guard the same bug ends the process');
    assert.doesNotMatch(bare.stdout, /still serving/);
  } finally {
    await rm(dir, { recursive: true });
  }
});
