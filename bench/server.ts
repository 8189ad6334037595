/**
 * The server figures of `npm run bench`: memory per joined client and join round trip for our
 * server beside a bare `ws` echo server, both measured in this run, each in its own child process
 * (bench/server/child.ts) while the clients live here. Run alone: `node --import tsx bench/server.ts`.
 * BENCH_PROFILE_DIR=dir also writes each server's CPU profile and a heap snapshot at each memory reading.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { claimsFor } from '../server/auth/claims.js';
import { signToken } from '../server/auth/tokens.js';
import { BenchClient, withTimeout } from './server/client.js';
import type { ChildReply, ChildRequest } from './server/ipc.js';
import { kb, ms, quantile, table } from './report.js';

/** Memory is read at each of these client counts. */
const COUNTS = [500, 2000];
/** People per room for the standing clients; each measured join makes one room a person bigger (the cap is 6). */
const ROOM_SIZE = 5;
/** Joins timed one after another, each on a fresh socket. */
const SEQUENTIAL_JOINS = 200;
/** Joins sent at once, into different rooms … */
const BURST = 200;
/** … this many times. */
const BURSTS = 3;
/** Joins opened, made and left before measuring, so start-up allocation and compilation are not counted per client. */
const WARM_UP = 100;
/** Sockets opened and joined at once while filling the server. */
const FILL_CONCURRENCY = 50;

const childPath = fileURLToPath(new URL('./server/child.ts', import.meta.url));

interface Joiner {
  /** The frame that joins `room` as `user`. */
  join(room: string, user: string): Promise<string>;
  /** True for the reply that ends the round trip. */
  isReply(text: string): boolean;
  /** Sent before closing, so no session lingers for its grace period. */
  leave: string | null;
}

interface Figures {
  heapPerClient: number[];
  rssPerClient: number[];
  sequential: number[];
  burst: number[];
}

