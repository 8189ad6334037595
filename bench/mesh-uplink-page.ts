/**
 * Bench page (driven by bench/mesh-uplink.ts): four people in one mesh room through the real server,
 * cameras on; what each sends per second, with every tile large (nobody says how it shows the others:
 * full resolution to everyone) or with every tile a thumbnail (`setViewSize`).
 */
import { RtcClient } from '../core/rtc-client.js';
import { fetchDevToken } from '../core/dev-token.js';
import type { ViewSize } from '../core/index.js';

const PEOPLE = 4;

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
  const people = Array.from({ length: PEOPLE }, (_, i) => ({ userId: `p${i}`, client: new RtcClient({ server }) }));
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
