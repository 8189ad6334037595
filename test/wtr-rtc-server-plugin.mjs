// Gives browser tests real rtc-kit servers on loopback, through web-test-runner server commands:
//   executeServerCommand('rtc-server-start', { graceMs: 3000 }) -> { id, url }
//   executeServerCommand('rtc-server-drop', { id, userId })    -> { dropped }  (cuts sockets, as a network loss would)
//   executeServerCommand('rtc-server-stop', { id })
//   executeServerCommand('rtc-server-kill-media', { id })     -> { killed }   (SIGKILL to its Janus, as a crash would)
//   executeServerCommand('rtc-server-probe-recordings', { id }) -> { recordings: [{ id, room, durationMs, probe }] }
//     (waits for the server's recordings to be made; `probe` is ffprobe's JSON of each file's streams and format)
// and servers in their own process (`npm run serve`), to be killed as kill -9 would:
//   executeServerCommand('rtc-process-start', { env })          -> { id, url, answeringAt }
//   executeServerCommand('rtc-process-kill', { id })            -> { killedAt }  (SIGKILL: no close frame, all state gone)
//   executeServerCommand('rtc-process-restart', { id, newStateDir? }) -> { answeringAt }  (same port, same state folder)
// `answeringAt` is the Date.now() at which the process said it listens. Every server gets a temporary
// state folder (never the repository's); servers left running when the test run ends are closed.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));

/** ffprobe's view of a media file: `{ streams: [{ codec_type, codec_name, … }], format: { duration, … } }`. */
function ffprobe(file) {
  return new Promise((resolve, reject) => {
    execFile('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout));
    });
  });
}

export function rtcServerPlugin() {
  const servers = new Map();
  const processes = new Map();
  const stateDirs = [];
  let nextId = 1;
  let createRtcServer;

  const newStateDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtc-kit-state-'));
    stateDirs.push(dir);
    return dir;
  };

  /** Starts `server/main.ts` as `npm run serve` does; resolves once it listens. */
  function spawnServer(entry) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      // A mesh unless a test asks: `npm run serve` would start Janus for `auto`, which needs the Janus tests' namespace.
      env: { ...process.env, HOST: '127.0.0.1', STATIC_DIR: '/nonexistent', RTC_MEDIA: 'mesh', ...entry.env, PORT: String(entry.port), RTC_STATE_DIR: entry.stateDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    entry.exited = new Promise((resolve) => child.once('exit', resolve));
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk) => {
        output += chunk;
        const match = /listening on [^\s]+:(\d+)/.exec(output);
        if (!match) return;
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining, so the child never blocks on a full pipe
        entry.port = Number(match[1]);
        resolve(Date.now());
      };
      child.stdout.setEncoding('utf8').on('data', onData);
      child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => reject(new Error(`server process exited (${code}) before listening:\n${output}`)));
    });
  }

  async function kill(entry) {
    if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill('SIGKILL');
    await entry.exited;
  }

  return {
    name: 'rtc-server',
    async executeCommand({ command, payload }) {
      if (command === 'rtc-server-start') {
        createRtcServer ??= (await tsImport('../server/create-server.ts', import.meta.url)).createRtcServer;
        // Each server keeps its rooms and dev secret in a state folder of its own, never the repository's .rtc-state.
        const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, stateDir: newStateDir(), ...(payload ?? {}) });
        const id = String(nextId++);
        servers.set(id, server);
        return { id, url: server.url };
      }
      if (command === 'rtc-server-drop') {
        const server = servers.get(payload.id);
        return { dropped: server ? server.dropConnections(payload.userId) : 0 };
      }
      if (command === 'rtc-server-kill-media') {
        const pid = servers.get(payload.id)?.mediaServer?.pid;
        if (pid) process.kill(pid, 'SIGKILL');
        return { killed: Boolean(pid) };
      }
      if (command === 'rtc-server-probe-recordings') {
        const server = servers.get(payload.id);
        if (!server) return { recordings: [] };
        await server.recordings.idle();
        const recordings = await server.recordings.store.list();
        return {
          recordings: await Promise.all(recordings.map(async (info) => ({ ...info, probe: await ffprobe(server.recordings.store.filePath(info.id)) }))),
        };
      }
      if (command === 'rtc-server-stop') {
        const server = servers.get(payload.id);
        servers.delete(payload.id);
        await server?.close();
        return { stopped: Boolean(server) };
      }
      if (command === 'rtc-process-start') {
        const entry = { env: payload?.env ?? {}, port: 0, stateDir: newStateDir() };
        const answeringAt = await spawnServer(entry);
        const id = String(nextId++);
        processes.set(id, entry);
        return { id, url: `http://127.0.0.1:${entry.port}`, answeringAt };
      }
      if (command === 'rtc-process-kill') {
        const entry = processes.get(payload.id);
        if (entry) await kill(entry);
        return { killedAt: Date.now() };
      }
      if (command === 'rtc-process-restart') {
        const entry = processes.get(payload.id);
        if (!entry) throw new Error(`no server process ${payload.id}`);
        await kill(entry);
        if (payload.newStateDir) entry.stateDir = newStateDir();
        return { answeringAt: await spawnServer(entry) };
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((s) => s.close()));
      servers.clear();
      await Promise.all([...processes.values()].map(kill));
      processes.clear();
      for (const dir of stateDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
