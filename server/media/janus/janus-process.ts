/**
 * Our own Janus as a child process: a generated configuration in the state folder, the WebSocket API on a
 * free loopback port, restarted when it dies (with a growing pause), and reported every time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from '../../hub/logger.js';
import { writeJanusConfig, type JanusSettings } from './janus-config.js';

/** Pauses before restarting a Janus that died: the first at once-ish, then longer, at most 30 s. */
const RESTART_DELAYS_MS = [500, 2000, 5000, 15_000, 30_000];
/** How long a started Janus has to open its WebSocket port. */
const START_TIMEOUT_MS = 10_000;

export interface JanusProcessOptions extends Omit<JanusSettings, 'wsPort' | 'apiSecret'> {
  /** The `janus` binary (default: `janus` on the PATH). */
  binary?: string;
  /** The state folder: our configuration goes to `<stateDir>/janus/`. */
  stateDir: string;
  log: Logger;
  /** Janus listens (again): its API URL and secret. */
  onUp(api: { url: string; apiSecret: string }): void;
  /** Janus exited (it will be restarted unless stopped). */
  onDown(reason: string): void;
}

/** True when the binary runs at all (Janus 1.1 prints its version for `-V`, and exits 1 all the same). */
export function janusInstalled(binary = 'janus'): boolean {
  const probe = spawnSync(binary, ['-V'], { stdio: 'ignore', timeout: 5000 });
  return probe.error === undefined;
}

/** A TCP port on 127.0.0.1 nothing listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class JanusProcess {
  #child: ChildProcess | null = null;
  #stopped = false;
  #restarts = 0;
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where the running Janus answers. */
  api: { url: string; apiSecret: string } | null = null;

  constructor(private readonly options: JanusProcessOptions) {}

  /** Starts Janus; resolves once its API port accepts connections (rejects if it never does). */
  async start(): Promise<void> {
    const { log } = this.options;
    const wsPort = await freePort();
    const apiSecret = randomBytes(18).toString('base64url');
    const dir = path.resolve(this.options.stateDir, 'janus');
    const configFile = writeJanusConfig(dir, { ...this.options, wsPort, apiSecret });
    const child = spawn(this.options.binary ?? 'janus', ['-F', dir, '-C', configFile, '-o'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      if (this.#child === child) {
        this.#child = null;
        this.api = null;
      }
      const reason = signal ? `killed by ${signal}` : `exited with code ${code}`;
      if (this.#stopped) return;
      log.warn(`Janus ${reason}; rooms on it fall back to the mesh. Last output:\n${output.trim().split('\n').slice(-5).join('\n')}`);
      this.options.onDown(reason);
      this.#scheduleRestart();
    });
    await this.#waitForPort(child, wsPort, () => output);
    this.#restarts = 0;
    log.info(`Janus ${child.pid} serving its API on ws://127.0.0.1:${wsPort} (RTP ${this.options.rtpPorts})`);
    this.api = { url: `ws://127.0.0.1:${wsPort}`, apiSecret };
    this.options.onUp(this.api);
  }

  /** Ends Janus (SIGTERM, then SIGKILL after 3 s); no restart follows. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(force);
  }

  /** The running process id (tests kill it to see the fallback). */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  #scheduleRestart(): void {
    const delay = RESTART_DELAYS_MS[Math.min(this.#restarts, RESTART_DELAYS_MS.length - 1)];
    this.#restarts++;
    this.#restartTimer = setTimeout(() => {
      if (this.#stopped) return;
      // A start that fails ends in the exit handler above, which schedules the next try.
      this.start().catch((error: unknown) => this.options.log.warn(`Janus did not start again: ${String(error)}`));
    }, delay);
    this.#restartTimer.unref?.();
  }

  async #waitForPort(child: ChildProcess, port: number, output: () => string): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Janus exited at start:\n${output()}`);
      if (await accepts(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    throw new Error(`Janus did not open port ${port} within ${START_TIMEOUT_MS} ms:\n${output()}`);
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
