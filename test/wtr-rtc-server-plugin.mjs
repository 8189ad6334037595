// Gives browser tests real rtc-kit servers on loopback, through web-test-runner server commands:
//   executeServerCommand('rtc-server-start', { graceMs: 3000 }) -> { id, url }
//   executeServerCommand('rtc-server-drop', { id, userId })    -> { dropped }  (cuts sockets, as a network loss would)
//   executeServerCommand('rtc-server-stop', { id })
// Servers left running when the test run ends are closed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export function rtcServerPlugin() {
  const servers = new Map();
  let nextId = 1;
  let createRtcServer;

  return {
    name: 'rtc-server',
    async executeCommand({ command, payload }) {
      if (command === 'rtc-server-start') {
        createRtcServer ??= (await tsImport('../server/create-server.ts', import.meta.url)).createRtcServer;
        // Each server keeps its rooms in a state folder of its own, never the repository's .rtc-state.
        const stateDir = await mkdtemp(join(tmpdir(), 'rtc-wtr-state-'));
        const server = await createRtcServer({ port: 0, host: '127.0.0.1', quiet: true, stateDir, ...(payload ?? {}) });
        const close = server.close;
        server.close = () => close().then(() => rm(stateDir, { recursive: true, force: true }));
        const id = String(nextId++);
        servers.set(id, server);
        return { id, url: server.url };
      }
      if (command === 'rtc-server-drop') {
        const server = servers.get(payload.id);
        return { dropped: server ? server.dropConnections(payload.userId) : 0 };
      }
      if (command === 'rtc-server-stop') {
        const server = servers.get(payload.id);
        servers.delete(payload.id);
        await server?.close();
        return { stopped: Boolean(server) };
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((s) => s.close()));
      servers.clear();
    },
  };
}
