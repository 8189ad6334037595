/**
 * Bench page (driven by bench/run.ts): time from starting a call to the first remote video frame on
 * screen, for a bare RTCPeerConnection pair and for rtc-kit through the real server.
 */
import { RtcClient } from '../core/rtc-client.js';
import { fetchDevToken } from '../core/dev-token.js';

/** Resolves with the time the first frame of the stream's video is presented in a video element. */
function firstFrame(stream: MediaStream): Promise<number> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  return new Promise<number>((resolve) => {
    video.requestVideoFrameCallback(() => {
      resolve(performance.now());
      video.srcObject = null;
      video.remove();
    });
    void video.play().catch(() => undefined);
  });
}

const cameraConstraints = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15, max: 15 } };

/**
 * The same call with bare WebRTC in one page, no server: the first person's camera is already on;
 * the clock runs while the newcomer opens their own camera and microphone and the two peer
 * connections negotiate directly, until the first person's first frame is on the newcomer's screen.
 */
async function bareLoopback(): Promise<number> {
  const first = await navigator.mediaDevices.getUserMedia({ audio: true, video: cameraConstraints });
  const start = performance.now();
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = ({ candidate }) => candidate && void receiver.addIceCandidate(candidate);
  receiver.onicecandidate = ({ candidate }) => candidate && void sender.addIceCandidate(candidate);
  const arrived = new Promise<MediaStreamTrack>((resolve) => (receiver.ontrack = ({ track }) => track.kind === 'video' && resolve(track)));
  const own = await navigator.mediaDevices.getUserMedia({ audio: true, video: cameraConstraints });
  for (const track of first.getTracks()) sender.addTrack(track, first);
  for (const track of own.getTracks()) receiver.addTrack(track, own);
  await sender.setLocalDescription();
  await receiver.setRemoteDescription(sender.localDescription!);
  await receiver.setLocalDescription();
  await sender.setRemoteDescription(receiver.localDescription!);
  const end = await firstFrame(new MediaStream([await arrived]));
  sender.close();
  receiver.close();
  [...first.getTracks(), ...own.getTracks()].forEach((t) => t.stop());
  return end - start;
}

/**
 * rtc-kit on loopback through the real server: one person is in the room with their camera on; the
 * clock runs from the newcomer's `join()` to the first frame of the first person's camera on the
 * newcomer's screen (their own capture, admission, negotiation through the server, ICE, decoding).
 */
async function rtcKit(server: string, room: string): Promise<number> {
  const host = new RtcClient({ server });
  const guest = new RtcClient({ server });
  try {
    await host.join(await fetchDevToken(server, { room, user: 'host' }));
    const token = await fetchDevToken(server, { room, user: 'guest' });
    const hostVideo = new Promise<MediaStream>((resolve) => {
      guest.on('track-added', ({ userId, source, stream }) => userId === 'host' && source === 'camera' && resolve(stream));
    });
    const start = performance.now();
    await guest.join(token);
    const end = await firstFrame(await hostVideo);
    return end - start;
  } finally {
    await Promise.all([guest.leave(), host.leave()]);
  }
}

declare global {
  interface Window {
    bench: { bareLoopback: typeof bareLoopback; rtcKit: typeof rtcKit };
  }
}
window.bench = { bareLoopback, rtcKit };
