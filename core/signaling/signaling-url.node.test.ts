import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RtcError } from '../errors.js';
import { signalingUrl } from './signaling-url.js';

describe('signalingUrl', () => {
  it('turns http(s) and ws(s) servers into a ws(s) URL with the path, keeping a path prefix', () => {
    assert.equal(signalingUrl('https://rtc.example.com', undefined), 'wss://rtc.example.com/rtc');
    assert.equal(signalingUrl('http://localhost:8080/', undefined), 'ws://localhost:8080/rtc');
    assert.equal(signalingUrl('wss://rtc.example.com/calls/', '/signal'), 'wss://rtc.example.com/calls/signal');
    assert.equal(signalingUrl('ws://127.0.0.1:9000/base', undefined), 'ws://127.0.0.1:9000/base/rtc');
  });

  it('needs a server when there is no page to take the origin from', () => {
    assert.throws(() => signalingUrl(undefined, undefined), (e) => RtcError.is(e, 'network'));
  });
});
