/** The engine must import and construct under Node (server-side rendering) without touching browser globals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('core under Node', () => {
  it('imports and constructs a client with nothing from the browser', async () => {
    // (Newer Node versions have a `navigator`; these never.)
    for (const name of ['window', 'document', 'RTCPeerConnection', 'MediaStream', 'AudioContext']) {
      assert.equal(typeof (globalThis as Record<string, unknown>)[name], 'undefined', `${name} exists here: the test would prove nothing`);
    }
    const core = await import('./index.js');
    const client = new core.RtcClient({ server: 'https://rtc.example.com', videoProfile: '720p_30' });
    assert.equal(client.state, 'disconnected');
    assert.equal(client.roomId, null);
    assert.equal(client.self.local, true);
    assert.equal(client.self.stream, null);
    assert.equal(client.participants.size, 0);
    assert.deepEqual(client.messages, []);
    assert.deepEqual(client.selectedDevices, {});
    const off = client.on('connection-state', () => undefined);
    off();
    await client.leave();
    await assert.rejects(client.join('not a token'), (e) => core.RtcError.is(e, 'token-invalid'));
    assert.equal(client.state, 'disconnected');
    assert.ok(core.VIDEO_PROFILES.has('1080p_30'));
  });
});
