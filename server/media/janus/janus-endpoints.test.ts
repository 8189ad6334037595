/** JANUS_URL with several media servers and their secrets, as loadConfig reads them (docs/media-server.md). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config.js';
import { janusEndpoints } from './janus-endpoints.js';

test('one secret for every listed media server, or one each in the same order', () => {
  assert.deepEqual(janusEndpoints('ws://10.0.0.5:8188, ws://10.0.0.6:8188', 'shared'), [
    { url: 'ws://10.0.0.5:8188', apiSecret: 'shared' },
    { url: 'ws://10.0.0.6:8188', apiSecret: 'shared' },
  ]);
  assert.deepEqual(janusEndpoints('ws://10.0.0.5:8188,wss://janus.example.com,ws://10.0.0.7:8188', 'a, ,c'), [
    { url: 'ws://10.0.0.5:8188', apiSecret: 'a' },
    { url: 'wss://janus.example.com' },
    { url: 'ws://10.0.0.7:8188', apiSecret: 'c' },
  ]);
  assert.deepEqual(janusEndpoints('ws://10.0.0.5:8188,ws://10.0.0.6:8188', undefined), [{ url: 'ws://10.0.0.5:8188' }, { url: 'ws://10.0.0.6:8188' }]);
});

test('a single media server keeps its secret whole, commas and all', () => {
  assert.deepEqual(janusEndpoints('ws://10.0.0.5:8188', 'with,comma'), [{ url: 'ws://10.0.0.5:8188', apiSecret: 'with,comma' }]);
  assert.deepEqual(janusEndpoints(undefined, undefined), []);
});

test('a wrong list stops the server with a message that says what to write', () => {
  const configError = (message: RegExp) => (error: unknown) => error instanceof ConfigError && message.test(error.message);
  assert.throws(() => loadConfig({ JANUS_URL: 'ws://a:8188,ws://b:8188', JANUS_API_SECRET: 'x,y,z' }), configError(/JANUS_API_SECRET has 3 entries for 2 servers.*one per server in the same order/));
  assert.throws(() => loadConfig({ JANUS_URL: 'ws://a:8188,http://b:8088' }), configError(/JANUS_URL="http:\/\/b:8088" should be Janus's WebSocket API/));
  assert.throws(() => loadConfig({ JANUS_URL: 'ws://a:8188, ws://a:8188' }), configError(/lists ws:\/\/a:8188 twice/));
  assert.equal(loadConfig({ JANUS_URL: 'ws://a:8188,ws://b:8188', JANUS_API_SECRET: 'x,y' }).janus.url, 'ws://a:8188,ws://b:8188');
});
