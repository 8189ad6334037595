/**
 * Bench page (driven by bench/run.ts): time from starting a call to the first remote video frame on
 * screen, for a bare RTCPeerConnection pair, for rtc-kit's engine through the real server, and for
 * `<rtc-room autojoin>` as a page writes it (the built bundle, loaded from the server's origin).
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

/** Milestones of one element run, ms from adding the newcomer's room (what a user would see happen). */
export interface RoomTimeline {
  total: number;
  marks: Record<string, number>;
}

/** A `<rtc-room autojoin>` in a box of its own, as a page writes it. */
function roomElement(server: string, room: string, user: string): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'width: 640px; height: 400px; display: flex;';
  const element = document.createElement('rtc-room');
  for (const [name, value] of Object.entries({ server, room, 'user-id': user, 'user-name': user, autojoin: '' })) element.setAttribute(name, value);
  box.append(element);
  document.body.append(box);
  return element;
}

/** The `<video>` of `userId`'s camera tile inside a room, through the shadow roots. */
function tileVideo(room: HTMLElement, userId: string): HTMLVideoElement | null | undefined {
  const grid = room.shadowRoot?.querySelector('rtc-video-grid');
  return grid?.shadowRoot?.querySelector(`rtc-video-tile[user-id="${userId}"]:not([screen])`)?.shadowRoot?.querySelector('video');
}

function once(target: EventTarget, type: string): Promise<Event> {
  return new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
}

/**
 * `<rtc-room autojoin>` on both sides: one person's room is in the call with the camera on (its own tile
 * playing); the clock
 * runs from adding the newcomer's room to the page until the first person's first frame is presented
 * in the newcomer's tile. The bundle comes from the server's origin, as on an embedding site.
 */
async function rtcRoom(server: string, room: string): Promise<RoomTimeline> {
  await import(/* @vite-ignore */ `${server}/rtc-kit.js`);
  const host = roomElement(server, room, 'host');
  let guest: HTMLElement | undefined;
  try {
    await once(host, 'rtc-joined');
    // "In the call with the camera on": the first person's own tile shows their camera before the
    // newcomer arrives, so the clock measures the newcomer's join, not the first room still loading its call view.
    await new Promise<void>((resolve) => {
      const settled = () => ((tileVideo(host, 'host')?.getVideoPlaybackQuality().totalVideoFrames ?? 0) > 0 ? resolve() : requestAnimationFrame(settled));
      settled();
    });
    const marks: Record<string, number> = {};
    const start = performance.now();
    const mark = (name: string) => (marks[name] ??= performance.now() - start);
    guest = roomElement(server, room, 'guest');
    guest.addEventListener('rtc-joined', () => mark('rtc-joined'));
    guest.addEventListener('rtc-user-change', () => mark('rtc-user-change'));
    // Polled once a frame: what a user sees is painted at frame times anyway.
    const total = await new Promise<number>((resolve) => {
      let hooked: HTMLVideoElement | undefined;
      const poll = () => {
        const video = tileVideo(guest!, 'host');
        if (video) mark('remote tile');
        const stream = video?.srcObject as MediaStream | null | undefined;
        if (stream?.getVideoTracks().length) mark('remote stream attached');
        if (video && stream && video !== hooked) {
          hooked = video;
          video.requestVideoFrameCallback(() => resolve(mark('first frame')));
        }
        if (video && video.getVideoPlaybackQuality().totalVideoFrames > 0) resolve(mark('first frame'));
        else requestAnimationFrame(poll);
      };
      poll();
    });
    return { total, marks };
  } finally {
    // A room taken off the page hangs up; the next run uses another room, so nothing waits for it.
    host.parentElement!.remove();
    guest?.parentElement!.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

declare global {
  interface Window {
    bench: { bareLoopback: typeof bareLoopback; rtcKit: typeof rtcKit; rtcRoom: typeof rtcRoom };
  }
}
window.bench = { bareLoopback, rtcKit, rtcRoom };
