import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSystemRequirements } from './system-requirements.js';

const capabilities = (...mimeTypes: string[]) => ({ codecs: mimeTypes.map((mimeType) => ({ mimeType, clockRate: 90000 })), headerExtensions: [] });

class FakeMediaElement {}
Object.defineProperty(FakeMediaElement.prototype, 'setSinkId', { value: () => Promise.resolve() });

const browser = {
  isSecureContext: true,
  RTCPeerConnection: class {},
  RTCRtpSender: { getCapabilities: (kind: string) => (kind === 'video' ? capabilities('video/VP8', 'video/rtx', 'video/H264') : capabilities('audio/opus', 'audio/CN')) },
  RTCRtpReceiver: { getCapabilities: (kind: string) => (kind === 'video' ? capabilities('video/VP8', 'video/rtx') : capabilities('audio/opus', 'audio/PCMU')) },
  WebSocket: class {},
  AudioContext: class {},
  HTMLMediaElement: FakeMediaElement,
  navigator: { mediaDevices: { getUserMedia: () => Promise.reject(new Error('not here')), getDisplayMedia: () => Promise.reject(new Error('not here')) } },
} as never;

describe('checkSystemRequirements', () => {
  test('a browser with everything can hold a call, and says which codecs it sends and receives', async () => {
    const result = await checkSystemRequirements(browser);
    assert.equal(result.ok, true);
    assert.deepEqual(result.missing, []);
    assert.deepEqual(result.codecs, { video: ['video/VP8'], audio: ['audio/opus'] });
    assert.deepEqual([result.screenShare, result.speakerSelection, result.webAudio], [true, true, true]);
  });

  test('plain http on another machine: no secure context, so no camera or microphone', async () => {
    const result = await checkSystemRequirements({ ...(browser as object), isSecureContext: false, navigator: {} } as never);
    assert.equal(result.ok, false);
    assert.deepEqual(result.missing, ['secure-context', 'get-user-media']);
    assert.equal(result.screenShare, false);
  });

  test('Node (no WebRTC at all) gets a result, not an exception', async () => {
    const result = await checkSystemRequirements();
    assert.equal(result.ok, false);
    assert.ok(result.missing.includes('webrtc'));
    assert.deepEqual(result.codecs, { video: [], audio: [] });
  });
});
