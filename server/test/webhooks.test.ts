import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signAdminToken } from '../auth/tokens.js';
import type { WebhookConfig } from '../config.js';
import { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { verifyWebhookSignature } from '../webhooks/signature.js';
import { SECRET, TestClient, startServer } from './helpers.js';
import { startReceiver, type Delivery } from './webhook-receiver.js';

const summary = (deliveries: Delivery[]) => deliveries.map(({ event }) => {
  const data = event.data as { userId?: string; reason?: string };
  return [event.type, event.roomId, data.userId, data.reason].filter((x) => x !== undefined).join(' ');
});

const fast: Partial<WebhookConfig> = { retryDelayMs: () => 1, drainMs: 0 };

test('events are signed with the server secret and arrive in order, each with its own id and a growing seq', async () => {
  const receiver = await startReceiver();
  const server = await startServer({ webhooks: { url: receiver.url, ...fast } });
  try {
    const [host] = await TestClient.join(server, 'hooked', 'host', { role: 'host', name: 'Host' });
    const [ann] = await TestClient.join(server, 'hooked', 'ann');
    ann.send({ type: 'leave' });
    await host.next('participant-left');
    host.send({ type: 'leave' });
    await host.closed;

    const deliveries = await receiver.waitFor(6);
    assert.deepEqual(summary(deliveries), [
      'room.started hooked',
      'participant.joined hooked host',
      'participant.joined hooked ann',
      'participant.left hooked ann left',
      'participant.left hooked host left',
      'room.ended hooked empty',
    ]);
    const joined = deliveries[1].event;
    assert.equal(joined.type, 'participant.joined');
    if (joined.type === 'participant.joined') assert.deepEqual([joined.data.name, joined.data.role], ['Host', 'host']);
    for (const { headers, body } of deliveries) {
      assert.equal(headers['content-type'], 'application/json');
      assert.ok(verifyWebhookSignature(headers['rtc-signature'] as string, body, SECRET), 'signed with the server secret');
      assert.ok(!verifyWebhookSignature(headers['rtc-signature'] as string, body.replace('hooked', 'hooker'), SECRET), 'a changed body fails');
      assert.ok(!verifyWebhookSignature(headers['rtc-signature'] as string, body, SECRET, { nowSeconds: Date.now() / 1000 + 301 }), 'a replay after 5 minutes fails');
    }
    const seqs = deliveries.map((d) => d.event.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
    assert.equal(new Set(seqs).size, 6);
    assert.equal(new Set(deliveries.map((d) => d.event.id)).size, 6);
    assert.ok(deliveries.every((d) => /^evt_[\w-]{20}$/.test(d.event.id) && d.event.createdAt <= Date.now()));
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('WEBHOOK_SECRET, when set, signs instead of the server secret', async () => {
  const receiver = await startReceiver();
  const hookSecret = 'a-separate-webhook-secret-of-32-bytes-or-more';
  const server = await startServer({ webhooks: { url: receiver.url, secret: hookSecret, ...fast } });
  try {
    const [ann] = await TestClient.join(server, 'separate', 'ann');
    const [first] = await receiver.waitFor(1);
    assert.ok(verifyWebhookSignature(first.headers['rtc-signature'] as string, first.body, hookSecret));
    assert.ok(!verifyWebhookSignature(first.headers['rtc-signature'] as string, first.body, SECRET));
    ann.close();
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('a receiver that fails twice gets the event on the third try, and the later events after it', async () => {
  const receiver = await startReceiver((_delivery, index) => (index < 2 ? 500 : 200));
  const server = await startServer({ webhooks: { url: receiver.url, ...fast } });
  try {
    const [ann] = await TestClient.join(server, 'flaky', 'ann');
    const deliveries = await receiver.waitFor(4);
    assert.deepEqual(summary(deliveries), ['room.started flaky', 'room.started flaky', 'room.started flaky', 'participant.joined flaky ann']);
    assert.deepEqual(deliveries.map((d) => d.headers['rtc-attempt']), ['1', '2', '3', '1']);
    assert.equal(new Set(deliveries.slice(0, 3).map((d) => d.event.id)).size, 1, 'a retry is the same event');
    for (const { headers, body } of deliveries) assert.ok(verifyWebhookSignature(headers['rtc-signature'] as string, body, SECRET));
    ann.close();
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('a receiver that never answers delays no join, and the server still closes', async () => {
  const receiver = await startReceiver(() => 'hang');
  const server = await startServer({ webhooks: { url: receiver.url, timeoutMs: 60_000, ...fast } });
  try {
    const clients = [];
    for (const user of ['ann', 'bob', 'carl']) {
      const [client, joined] = await TestClient.join(server, 'patient', user);
      assert.equal(joined.participants.length, clients.length);
      clients.push(client);
    }
    await receiver.waitFor(1);
    assert.equal(receiver.deliveries.length, 1, 'the room\'s queue waits for its head');
    // Another room's events are not held up by this one's.
    const [dan] = await TestClient.join(server, 'elsewhere', 'dan');
    await receiver.waitFor(2);
    assert.equal(receiver.deliveries[1].event.roomId, 'elsewhere');
    for (const client of [...clients, dan]) client.close();
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('the admin API\'s removals and end, and a shutdown, say why in participant.left and room.ended', async () => {
  const receiver = await startReceiver();
  const server = await startServer({ webhooks: { url: receiver.url, retryDelayMs: () => 1, drainMs: 5000 } });
  const token = await signAdminToken({ sub: 'ops', ttlSeconds: 60 }, SECRET);
  const admin = (method: string, path: string) => fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  let closed = false;
  try {
    const [host] = await TestClient.join(server, 'why', 'host', { role: 'host' });
    const [ann] = await TestClient.join(server, 'why', 'ann');
    await TestClient.join(server, 'why', 'bob');
    assert.equal((await admin('DELETE', '/api/rooms/why/participants/ann')).status, 200);
    await ann.closed;
    assert.equal((await admin('POST', '/api/rooms/why/end')).status, 200);
    await host.closed;
    await TestClient.join(server, 'after', 'carl');
    await receiver.waitFor(10);
    await server.close();
    closed = true;
    const deliveries = await receiver.waitFor(12);
    assert.deepEqual(summary(deliveries).slice(4), [
      'participant.left why ann kicked',
      'participant.left why host ended',
      'participant.left why bob ended',
      'room.ended why ended',
      'room.started after',
      'participant.joined after carl',
      // Closing the server waits (drainMs) for its own last events.
      'participant.left after carl shutdown',
      'room.ended after shutdown',
    ]);
  } finally {
    if (!closed) await server.close();
    await receiver.close();
  }
});

test('after its last attempt an event is dropped with a log line, and the next one is sent', async () => {
  const receiver = await startReceiver((delivery) => (delivery.event.type === 'room.started' ? 503 : 200));
  const warnings: string[] = [];
  const dispatcher = new WebhookDispatcher({
    url: receiver.url, secret: SECRET, timeoutMs: 5000, maxAttempts: 3, maxQueued: 100, retryDelayMs: () => 1,
    log: { info() {}, warn: (message) => warnings.push(message), error() {} },
  });
  try {
    dispatcher.emit({ type: 'room.started', roomId: 'r', data: { instance: 'i' } });
    dispatcher.emit({ type: 'room.ended', roomId: 'r', data: { instance: 'i', reason: 'empty' } });
    const deliveries = await receiver.waitFor(4);
    assert.deepEqual(deliveries.map((d) => d.event.type), ['room.started', 'room.started', 'room.started', 'room.ended']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /dropped room\.started evt_\S+ for room r after 3 attempts \(HTTP 503\)/);
  } finally {
    await dispatcher.close(0);
    await receiver.close();
  }
});

test('past maxQueued, new events are dropped with one log line', async () => {
  const receiver = await startReceiver(() => 'hang');
  const warnings: string[] = [];
  const dispatcher = new WebhookDispatcher({
    url: receiver.url, secret: SECRET, timeoutMs: 60_000, maxAttempts: 3, maxQueued: 2, retryDelayMs: () => 1,
    log: { info() {}, warn: (message) => warnings.push(message), error() {} },
  });
  try {
    for (let i = 0; i < 5; i++) dispatcher.emit({ type: 'room.started', roomId: `r${i}`, data: { instance: 'i' } });
    assert.equal(dispatcher.pending, 2);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /dropping new ones/);
  } finally {
    await dispatcher.close(0);
    await receiver.close();
  }
});