class Target {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(kind: 'rtc' | 'bare', secret: string): Promise<Target> {
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const execArgv = ['--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx'];
    const child = fork(childPath, [kind], { execArgv, env: { ...process.env, RTC_JWT_SECRET: secret }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await withTimeout(Target.next(child, 'ready'), `starting the ${kind} server`, 60_000);
    return new Target(child, ready.url);
  }

  private static next<T extends ChildReply['type']>(child: ChildProcess, type: T): Promise<Extract<ChildReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: ChildReply) => {
        if (message.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message as Extract<ChildReply, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`server process exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  async memory(): Promise<NodeJS.MemoryUsage> {
    this.child.send({ type: 'memory' } satisfies ChildRequest);
    return (await withTimeout(Target.next(this.child, 'memory'), 'memory')).memory;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' } satisfies ChildRequest);
    await withTimeout(exited, 'stopping the server').catch(() => this.child.kill());
  }
}

/** Runs `job` over `items`, `concurrency` at a time. */
async function pool<T, R>(items: T[], concurrency: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]);
    }
  }));
  return results;
}

async function openAndJoin(url: string, joiner: Joiner, room: string, user: string): Promise<BenchClient> {
  const client = await BenchClient.open(url);
  await client.request(await joiner.join(room, user), joiner.isReply);
  return client;
}

async function leave(client: BenchClient, joiner: Joiner): Promise<void> {
  if (joiner.leave) client.send(joiner.leave);
  await client.close();
}

const standingRoom = (index: number) => `room-${Math.floor(index / ROOM_SIZE)}`;

async function measure(target: Target, joiner: Joiner): Promise<Figures> {
  const { url } = target;
  const warm = await pool([...Array(WARM_UP).keys()], FILL_CONCURRENCY, (i) => openAndJoin(url, joiner, `warm-${Math.floor(i / ROOM_SIZE)}`, `warm-${i}`));
  await Promise.all(warm.map((client) => leave(client, joiner)));

  const before = await target.memory();
  const standing: BenchClient[] = [];
  const heapPerClient: number[] = [];
  const rssPerClient: number[] = [];
  for (const count of COUNTS) {
    const indexes = Array.from({ length: count - standing.length }, (_, i) => standing.length + i);
    standing.push(...await pool(indexes, FILL_CONCURRENCY, (i) => openAndJoin(url, joiner, standingRoom(i), `user-${i}`)));
    const now = await target.memory();
    heapPerClient.push((now.heapUsed - before.heapUsed) / count);
    rssPerClient.push((now.rss - before.rss) / count);
  }
  const rooms = Math.floor(standing.length / ROOM_SIZE);

  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL_JOINS; i++) {
    const client = await BenchClient.open(url);
    sequential.push(await client.request(await joiner.join(`room-${i % rooms}`, `seq-${i}`), joiner.isReply));
    await leave(client, joiner);
  }

  const burst: number[] = [];
  for (let b = 0; b < BURSTS; b++) {
    const clients = await pool([...Array(BURST).keys()], FILL_CONCURRENCY, () => BenchClient.open(url));
    const frames = await Promise.all(clients.map((_, i) => joiner.join(`room-${i % rooms}`, `burst-${b}-${i}`)));
    burst.push(...await Promise.all(clients.map((client, i) => client.request(frames[i], joiner.isReply))));
    await Promise.all(clients.map((client) => leave(client, joiner)));
  }

  await Promise.all(standing.map((client) => client.close()));
  return { heapPerClient, rssPerClient, sequential, burst };
}

/** Tokens signed with the server's own signing code, all minted up front so minting is not timed. */
async function rtcJoiner(secret: string): Promise<Joiner> {
  const tokens = new Map<string, string>();
  return {
    join: async (room, user) => {
      const key = `${room}/${user}`;
      let token = tokens.get(key);
      if (!token) tokens.set(key, token = await signToken(claimsFor({ room, user, ttlSeconds: 600 }), secret));
      return JSON.stringify({ type: 'join', room, token, media: { audio: true, video: true } });
    },
    isReply: (text) => text.startsWith('{"type":"joined"'),
    leave: JSON.stringify({ type: 'leave' }),
  };
}

/** The bare server echoes the very same join frame: same bytes up, a reply back. */
function bareJoiner(rtc: Joiner): Joiner {
  return { join: rtc.join, isReply: () => true, leave: null };
}

async function run(kind: 'rtc' | 'bare', secret: string, joiner: Joiner): Promise<Figures> {
  const target = await Target.start(kind, secret);
  try {
    return await measure(target, joiner);
  } finally {
    await target.stop();
  }
}

export async function serverBench(): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const joiner = await rtcJoiner(secret);
  const bare = await run('bare', secret, bareJoiner(joiner));
  const ours = await run('rtc', secret, joiner);

  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
  const rows: string[][] = [];
  COUNTS.forEach((count, i) => {
    rows.push([`heap per joined client, ${count.toLocaleString('en')} clients`, kb(ours.heapPerClient[i]), kb(bare.heapPerClient[i]), ratio(ours.heapPerClient[i], bare.heapPerClient[i])]);
    rows.push([`RSS per joined client, ${count.toLocaleString('en')} clients`, kb(ours.rssPerClient[i]), kb(bare.rssPerClient[i]), ratio(ours.rssPerClient[i], bare.rssPerClient[i])]);
  });
  for (const [label, pick] of [['one at a time', 'sequential'], [`${BURST} at once`, 'burst']] as const) {
    for (const q of [0.5, 0.99]) {
      const o = quantile(ours[pick], q);
      const b = quantile(bare[pick], q);
      rows.push([`join round trip p${q * 100}, ${label}`, ms(o, 2), ms(b, 2), ratio(o, b)]);
    }
  }
  const total = COUNTS.at(-1)!.toLocaleString('en');
  console.log(`Server: rtc-kit beside a bare ws echo server, each in its own process on loopback, clients in this one`);
  console.log(`Memory: growth after forced GC from the warmed-up server, divided by the clients joined (rooms of ${ROOM_SIZE}).`);
  console.log(`Round trip: join sent -> joined received (bare: the same frame -> its echo), with ${total} clients in,`);
  console.log(`each join the sixth in a room: ${SEQUENTIAL_JOINS} one after another, ${BURSTS} bursts of ${BURST} sent at once.\n`);
  console.log(table(['', 'rtc-kit', 'bare ws', 'ratio'], rows));
  console.log('\naim: every ratio <= 2x\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  serverBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
