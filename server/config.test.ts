import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { ConfigError, DEFAULTS, loadConfig } from './config.js';
import { createIceServersFor } from './ice.js';

const SECRET = 'x'.repeat(32);
const configError = (pattern: RegExp) => (e: unknown) => e instanceof ConfigError && pattern.test(e.message);

test('an empty environment gives the defaults: dev mode, on this machine only', () => {
  const config = loadConfig({});
  // `npm start` also starts Janus for `auto` rooms (servers made in code do not, unless asked).
  assert.deepEqual(config, { ...DEFAULTS, startJanusForAuto: true });
  assert.equal(config.secret, undefined);
  assert.equal(config.port, 8787);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0', 'the LAN demo is one variable away');
});

test('environment variables are read and checked', () => {
  const config = loadConfig({
    PORT: '9000', HOST: '127.0.0.1', RTC_JWT_SECRET: SECRET, GRACE_MS: '500', MAX_PARTICIPANTS: '4',
    ICE_SERVERS: '[{"urls":"stun:stun.example.com:3478"}]', ALLOWED_ORIGINS: 'https://a.example, https://b.example',
    MAX_CONNECTIONS: '500', MAX_CONNECTIONS_PER_IP: '8', TRUST_PROXY: '1',
  });
  assert.equal(config.port, 9000);
  assert.equal(config.secret, SECRET);
  assert.equal(config.graceMs, 500);
  assert.equal(config.maxParticipants, 4);
  assert.deepEqual(config.iceServers, [{ urls: 'stun:stun.example.com:3478' }]);
  assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example']);
  assert.deepEqual([config.maxConnections, config.maxConnectionsPerIp, config.trustProxy], [500, 8, true]);

  assert.throws(() => loadConfig({ PORT: 'eighty' }), configError(/PORT/));
  assert.throws(() => loadConfig({ ICE_SERVERS: '{nope' }), /ICE_SERVERS is not JSON/);
  assert.throws(() => loadConfig({ ICE_SERVERS: '[{"url":"stun:x"}]' }), /ICE_SERVERS/);
  assert.throws(() => loadConfig({ TURN_URLS: 'turn:turn.example.com' }), /TURN_URLS and TURN_SECRET/);
  assert.throws(() => loadConfig({ TRUST_PROXY: 'yes please' }), configError(/TRUST_PROXY/));
  assert.throws(() => loadConfig({ MAX_CONNECTIONS_PER_IP: '0' }), configError(/MAX_CONNECTIONS_PER_IP/));
  // Calls: how long a call rings, 5–180 s.
  assert.equal(loadConfig({ RING_TIMEOUT_MS: '20000' }).calls?.ringTimeoutMs, 20_000);
  assert.throws(() => loadConfig({ RING_TIMEOUT_MS: '4999' }), configError(/RING_TIMEOUT_MS/));
  assert.throws(() => loadConfig({ RING_TIMEOUT_MS: '180001' }), configError(/RING_TIMEOUT_MS/));
});

test('a secret that is present must be a real one: empty or short stops the server, it never means dev mode', () => {
  assert.throws(() => loadConfig({ RTC_JWT_SECRET: '' }), configError(/RTC_JWT_SECRET is set but empty.*RTC_DEV_MODE=1/));
  assert.throws(() => loadConfig({ RTC_JWT_SECRET: 's3cret' }), configError(/6 bytes long; it needs at least 32/));
  assert.throws(() => loadConfig({ RTC_JWT_SECRET: 'x'.repeat(31) }), configError(/31 bytes/));
  assert.equal(loadConfig({ RTC_JWT_SECRET: '€'.repeat(11) }).secret, '€'.repeat(11), 'bytes count, not characters (33 bytes)');
  const signed = loadConfig({ RTC_JWT_SECRET: SECRET });
  assert.equal(signed.host, '0.0.0.0', 'with a secret the server listens on every interface, as a container needs');
});

test('dev mode is an explicit choice: RTC_DEV_MODE=1, or no secret variable at all', () => {
  assert.equal(loadConfig({ RTC_DEV_MODE: '1', RTC_JWT_SECRET: '' }).secret, undefined);
  assert.equal(loadConfig({ RTC_DEV_MODE: '1' }).host, '127.0.0.1');
  assert.throws(() => loadConfig({ RTC_DEV_MODE: '1', RTC_JWT_SECRET: SECRET }), configError(/both set/));
  assert.throws(() => loadConfig({ RTC_DEV_MODE: '0' }), configError(/RTC_DEV_MODE=0 needs RTC_JWT_SECRET/));
  assert.equal(loadConfig({ RTC_DEV_MODE: '0', RTC_JWT_SECRET: SECRET }).secret, SECRET);
  assert.throws(() => loadConfig({ RTC_DEV_MODE: 'maybe' }), configError(/RTC_DEV_MODE/));
});

