/** `npm run serve` / `npm start`: the server configured from environment variables (docs/server.md). */
import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig } from './config.js';
import { WS_PATH, createRtcServer } from './create-server.js';
import { createLogger } from './log.js';
import { guardProcess } from './process-guard.js';

/** Addresses other devices on the network can use, when listening on all interfaces. */
function lanUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => `http://${address!.address}:${port}`);
}

async function main(): Promise<void> {
  let config;
  let server;
  try {
    config = loadConfig(process.env);
    server = await createRtcServer(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`rtc-kit: ${error.message}`);
    process.exit(1);
  }
  // Only once serving: a failure to start (a port in use) must still end the process.
  guardProcess(createLogger(false));
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const local = everywhere ? `http://localhost:${server.port}` : server.url;
  const lan = lanUrls(config.host, server.port);
  const devMode = config.secret === undefined;
  console.log([
    '',
    `  rtc-kit is running:  ${local}${devMode ? '  (dev mode)' : ''}`,
    ...lan.map((url) => `  on your network:     ${url}`),
    `  signaling:           ${local.replace(/^http/, 'ws')}${WS_PATH}`,
    ...(lan.length ? ['  (browsers allow camera and microphone only on https:// or localhost: put a TLS proxy in front for other devices)'] : []),
    ...(devMode && !everywhere && !process.env.HOST ? ['  only this machine can connect; HOST=0.0.0.0 npm start lets devices on your network in'] : []),
    '',
  ].join('\n'));

  const stop = (signal: string) => {
    console.log(`\n${signal}: closing`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
