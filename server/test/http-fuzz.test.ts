/**
 * Garbage over raw TCP, beside the frame fuzz (fuzz.test.ts): seeded random request lines, headers,
 * upgrade requests, half requests and junk bytes. The server must answer each with an HTTP status (or
 * close it), never a 500, and afterwards still serve /healthz and a call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer } from './helpers.js';

/** Deterministic randomness (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Attempt {
  bytes: Buffer;
  /** Stop after writing this many bytes and close (a half request), or reset the socket. */
  cut?: { at: number; reset: boolean };
}

function attempts(random: () => number, count: number): Attempt[] {
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
  const printable = (length: number) => Array.from({ length }, () => String.fromCharCode(32 + int(95))).join('');
  const junk = (length: number) => bytes(length).toString('latin1');

  const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'PRI', 'get', 'G\u00e9T', '', 'GET GET', printable(8)];
  const targets = [
    '/', '/healthz', '/rtc', '/api/token?room=x', '/api/rooms', '/index.html', '/rtc-kit.js',
    '//[', 'http://[', '//a:b@', '//:99999', 'http://x:0x/', 'http://[::1]:0/', '*', 'rtc', '/%', '/%zz', '/%00',
    '/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/.env', `/${'a'.repeat(10_000)}`, '/?a=%', '/\u00ff\u0100',
    () => `/${printable(1 + int(40))}`, () => `/${junk(1 + int(20))}`, () => `http://${printable(int(20))}/${printable(int(10))}`,
  ] as const;
  const versions = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', 'http/1.1', '', 'HTTP/1.'];
  const headerLines = [
    () => 'Host: localhost', () => `Host: ${printable(int(30))}`, () => 'Host:', () => 'Host: a\r\nHost: b',
    () => 'Upgrade: websocket', () => 'Connection: Upgrade', () => 'Connection: keep-alive, Upgrade',
    () => `Sec-WebSocket-Key: ${pick(['dGhlIHNhbXBsZSBub25jZQ==', '', 'short', printable(24)])}`,
    () => `Sec-WebSocket-Version: ${pick(['13', '8', '', 'x'])}`, () => `Sec-WebSocket-Protocol: ${printable(int(50))}`,
    () => `Sec-WebSocket-Extensions: ${pick(['permessage-deflate', 'permessage-deflate; client_max_window_bits=99', printable(20)])}`,
    () => `Origin: ${pick(['https://evil.example', 'null', '', '://', printable(int(40))])}`,
    () => `Content-Length: ${pick(['0', '5', '-1', '99999999999999999999', 'abc', '1, 2'])}`,
    () => 'Transfer-Encoding: chunked', () => `Transfer-Encoding: ${pick(['gzip, chunked', 'chunked, identity', printable(8)])}`,
    () => `Accept-Encoding: ${pick(['br', 'gzip;q=0.5, br;q=abc', '*;q=0', ',,,;;;', printable(int(60))])}`,
    () => `If-None-Match: ${pick(['*', 'W/"x"', '"', printable(int(40))])}`,
    () => `Authorization: Bearer ${printable(int(300))}`, () => `X-Forwarded-For: ${printable(int(40))}`,
    () => `${printable(1 + int(20))}: ${printable(int(100))}`, () => `X-Big: ${'b'.repeat(int(20_000))}`,
    () => ': no-name', () => 'No-Colon', () => ` Leading-Space: x`, () => `X-Null: a\u0000b`, () => `X-Junk: ${junk(int(40))}`,
  ];
  const bodies = ['', 'x', '{"roomId":"r"}', '0\r\n\r\n', 'zz\r\nhello\r\n0\r\n\r\n', junk(int(200))];

  const request = () => {
    const target = pick(targets);
    const line = `${pick(methods)} ${typeof target === 'function' ? target() : target} ${pick(versions)}`;
    const headers = Array.from({ length: int(8) }, () => pick(headerLines)());
    if (random() < 0.4) headers.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13');
    const end = pick(['\r\n\r\n', '\n\n', '\r\n', '\r\r', '']);
    return `${line}\r\n${headers.join(pick(['\r\n', '\n', '\r']))}${end}${pick(bodies)}`;
  };

  const makers: (() => Attempt)[] = [
    () => ({ bytes: Buffer.from(request(), 'latin1') }),
    () => ({ bytes: Buffer.from(request() + request(), 'latin1') }),
    () => {
      const whole = Buffer.from(request(), 'latin1');
      return { bytes: whole, cut: { at: int(whole.length), reset: random() < 0.5 } };
    },
    () => ({ bytes: bytes(1 + int(300)) }),
    () => ({ bytes: Buffer.concat([Buffer.from(`GET /rtc HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`), bytes(1 + int(200))]) }),
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

/** Plays one attempt; resolves with what the server sent back. */
function play(server: RtcServer, { bytes, cut }: Attempt): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    // Long enough for the server's 300 ms header timeout to fire on a half request.
    const timer = setTimeout(done, 3000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => {
      if (!cut) {
        socket.end(bytes);
        return;
      }
      socket.write(bytes.subarray(0, cut.at));
      if (cut.reset) setImmediate(() => socket.resetAndDestroy());
    });
  });
}

test('a thousand garbage requests: every answer is an HTTP status other than 500, and the server keeps serving calls', async () => {
  // A global cap below the number of upgrades in the plan: a socket that is never released shows up as a refused join.
  const server = await startServer({ headersTimeoutMs: 300, requestTimeoutMs: 300, maxConnections: 40 });
  try {
    const [ann] = await TestClient.join(server, 'calm', 'ann');
    const [bob] = await TestClient.join(server, 'calm', 'bob');

    const plan = attempts(prng(20261201), 1000);
    const statuses = new Map<string, number>();
    const PARALLEL = 20;
    for (let i = 0; i < plan.length; i += PARALLEL) {
      const replies = await Promise.all(plan.slice(i, i + PARALLEL).map((attempt) => play(server, attempt)));
      replies.forEach((reply, j) => {
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? (reply ? 'not HTTP' : 'closed');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // A 101 is an upgrade that got in, with junk frames after it; ws answers those with a close frame.
        if (status === 'not HTTP') assert.fail(`attempt ${i + j}: ${JSON.stringify(reply.slice(0, 200))}`);
        assert.notEqual(status, '500', `attempt ${i + j} hit a server error: ${JSON.stringify(plan[i + j].bytes.toString('latin1').slice(0, 200))}`);
      });
    }
    assert.equal(statuses.get('503'), undefined, 'no socket outlived its attempt (the global cap would refuse)');
    assert.ok((statuses.get('400') ?? 0) > 100, `many refusals: ${JSON.stringify(Object.fromEntries(statuses))}`);

    const health = await fetch(`${server.url}/healthz`);
    assert.deepEqual(await health.json(), { ok: true, devMode: false });
    ann.send({ type: 'signal', to: 'bob', payload: { candidate: null } });
    assert.equal((await bob.next('signal')).from, 'ann', 'the call that was going on is unharmed');
    const [cat, joined] = await TestClient.join(server, 'calm', 'cat');
    assert.deepEqual(joined.participants.map((p) => p.userId), ['ann', 'bob'], 'and someone new can join it');
    for (const client of [ann, bob, cat]) client.close();
  } finally {
    await server.close();
  }
});
