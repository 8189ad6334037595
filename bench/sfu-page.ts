/**
 * Bench page (driven by bench/sfu.ts): people in one room through the real server, as a mesh or through
 * Janus with simulcast; each sender's uplink and each viewer's downlink per second, with every tile
 * shown at one size (`setViewSize`) or nobody saying (full resolution, every top layer).
 */
import { RtcClient } from '../core/rtc-client.js';
import { fetchDevToken } from '../core/dev-token.js';
import type { ViewSize } from '../core/index.js';
import { detailedCamera } from './mesh-uplink-page.js';

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const DEBUG = new URLSearchParams(location.search).has('debug');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Senders' uplink and viewers' downlink in bits per second over `measureMs`, after `warmUpMs`. */
async function call(server: string, room: string, senders: number, viewers: number, tile: ViewSize | null, videoProfile: string, warmUpMs: number, measureMs: number): Promise<{ up: number[]; down: number[] }> {
  const people = [
    ...Array.from({ length: senders }, (_, i) => ({ userId: `s${i}`, viewer: false })),
    ...Array.from({ length: viewers }, (_, i) => ({ userId: `v${i}`, viewer: true })),
  ].map((p) => ({ ...p, client: new RtcClient({ server, mediaSource: detailedCamera(), videoProfile, debug: DEBUG }) }));
  const senderIds = people.filter((p) => !p.viewer).map((p) => p.userId);
  try {
    for (const { userId, viewer, client } of people) {
      const token = await fetchDevToken(server, { room, user: userId, role: viewer ? 'viewer' : userId === 's0' ? 'host' : 'participant' });
      await client.join(token, { audio: false, video: !viewer });
    }
    await until(() => people.every(({ client, userId }) => senderIds.filter((id) => id !== userId)
      .every((id) => client.participants.get(id)?.stream?.getVideoTracks().length)), 'everyone receiving every camera');
    if (tile) {
      for (const { client, userId } of people) for (const id of senderIds) if (id !== userId) client.setViewSize(id, 'camera', tile);
    }
    await wait(warmUpMs);
    await Promise.all(people.map(({ client }) => client.getStats()));
    await wait(measureMs);
    const stats = await Promise.all(people.map(({ client }) => client.getStats()));
    const self = (i: number) => stats[i].get(people[i].userId);
    return {
      up: people.flatMap((p, i) => (p.viewer ? [] : [self(i)?.sendBitrate ?? 0])),
      // What a viewer downloads: the sum over the people it receives.
      down: people.flatMap((p, i) => (p.viewer ? [[...stats[i].entries()].filter(([id]) => id !== p.userId).reduce((sum, [, s]) => sum + s.receiveBitrate, 0)] : [])),
    };
  } finally {
    await Promise.all(people.map(({ client }) => client.leave()));
  }
}

declare global {
  interface Window {
    sfuBench: { call: typeof call };
  }
}
window.sfuBench = { call };
