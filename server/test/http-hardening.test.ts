/** Item 1 of the hardening issue, as the attack: request lines and sockets that used to end the process. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import WebSocket from 'ws';
import type { RtcServer } from '../create-server.js';
import { TestClient, startServer } from './helpers.js';
import { rawExchange, upgradeHeaders } from './raw-http.js';

/** The targets from the report, and a few of their relatives. */
const BAD_TARGETS = ['//[', 'http://[', '//a:b@', '//:99999', 'http://x:0x/', '//[::1', 'http://a:b@/', 'http://%zz/', '*', 'no-slash', '/%', '/%E0%A4%A'];

/** The call still works: /healthz answers and two people meet in a room. */
async function assertServing(server: RtcServer): Promise<void> {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  const room = `after-${Math.random().toString(36).slice(2)}`;
  const [ann] = await TestClient.join(server, room, 'ann');
  const [bob] = await TestClient.join(server, room, 'bob');
  ann.send({ type: 'signal', to: 'bob', payload: { candidate: null } });
  assert.equal((await bob.next('signal')).from, 'ann');
  ann.close();
  bob.close();
}

describe('malformed request targets', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ headersTimeoutMs: 2000 });
  });
  after(() => server.close());

  test('plain requests get an answer (400 when the target is no path), never a crash', async () => {
    for (const target of BAD_TARGETS) {
      const reply = await rawExchange(server, `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      assert.ok(reply.status === 400 || reply.status === 404, `${target} -> ${reply.text.split('\r\n')[0] || '(nothing)'}`);
    }
    for (const target of ['http://[', 'http://x:0x/', '*', 'no-slash']) {
      const reply = await rawExchange(server, `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      assert.equal(reply.status, 400, target);
    }
    await assertServing(server);
  });

  test('upgrade requests get refused or the socket destroyed, never a crash', async () => {
    for (const target of BAD_TARGETS) {
      const reply = await rawExchange(server, `GET ${target} HTTP/1.1\r\nHost: localhost\r\n${upgradeHeaders()}\r\n`);
      assert.ok(reply.closedByServer, `${target}: the server closes the socket`);
      assert.ok(reply.status === null || reply.status === 400 || reply.status === 404, `${target} -> ${reply.text.split('\r\n')[0]}`);
      assert.notEqual(reply.status, 101, target);
    }
    await assertServing(server);
  });

  test('an absolute-form target is served by its path', async () => {
    const reply = await rawExchange(server, 'GET http://elsewhere.example/healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    assert.equal(reply.status, 200);
    assert.match(reply.text, /"ok":true/);
  });
});

describe('sockets that misbehave', () => {
  let server: RtcServer;
  before(async () => {
    server = await startServer({ headersTimeoutMs: 300, requestTimeoutMs: 300 });
  });
  after(() => server.close());

  test('upgrades reset right after the request line, refused or not, leave the server up', async () => {
    const targets = ['/rtc', '/elsewhere', '//[', 'http://['];
    await Promise.all(Array.from({ length: 40 }, (_, i) => new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`GET ${targets[i % targets.length]} HTTP/1.1\r\nHost: localhost\r\n${upgradeHeaders()}\r\n`);
        // An RST instead of a FIN: the server's answer meets a dead socket.
        setImmediate(() => socket.resetAndDestroy());
      });
      socket.on('error', () => {});
      socket.on('close', () => resolve());
    })));
    await assertServing(server);
  });

  test('headers that never finish get 408 and the socket closed', async () => {
    const reply = await rawExchange(server, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', { waitMs: 5000 });
    assert.equal(reply.status, 408);
    assert.ok(reply.closedByServer);
  });

  test('oversized headers get 431; a garbage request line 400', async () => {
    const big = await rawExchange(server, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.equal(big.status, 431);
    const garbage = await rawExchange(server, '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 hello\r\n\r\n');
    assert.equal(garbage.status, 400);
    assert.match(garbage.text, /x-content-type-options: nosniff/i);
    await assertServing(server);
  });

  test('a WebSocket that sends invalid frames is closed, the others carry on', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/rtc`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.on('error', () => {});
    // A reserved opcode and an unmasked frame: a protocol error, not an exception.
    (ws as unknown as { _socket: import('node:net').Socket })._socket.write(Buffer.from([0x83, 0x02, 0x41, 0x42]));
    assert.equal(await closed, 1002, 'protocol error');
    await assertServing(server);
  });
});

test('/healthz says whether the server is in dev mode', async () => {
  const dev = await startServer({ secret: undefined });
  const signed = await startServer();
  try {
    assert.deepEqual(await (await fetch(`${dev.url}/healthz`)).json(), { ok: true, devMode: true });
    assert.deepEqual(await (await fetch(`${signed.url}/healthz`)).json(), { ok: true, devMode: false });
  } finally {
    await Promise.all([dev.close(), signed.close()]);
  }
});

test('createRtcServer refuses an empty or short secret instead of falling back to dev mode', async () => {
  await assert.rejects(startServer({ secret: '' }), { name: 'ConfigError', message: /empty/ });
  await assert.rejects(startServer({ secret: 'short' }), { name: 'ConfigError', message: /5 bytes long/ });
});
