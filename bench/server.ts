/**
 * The server figures of `npm run bench`: memory per joined client and join round trip for our
 * server beside a bare `ws` echo server, both measured in this run, each in its own child process
 * (bench/server/child.ts) while the clients live here. Run alone: `node --import tsx bench/server.ts`.
 * BENCH_PROFILE_DIR=dir also writes each server's CPU profile and a heap snapshot at each memory reading.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
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
const BURSTS = 5;
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

type Kind = 'rtc' | 'bare';

class Target {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(kind: Kind, secret: string, flags: string[] = []): Promise<Target> {
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const execArgv = ['--expose-gc', ...flags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx'];
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

/** Joins and leaves a few rooms' worth, so start-up allocation and compilation are not counted per client. */
async function warmUp(target: Target, joiner: Joiner): Promise<void> {
  const warm = await pool([...Array(WARM_UP).keys()], FILL_CONCURRENCY, (i) => openAndJoin(target.url, joiner, `warm-${Math.floor(i / ROOM_SIZE)}`, `warm-${i}`));
  await Promise.all(warm.map((client) => leave(client, joiner)));
}

/** Adds standing clients, in rooms of ROOM_SIZE, until there are `count`. */
async function fill(target: Target, joiner: Joiner, standing: BenchClient[], count: number): Promise<void> {
  const indexes = Array.from({ length: count - standing.length }, (_, i) => standing.length + i);
  standing.push(...await pool(indexes, FILL_CONCURRENCY, (i) => openAndJoin(target.url, joiner, standingRoom(i), `user-${i}`)));
}

interface Memory {
  heapPerClient: number[];
  rssPerClient: number[];
  /** RSS per client added from the first count to the last: free of whatever the baseline held. */
  rssMarginal: number;
}

/**
 * Memory growth from the warmed-up server at each of COUNTS, after forced GC. The young generation is
 * held at 1 MiB: left to grow with the fill's allocation rate (8 to 32 MiB here), it would be most of
 * the RSS growth, and it says how busy the fill was, not what a client costs. The memory reducer is
 * off so pages are not handed back to the system at some moment between two readings.
 */
async function measureMemory(kind: Kind, secret: string, joiner: Joiner): Promise<Memory> {
  const target = await Target.start(kind, secret, ['--min-semi-space-size=1', '--max-semi-space-size=1', '--no-memory-reducer']);
  const standing: BenchClient[] = [];
  try {
    await warmUp(target, joiner);
    const before = await target.memory();
    const memory: Memory = { heapPerClient: [], rssPerClient: [], rssMarginal: 0 };
    const rss: number[] = [];
    for (const count of COUNTS) {
      await fill(target, joiner, standing, count);
      const now = await target.memory();
      memory.heapPerClient.push((now.heapUsed - before.heapUsed) / count);
      memory.rssPerClient.push((now.rss - before.rss) / count);
      rss.push(now.rss);
    }
    memory.rssMarginal = (rss.at(-1)! - rss[0]) / (COUNTS.at(-1)! - COUNTS[0]);
    return memory;
  } finally {
    await Promise.all(standing.map((client) => client.close()));
    await target.stop();
  }
}

interface RoundTrips {
  sequential: number[];
  burst: number[];
}

/** One server with COUNTS.at(-1) clients in, ready for timed joins into its rooms. */
interface Loaded {
  target: Target;
  joiner: Joiner;
  rooms: number;
  standing: BenchClient[];
  times: RoundTrips;
}

async function load(kind: Kind, secret: string, joiner: Joiner): Promise<Loaded> {
  const target = await Target.start(kind, secret);
  const standing: BenchClient[] = [];
  await warmUp(target, joiner);
  await fill(target, joiner, standing, COUNTS.at(-1)!);
  return { target, joiner, rooms: Math.floor(standing.length / ROOM_SIZE), standing, times: { sequential: [], burst: [] } };
}

/** A fresh socket joins the sixth seat of a room; timed from the join sent to `joined`, then it leaves. */
async function timeOneJoin({ target, joiner, rooms, times }: Loaded, i: number): Promise<void> {
  const client = await BenchClient.open(target.url);
  times.sequential.push(await client.request(await joiner.join(`room-${i % rooms}`, `seq-${i}`), joiner.isReply));
  await leave(client, joiner);
}

