/**
 * Bench page (driven by bench/mesh-uplink.ts): four people in one mesh room through the real server,
 * cameras on; what each sends per second, with every tile large (nobody says how it shows the others:
 * full resolution to everyone) or with every tile a thumbnail (`setViewSize`).
 */
import { RtcClient } from '../core/rtc-client.js';
import { fetchDevToken } from '../core/dev-token.js';
import type { MediaSource } from '../core/rtc-client.js';
import type { ViewSize } from '../core/index.js';

const PEOPLE = 4;
const WIDTH = 640;
const HEIGHT = 360;
const FPS = 15;

/**
 * A camera with a real picture's detail and motion: fine texture panning across the frame. Chromium's
 * fake camera and our synthetic one are flat colours that compress to almost nothing at any size, which
 * would measure the encoder's floor rather than what a thumbnail saves on a real face in a real room.
 */
export function detailedCamera(): MediaSource {
  const texture = document.createElement('canvas');
  texture.width = WIDTH * 2;
  texture.height = HEIGHT * 2;
  const pixels = texture.getContext('2d')!.createImageData(texture.width, texture.height);
  let seed = 7;
  for (let i = 0; i < pixels.data.length; i += 4) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    const shade = (seed >> 8) & 0xff;
    pixels.data.set([shade, (shade * 3) & 0xff, 255 - shade, 255], i);
  }
  texture.getContext('2d')!.putImageData(pixels, 0, 0);
  const camera = () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: WIDTH, height: HEIGHT });
    const context = canvas.getContext('2d')!;
    const track = canvas.captureStream(FPS).getVideoTracks()[0]!;
    let frame = 0;
    const timer = setInterval(() => {
      if (track.readyState === 'ended') return clearInterval(timer);
      frame++;
      context.drawImage(texture, -((frame * 3) % WIDTH), -((frame * 2) % HEIGHT));
    }, 1000 / FPS);
    return track;
  };
  return {
    getUserMedia: async ({ video }) => new MediaStream(video ? [camera()] : []),
    getDisplayMedia: () => Promise.reject(new DOMException('no screen in the bench', 'NotAllowedError')),
    enumerateDevices: async () => [{ deviceId: 'bench', groupId: 'bench', kind: 'videoinput', label: 'Bench camera', toJSON: () => ({}) }],
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each sender's uplink in bits per second over `measureMs`, after `warmUpMs` for the encoders to settle. */
async function meshUplink(server: string, room: string, tile: ViewSize | null, warmUpMs: number, measureMs: number): Promise<number[]> {
  const people = Array.from({ length: PEOPLE }, (_, i) => ({ userId: `p${i}`, client: new RtcClient({ server, mediaSource: detailedCamera() }) }));
  try {
    for (const { userId, client } of people) {
      await client.join(await fetchDevToken(server, { room, user: userId }), { audio: false, video: true });
    }
    await until(() => people.every(({ client }) => {
      const others = [...client.participants.values()];
      return others.length === PEOPLE - 1 && others.every((p) => p.link === 'connected' && p.stream?.getVideoTracks().length);
    }), 'everyone connected with cameras');
    if (tile) {
      for (const { client, userId } of people) {
        for (const other of people) if (other.userId !== userId) client.setViewSize(other.userId, 'camera', tile);
      }
    }
    await wait(warmUpMs);
    await Promise.all(people.map(({ client }) => client.getStats()));
    await wait(measureMs);
    const stats = await Promise.all(people.map(({ client }) => client.getStats()));
    return stats.map((byUser, i) => byUser.get(people[i]!.userId)?.sendBitrate ?? 0);
  } finally {
    await Promise.all(people.map(({ client }) => client.leave()));
  }
}

declare global {
  interface Window {
    meshBench: { meshUplink: typeof meshUplink };
  }
}
window.meshBench = { meshUplink };
