import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { ConfigError, DEFAULTS, loadConfig } from './config.js';
import { createIceServersFor } from './ice.js';

test('an empty environment gives the defaults (dev mode)', () => {
  const config = loadConfig({});
  assert.deepEqual(config, DEFAULTS);
  assert.equal(config.secret, undefined);
  assert.equal(config.port, 8787);
  assert.equal(config.host, '0.0.0.0');
});

test('environment variables are read and checked', () => {
  const config = loadConfig({
    PORT: '9000', HOST: '127.0.0.1', RTC_JWT_SECRET: 's3cret', GRACE_MS: '500', MAX_PARTICIPANTS: '4',
    ICE_SERVERS: '[{"urls":"stun:stun.example.com:3478"}]', ALLOWED_ORIGINS: 'https://a.example, https://b.example',
  });
  assert.equal(config.port, 9000);
  assert.equal(config.secret, 's3cret');
  assert.equal(config.graceMs, 500);
  assert.equal(config.maxParticipants, 4);
  assert.deepEqual(config.iceServers, [{ urls: 'stun:stun.example.com:3478' }]);
  assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example']);

  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ ICE_SERVERS: '{nope' }), /ICE_SERVERS is not JSON/);
  assert.throws(() => loadConfig({ ICE_SERVERS: '[{"url":"stun:x"}]' }), /ICE_SERVERS/);
  assert.throws(() => loadConfig({ TURN_URLS: 'turn:turn.example.com' }), /TURN_URLS and TURN_SECRET/);
});

test('TURN credentials follow coturn\'s REST API: expiry:user and base64 HMAC-SHA1', () => {
  const config = loadConfig({ TURN_URLS: 'turn:turn.example.com:3478,turns:turn.example.com:5349', TURN_SECRET: 'coturn-secret', TURN_TTL_SECONDS: '600' });
  const before = Math.floor(Date.now() / 1000);
  const [turn] = createIceServersFor(config)('alice');
  assert.deepEqual(turn.urls, ['turn:turn.example.com:3478', 'turns:turn.example.com:5349']);
  const [expiry, user] = turn.username!.split(':');
  assert.equal(user, 'alice');
  assert.ok(Number(expiry) >= before + 600 && Number(expiry) <= before + 601);
  assert.equal(turn.credential, createHmac('sha1', 'coturn-secret').update(turn.username!).digest('base64'));
});