/** BURST fresh sockets, already open, send their joins into BURST different rooms in one go. */
async function timeBurst({ target, joiner, rooms, times }: Loaded, b: number): Promise<void> {
  const clients = await pool([...Array(BURST).keys()], FILL_CONCURRENCY, () => BenchClient.open(target.url));
  const frames = await Promise.all(clients.map((_, i) => joiner.join(`room-${i % rooms}`, `burst-${b}-${i}`)));
  times.burst.push(...await Promise.all(clients.map((client, i) => client.request(frames[i], joiner.isReply))));
  await Promise.all(clients.map((client) => leave(client, joiner)));
}

/**
 * Both servers loaded at once, their timed joins taken in turns: whatever else the machine is doing
 * then (it is shared) falls on both alike.
 */
async function measureRoundTrips(secret: string, rtc: Joiner, bare: Joiner): Promise<{ rtc: RoundTrips; bare: RoundTrips }> {
  const servers = [await load('bare', secret, bare), await load('rtc', secret, rtc)];
  try {
    for (let i = 0; i < SEQUENTIAL_JOINS; i++) for (const server of servers) await timeOneJoin(server, i);
    for (let b = 0; b < BURSTS; b++) for (const server of servers) await timeBurst(server, b);
    return { bare: servers[0].times, rtc: servers[1].times };
  } finally {
    for (const { standing, target } of servers) {
      await Promise.all(standing.map((client) => client.close()));
      await target.stop();
    }
  }
}

/** Tokens signed with the server's own signing code, each minted before its join is timed (and kept for the bare run). */
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

export async function serverBench(): Promise<void> {
  const load = loadavg()[0];
  const secret = randomBytes(32).toString('base64url');
  const joiner = await rtcJoiner(secret);
  const bareMemory = await measureMemory('bare', secret, bareJoiner(joiner));
  const rtcMemory = await measureMemory('rtc', secret, joiner);
  const times = await measureRoundTrips(secret, joiner, bareJoiner(joiner));
  const bare = { ...bareMemory, ...times.bare };
  const ours = { ...rtcMemory, ...times.rtc };

  const rows: string[][] = [];
  const row = (label: string, o: number, b: number, format: (value: number) => string) =>
    rows.push([label, format(o), format(b), `${(o / b).toFixed(1)}x`]);
  const clients = (count: number) => `${count.toLocaleString('en')} clients`;
  COUNTS.forEach((count, i) => {
    row(`heap per joined client, ${clients(count)}`, ours.heapPerClient[i], bare.heapPerClient[i], kb);
    row(`RSS per joined client, ${clients(count)}`, ours.rssPerClient[i], bare.rssPerClient[i], kb);
  });
  row(`RSS per client added from ${COUNTS[0].toLocaleString('en')} to ${clients(COUNTS.at(-1)!)}`, ours.rssMarginal, bare.rssMarginal, kb);
  for (const [label, pick] of [['one at a time', 'sequential'], [`${BURST} at once`, 'burst']] as const) {
    for (const q of [0.5, 0.99]) {
      row(`join round trip p${q * 100}, ${label}`, quantile(ours[pick], q), quantile(bare[pick], q), (value) => ms(value, 2));
    }
  }
  const total = COUNTS.at(-1)!.toLocaleString('en');
  console.log(`Server: rtc-kit beside a bare ws echo server, each in its own process on loopback, clients in this one`);
  console.log(`Memory: growth after forced GC from the warmed-up server, divided by the clients joined (rooms of ${ROOM_SIZE}).`);
  console.log(`Round trip: join sent -> joined received (bare: the same frame -> its echo), with ${total} clients in,`);
  console.log(`each join the sixth in a room: ${SEQUENTIAL_JOINS} one after another, ${BURSTS} bursts of ${BURST} sent at once.`);
  console.log(`Machine: ${availableParallelism()} cores, load average ${load.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end.\n`);
  console.log(table(['', 'rtc-kit', 'bare ws', 'ratio'], rows));
  console.log('\naim: every ratio <= 2x\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  serverBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