test('FRAME_ANCESTORS takes CSP sources and nothing that could smuggle in another directive', () => {
  assert.equal(loadConfig({}).frameAncestors, '*');
  assert.equal(loadConfig({ FRAME_ANCESTORS: "'self' https://cms.example" }).frameAncestors, "'self' https://cms.example");
  assert.equal(loadConfig({ FRAME_ANCESTORS: 'https://a.example, https://*.b.example:8443' }).frameAncestors, 'https://a.example https://*.b.example:8443');
  assert.equal(loadConfig({ FRAME_ANCESTORS: "'none'" }).frameAncestors, "'none'");
  for (const bad of ["'self'; script-src *", "https://a.example'", "'none' https://a.example", "'unsafe-inline'", 'https://[::1]', 'https://a.example/"x']) {
    assert.throws(() => loadConfig({ FRAME_ANCESTORS: bad }), configError(/FRAME_ANCESTORS/), bad);
  }
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

test('TURN credentials live no longer than the call needs: 2 h by default, never past the token', () => {
  const config = loadConfig({ TURN_URLS: 'turn:turn.example.com', TURN_SECRET: 'coturn-secret' });
  assert.equal(config.turn?.ttlSeconds, 2 * 3600);
  const now = 1_800_000_000;
  const iceServersFor = createIceServersFor(config, () => now * 1000);
  const expiryOf = (tokenExpiresAt?: number) => Number(iceServersFor('alice', 'room', tokenExpiresAt)[0].username!.split(':')[0]);
  assert.equal(expiryOf(), now + 7200);
  assert.equal(expiryOf(now + 600), now + 600, 'a token ending in 10 min ends the relay with it');
  assert.equal(expiryOf(now + 86_400), now + 7200, 'a day-long token still gets 2 h');
  assert.equal(expiryOf(now - 5), now + 60, 'at least a minute, enough to finish gathering');
});

test('WEBHOOK_URL and WEBHOOK_SECRET configure webhooks; bad values stop the server with the variable named', () => {
  assert.equal(loadConfig({}).webhooks, null);
  assert.deepEqual(loadConfig({ WEBHOOK_URL: 'https://app.example/hooks' }).webhooks, { url: 'https://app.example/hooks' });
  const secret = 'w'.repeat(32);
  assert.deepEqual(loadConfig({ WEBHOOK_URL: 'http://10.0.0.2/h', WEBHOOK_SECRET: secret }).webhooks, { url: 'http://10.0.0.2/h', secret });
  assert.throws(() => loadConfig({ WEBHOOK_URL: 'not a url' }), /WEBHOOK_URL/);
  assert.throws(() => loadConfig({ WEBHOOK_URL: 'ftp://app.example/' }), /http:\/\/ or https:\/\//);
  assert.throws(() => loadConfig({ WEBHOOK_URL: 'https://app.example/', WEBHOOK_SECRET: 'short' }), /WEBHOOK_SECRET is 5 bytes/);
  assert.throws(() => loadConfig({ WEBHOOK_SECRET: secret }), /without WEBHOOK_URL/);
});

// ——— The media server (docs/media-server.md) ———

test('RTC_MEDIA and the JANUS_* variables are read and checked', () => {
  assert.equal(loadConfig({}).media, 'auto');
  const config = loadConfig({
    RTC_MEDIA: 'sfu', JANUS_URL: 'ws://10.0.0.5:8188', JANUS_API_SECRET: 'janus-secret', JANUS_RTP_PORTS: '30000-30999', JANUS_NAT_1_1: '203.0.113.7',
  });
  assert.equal(config.media, 'sfu');
  assert.deepEqual(config.janus, {
    rtpPorts: '30000-30999', maxPublishers: 100, url: 'ws://10.0.0.5:8188', apiSecret: 'janus-secret', nat1to1: '203.0.113.7',
  });
  assert.throws(() => loadConfig({ RTC_MEDIA: 'p2p' }), configError(/RTC_MEDIA="p2p" should be mesh, sfu or auto/));
  assert.throws(() => loadConfig({ JANUS_RTP_PORTS: '40000-20000' }), configError(/JANUS_RTP_PORTS/));
  assert.throws(() => loadConfig({ JANUS_URL: 'http://janus:8088' }), configError(/JANUS_URL.*WebSocket API/));
});
