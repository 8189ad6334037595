/**
 * One server under measurement, in its own process so its heap and RSS are its own:
 * `node --expose-gc --import tsx bench/server/child.ts rtc|bare`, driven over IPC by bench/server.ts.
 * `rtc` is our server in signed mode (secret from RTC_JWT_SECRET); `bare` is a `ws` echo server
 * with the same socket options, the floor every figure is compared with.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { WebSocketServer } from 'ws';
import { createRtcServer } from '../../server/create-server.js';
import type { ChildReply, ChildRequest } from './ipc.js';

const kind = process.argv[2];
/** BENCH_PROFILE_DIR: a heap snapshot at each memory reading (and bench/server.ts adds --cpu-prof). */
const profileDir = process.env.BENCH_PROFILE_DIR;
let snapshots = 0;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

interface Target {
  url: string;
  close(): Promise<void>;
}

async function startRtc(): Promise<Target> {
  // Its room store goes to a folder of its own, removed when it stops.
  const stateDir = await mkdtemp(join(tmpdir(), 'rtc-bench-'));
  const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, secret: process.env.RTC_JWT_SECRET, staticDir: '/nonexistent', stateDir });
  return {
    url: `${server.url.replace(/^http/, 'ws')}/rtc`,
    close: () => server.close().then(() => rm(stateDir, { recursive: true, force: true })),
  };
}

async function startBare(): Promise<Target> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server: http, path: '/rtc', perMessageDeflate: false });
  wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}/rtc`,
    close: () => new Promise((resolve) => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.close(() => resolve());
    }),
  };
}

/**
 * After full collections 100 ms apart, once RSS has held still for three of them: V8 hands pooled
 * pages back about a second after they were freed, a MiB or two at a time. At most 4 s.
 */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  const rss: number[] = [];
  for (let round = 0; round < 40; round++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 100));
    rss.push(process.memoryUsage.rss());
    if (round >= 15 && rss.at(-1) === rss.at(-3) && rss.at(-2) === rss.at(-1)) break;
  }
  const memory = process.memoryUsage();
  if (profileDir) writeHeapSnapshot(join(profileDir, `${kind}-${++snapshots}.heapsnapshot`));
  return memory;
}

function reply(message: ChildReply): void {
  process.send!(message);
}

const target = kind === 'rtc' ? await startRtc() : kind === 'bare' ? await startBare() : null;
if (!target) throw new Error(`unknown target "${kind}" (rtc or bare)`);

process.on('message', (request: ChildRequest) => {
  if (request.type === 'memory') void settledMemory().then((memory) => reply({ type: 'memory', memory }));
  else if (request.type === 'stop') void target.close().then(() => process.exit(0));
});
// The bench process gone (even killed) means this one goes too.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready', url: target.url });
