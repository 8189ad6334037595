/** The signaling client against the real room logic (the server's in-page hub), under Node. */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { TokenError } from '../../server/auth/claims.js';
import { DEFAULTS } from '../../server/config.js';
import { Hub } from '../../server/hub/hub.js';
import { createLoopback, type Loopback } from '../../server/hub/loopback.js';
import { LoopbackSocket } from '../../server/hub/loopback-socket.js';
import type { ReconnectContext } from './reconnect-policy.js';
import type { ServerMessage } from '../../protocol/server-messages.js';
import type { WebSocketLike } from '../rtc-client.js';
import { CLOSE_CODES } from '../../protocol/error-codes.js';
import { RtcError } from '../errors.js';
import { DefaultReconnectPolicy, type ReconnectPolicy } from './reconnect-policy.js';
import { SignalingClient, type SignalingEvents } from './signaling-client.js';

const fast: ReconnectPolicy = new DefaultReconnectPolicy({ delays: [0, 20, 50], maxJitterMs: 0, maxElapsedMs: 5_000 });
let loopbacks: Loopback[] = [];
let clients: SignalingClient[] = [];

afterEach(() => {
  clients.forEach((c) => c.close());
  loopbacks.forEach((l) => l.hub.close());
  clients = [];
  loopbacks = [];
});

function hub(config: Parameters<typeof createLoopback>[0] = {}): Loopback {
  const loopback = createLoopback({ graceMs: 5_000, ...config });
  loopbacks.push(loopback);
  return loopback;
}

/** A client plus a log of what it emitted. */
function client(loopback: Loopback, options: { connect?: (url: string) => WebSocketLike; policy?: ReconnectPolicy; pingIntervalMs?: number } = {}) {
  const signaling = new SignalingClient({
    url: 'ws://loopback/rtc',
    connect: options.connect ?? ((url) => loopback.connect(url)),
    policy: options.policy ?? fast,
    pingIntervalMs: options.pingIntervalMs ?? 1_000,
    livenessFactor: 2.5,
    connectTimeoutMs: 2_000,
    joinTimeoutMs: 2_000,
    requestTimeoutMs: 2_000,
  });
  clients.push(signaling);
  const frames: ServerMessage[] = [];
  const events: string[] = [];
  signaling.on('frame', ({ message }) => frames.push(message));
  for (const type of ['joined', 'resumed', 'reconnecting', 'ended'] as const) {
    signaling.on(type, (detail) => events.push(type === 'joined' ? `joined:${(detail as SignalingEvents['joined']).kind}` : type));
  }
  return { signaling, frames, events };
}

