/** `npm run serve` / `npm start`: the server configured from environment variables (docs/server.md). */
import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig } from './config.js';
import { WS_PATH, createRtcServer } from './create-server.js';

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
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`rtc-kit: ${error.message}`);
    process.exit(1);
  }
  const server = await createRtcServer(config);
  const local = config.host === '0.0.0.0' || config.host === '::' ? `http://localhost:${server.port}` : server.url;
  const lan = lanUrls(config.host, server.port);
  console.log([
    '',
    `  rtc-kit is running:  ${local}`,
    ...lan.map((url) => `  on your network:     ${url}`),
    `  signaling:           ${local.replace(/^http/, 'ws')}${WS_PATH}`,
    ...(lan.length ? ['  (browsers allow camera and microphone only on https:// or localhost: put a TLS proxy in front for other devices)'] : []),
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
