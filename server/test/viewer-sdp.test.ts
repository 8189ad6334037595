import { test } from 'node:test';
import assert from 'node:assert/strict';
import { receiveOnlySdp } from '../hub/sdp-direction.js';
import { TestClient, startServer } from './helpers.js';

const OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0 1 2',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'c=IN IP4 0.0.0.0', 'a=mid:0', 'a=sendrecv', 'a=rtpmap:111 opus/48000/2',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=mid:1', 'a=sendonly', 'a=rtpmap:96 VP8/90000',
  // No direction at all means sendrecv.
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=mid:2', 'a=rtpmap:96 VP8/90000',
  '',
].join('\r\n');

const directions = (sdp: string) => sdp.split('\r\n').filter((l) => /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(l));

test('a viewer\'s sendrecv offer reaches the other side receive-only; a participant\'s is relayed as sent', async () => {
  const server = await startServer();
  try {
    const [ann] = await TestClient.join(server, 'stage', 'ann');
    const [viewer] = await TestClient.join(server, 'stage', 'vic', { role: 'viewer' });
    viewer.send({ type: 'signal', to: 'ann', payload: { description: { type: 'offer', sdp: OFFER } } });
    const relayed = (await ann.next('signal')).payload.description!;
    assert.equal(relayed.type, 'offer');
    assert.deepEqual(directions(relayed.sdp!), ['a=recvonly', 'a=inactive', 'a=recvonly']);
    assert.match(relayed.sdp!, /a=rtpmap:96 VP8\/90000/, 'the rest of the description is untouched');

    // Answers too: a viewer answering a participant's offer cannot accept to send.
    viewer.send({ type: 'signal', to: 'ann', payload: { description: { type: 'answer', sdp: OFFER } } });
    assert.deepEqual(directions((await ann.next('signal')).payload.description!.sdp!), ['a=recvonly', 'a=inactive', 'a=recvonly']);

    ann.send({ type: 'signal', to: 'vic', payload: { description: { type: 'offer', sdp: OFFER } } });
    assert.equal((await viewer.next('signal')).payload.description!.sdp, OFFER);
    ann.close();
    viewer.close();
  } finally {
    await server.close();
  }
});

test('receiveOnlySdp: a session-level direction is resolved per section; a description with no media is left alone', () => {
  const sessionLevel = ['v=0', 's=-', 'a=sendonly', 'm=audio 9 RTP/AVP 0', 'a=mid:0', ''].join('\r\n');
  assert.equal(receiveOnlySdp(sessionLevel), ['v=0', 's=-', 'm=audio 9 RTP/AVP 0', 'a=mid:0', 'a=inactive', ''].join('\r\n'));
  assert.equal(receiveOnlySdp('v=0\r\ns=-\r\n'), 'v=0\r\ns=-\r\n');
});