function join(loopback: Loopback, signaling: SignalingClient, user: string, extra: { password?: string; room?: string } = {}) {
  return signaling.join({
    room: extra.room ?? 'demo',
    token: loopback.token({ room: 'demo', user }),
    password: extra.password,
    media: () => ({ audio: true, video: false }),
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const chats = (frames: ServerMessage[]) => frames.filter((f) => f.type === 'chat');

describe('SignalingClient', () => {
  it('joins and announces the initial mute state', async () => {
    const loopback = hub();
    const alice = client(loopback);
    const joined = await join(loopback, alice.signaling, 'alice');
    assert.equal(joined.self.userId, 'alice');
    assert.deepEqual(joined.self.media, { audio: true, video: false, screen: false });
    assert.deepEqual(alice.events, ['joined:first']);
  });

  it('rejects join with the refusal code: another room, an expired token', async () => {
    const loopback = hub();
    const mismatch = client(loopback);
    await assert.rejects(join(loopback, mismatch.signaling, 'a', { room: 'other' }), (e) => RtcError.is(e, 'room-mismatch'));
    const expired = client(loopback);
    const token = loopback.token({ room: 'demo', user: 'b', ttlSeconds: -60 });
    await assert.rejects(
      expired.signaling.join({ room: 'demo', token, media: () => ({ audio: false, video: false }) }),
      (e) => RtcError.is(e, 'token-expired'),
    );
    assert.deepEqual(expired.events, [], 'a refused join is not a session that ended');
  });

  it('resumes after a dropped socket: missed frames are replayed, a chat sent meanwhile arrives once', async () => {
    const loopback = hub();
    const alice = client(loopback);
    const bob = client(loopback);
    await join(loopback, alice.signaling, 'alice');
    await join(loopback, bob.signaling, 'bob');

    loopback.dropConnections('alice');
    await until(() => alice.events.includes('reconnecting'), 'alice to notice the drop');
    const sent = alice.signaling.request({ type: 'chat', text: 'sent while away' });
    await bob.signaling.request({ type: 'chat', text: 'said while alice was away' });

    const ack = await sent;
    assert.equal(ack.message?.text, 'sent while away');
    await until(() => chats(bob.frames).length === 1 && chats(alice.frames).length === 1, 'both chats to arrive');
    assert.deepEqual(alice.events, ['joined:first', 'reconnecting', 'resumed']);
    assert.equal(bob.frames.some((f) => f.type === 'participant-left'), false, 'nobody saw alice leave');
  });

  it('sends a chat again with the same rid when its ack was lost: delivered exactly once', async () => {
    const loopback = hub();
    let loseNextAck = true;
    // A socket whose first chat ack is lost on the way, together with the connection.
    const connect = (url: string): WebSocketLike => {
      const socket = loopback.connect(url);
      let onmessage: WebSocketLike['onmessage'] = null;
      Object.defineProperty(socket, 'onmessage', {
        get: () => onmessage,
        set: (handler: WebSocketLike['onmessage']) => {
          onmessage = handler && ((event) => {
            const frame = JSON.parse(String(event.data)) as ServerMessage;
            if (loseNextAck && frame.type === 'ack' && frame.message) {
              loseNextAck = false;
              loopback.dropConnections('alice');
              return;
            }
            handler(event);
          });
        },
      });
      return socket;
    };
    const alice = client(loopback, { connect });
    const bob = client(loopback);
    await join(loopback, alice.signaling, 'alice');
    await join(loopback, bob.signaling, 'bob');

    const ack = await alice.signaling.request({ type: 'chat', text: 'only once' });
    assert.equal(ack.message?.text, 'only once');
    assert.equal(loseNextAck, false, 'the first ack was lost');
    assert.ok(alice.events.includes('resumed'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(chats(bob.frames).map((f) => f.type === 'chat' && f.message.id), [ack.message.id]);
  });

  it('treats a silent socket as dead and resumes', async () => {
    const loopback = hub();
    let deaf: WebSocketLike | null = null;
    const sockets: WebSocketLike[] = [];
    const connect = (url: string): WebSocketLike => {
      const socket = loopback.connect(url);
      sockets.push(socket);
      let onmessage: WebSocketLike['onmessage'] = null;
      Object.defineProperty(socket, 'onmessage', {
        get: () => onmessage,
        set: (handler: WebSocketLike['onmessage']) => {
          onmessage = handler && ((event) => (socket === deaf ? undefined : handler(event)));
        },
      });
      return socket;
    };
    const alice = client(loopback, { connect, pingIntervalMs: 50 });
    await join(loopback, alice.signaling, 'alice');
    deaf = sockets[0]; // nothing arrives any more, as on a half-open TCP connection
    await until(() => alice.events.includes('resumed'), 'the resume', 5_000);
    assert.deepEqual(alice.events, ['joined:first', 'reconnecting', 'resumed']);
  });

  it('joins afresh when the grace period ran out (a new session)', async () => {
    const loopback = hub({ graceMs: 30 });
    const slow = new DefaultReconnectPolicy({ delays: [200], maxJitterMs: 0 });
    const alice = client(loopback, { policy: slow });
    const first = await join(loopback, alice.signaling, 'alice');
    let second: string | undefined;
    alice.signaling.on('joined', ({ message }) => (second = message.session.id));
    loopback.dropConnections('alice');
    await until(() => second !== undefined, 'a fresh join');
    assert.notEqual(second, first.session.id);
    assert.deepEqual(alice.events, ['joined:first', 'reconnecting', 'joined:rejoined']);
  });

  it('ends with `replaced` when the same user joins elsewhere, and does not reconnect', async () => {
    const loopback = hub();
    const first = client(loopback);
    const second = client(loopback);
    await join(loopback, first.signaling, 'alice');
    let ended: SignalingEvents['ended'] | undefined;
    first.signaling.on('ended', (detail) => (ended = detail));
    await join(loopback, second.signaling, 'alice');
    await until(() => ended !== undefined, 'the older session to end');
    assert.equal(ended!.reason, 'replaced');
    assert.equal(ended!.error.code, 'replaced');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(first.events, ['joined:first', 'ended']);
  });

  it('resumes after the server cut it for reading too slowly (4009): not fatal', async () => {
    const loopback = hub();
    const sockets: WebSocketLike[] = [];
    const alice = client(loopback, { connect: (url) => { const socket = loopback.connect(url); sockets.push(socket); return socket; } });
    await join(loopback, alice.signaling, 'alice');
    // As the server's backpressure does: the socket ends with 4009 while the session stays.
    sockets[0].onclose?.({ code: CLOSE_CODES.tooSlow, reason: 'too slow' });
    await until(() => alice.events.includes('resumed'), 'alice to resume');
    assert.deepEqual(alice.events, ['joined:first', 'reconnecting', 'resumed']);
  });

  it('gives up when the policy says so, with `network`, and fails what is pending', async () => {
    const loopback = hub();
    let reachable = true;
    const connect = (url: string) => {
      if (!reachable) throw new Error('unreachable');
      return loopback.connect(url);
    };
    const alice = client(loopback, { connect, policy: new DefaultReconnectPolicy({ delays: [0, 20], maxElapsedMs: 100, maxJitterMs: 0 }) });
    await join(loopback, alice.signaling, 'alice');
    let ended: SignalingEvents['ended'] | undefined;
    alice.signaling.on('ended', (detail) => (ended = detail));
    reachable = false;
    loopback.dropConnections('alice');
    await until(() => alice.events.includes('reconnecting'), 'the drop');
    const pending = alice.signaling.request({ type: 'chat', text: 'never' });
    await assert.rejects(pending, (e) => RtcError.is(e, 'network'));
    await until(() => ended !== undefined, 'giving up');
    assert.equal(ended!.reason, 'network');
  });

  describe('across a server restart (a new hub that knows no session)', () => {
    /** A restarted server that takes only tokens named `fresh`, as one with a new secret would. */
    function restartedHub(): Hub {
      return new Hub({
        config: { ...DEFAULTS, graceMs: 5_000 },
        verifyToken: async (token) => {
          const claims = JSON.parse(Buffer.from(token, 'base64url').toString());
          if (claims.name !== 'fresh') throw new TokenError('token-invalid', 'Signed with another secret.');
          return claims;
        },
      });
    }

    it('asks for a fresh token once when the old one is refused, and rejoins with it', async () => {
      const before = hub();
      let server: { connect: (url: string) => WebSocketLike } = before;
      const asked: string[] = [];
      const renewal = (refused: string) => {
        asked.push(refused);
        return Promise.resolve(before.token({ room: 'demo', user: 'alice', name: 'fresh' }));
      };
      const restarted = restartedHub();
      try {
        const old = before.token({ room: 'demo', user: 'alice' });
        const renewing = client(before, { connect: (url) => server.connect(url) });
        await renewing.signaling.join({ room: 'demo', token: old, media: () => ({ audio: true, video: false }), renewToken: renewal });
        server = { connect: (url) => new LoopbackSocket(restarted, url) };
        before.hub.close();
        await until(() => renewing.events.includes('joined:rejoined'), 'the rejoin with a fresh token');
        assert.deepEqual(renewing.events, ['joined:first', 'reconnecting', 'joined:rejoined']);
        assert.deepEqual(asked, [old], 'asked once, with the refused token');
      } finally {
        restarted.close();
      }
    });

    it('ends with the refusal when the fresh token is refused too: asked only once', async () => {
      const before = hub();
      let server: { connect: (url: string) => WebSocketLike } = before;
      const restarted = restartedHub();
      try {
        let asked = 0;
        const alice = client(before, { connect: (url) => server.connect(url) });
        await alice.signaling.join({
          room: 'demo', token: before.token({ room: 'demo', user: 'alice' }), media: () => ({ audio: true, video: false }),
          renewToken: () => Promise.resolve(before.token({ room: 'demo', user: 'alice', name: `stale ${++asked}` })),
        });
        let ended: SignalingEvents['ended'] | undefined;
        alice.signaling.on('ended', (detail) => (ended = detail));
        server = { connect: (url) => new LoopbackSocket(restarted, url) };
        before.hub.close();
        await until(() => ended !== undefined, 'the session to end');
        assert.equal(ended!.error.code, 'token-invalid');
        assert.equal(asked, 1);
      } finally {
        restarted.close();
      }
    });

    it('tells the policy when an attempt was refused (nothing listening), so it can retry sooner', async () => {
      const loopback = hub();
      let listening = true;
      const seen: ReconnectContext[] = [];
      const policy: ReconnectPolicy = {
        nextRetryDelayMs: (context) => {
          seen.push(context);
          if (seen.length === 3) listening = true;
          return 10;
        },
      };
      const connect = (url: string) => {
        if (!listening) throw new Error('ECONNREFUSED');
        return loopback.connect(url);
      };
      const alice = client(loopback, { connect, policy });
      await join(loopback, alice.signaling, 'alice');
      listening = false;
      loopback.dropConnections('alice');
      await until(() => alice.events.includes('resumed'), 'the resume once the server listens again');
      assert.deepEqual(seen.map((c) => c.refused), [false, true, true]);
    });
  });
});
