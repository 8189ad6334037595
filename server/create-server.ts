/**
 * The control-plane server: one origin serves the built front end, the signaling WebSocket at `/rtc`
 * and the HTTP API. The room logic is the hub (server/hub/); this file wires it to Node and `ws`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadDevSecret } from './auth/dev-secret.js';
import { verifyToken } from './auth/tokens.js';
import { resolveConfig, type ServerConfig } from './config.js';
import { startHeartbeat } from './heartbeat.js';
import { createApi } from './http/api.js';
import { isOriginAllowed } from './http/origins.js';
import { sendError } from './http/respond.js';
import { createStaticHandler } from './http/static.js';
import { Hub } from './hub/hub.js';
import { createIceServersFor } from './ice.js';
import { createLogger } from './log.js';
import { openFileRoomStore } from './store/file-room-store.js';

export const WS_PATH = '/rtc';

export interface RtcServer {
  /** `http://127.0.0.1:PORT` (or the configured host). */
  url: string;
  port: number;
  config: ServerConfig;
  close(): Promise<void>;
  /** Terminates that user's sockets abruptly, as a network loss would; the session stays in grace. */
  dropConnections(userId: string): number;
}

const DEV_MODE_WARNING = box([
  'DEV MODE: RTC_JWT_SECRET is not set.',
  'Tokens are signed with a random secret kept in the state folder,',
  'and GET /api/token hands out a token for any room and role to anyone.',
  'Set RTC_JWT_SECRET (see docs/tokens.md) before exposing this server.',
]);

function box(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return ['', `  ┌${rule}┐`, ...lines.map((line) => `  │ ${line.padEnd(width)} │`), `  └${rule}┘`].join('\n');
}

export async function createRtcServer(options: Partial<ServerConfig> & { quiet?: boolean; now?: () => number } = {}): Promise<RtcServer> {
  // `now`: the clock of room records (tests move it to expire rooms).
  const { quiet = false, now, ...overrides } = options;
  const config = resolveConfig(overrides);
  const log = createLogger(quiet);
  const devMode = !config.secret;
  const secret = config.secret || loadDevSecret(config.stateDir);
  if (devMode) log.warn(DEV_MODE_WARNING);
  else if (secret.length < 32) log.warn('RTC_JWT_SECRET is shorter than 32 characters; use a long random secret.');

  const roomStore = await openFileRoomStore(path.join(config.stateDir, 'rooms'), { emptyRoomTtlMs: config.emptyRoomTtlMs, now, log });
  const hub = new Hub({
    config,
    log,
    roomStore,
    now,
    verifyToken: (token) => verifyToken(token, secret),
    iceServersFor: createIceServersFor(config),
  });
  const handleApi = createApi({ config, hub, secret, devMode });
  const serveStatic = createStaticHandler(config.staticDir);

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (!(await handleApi(req, res, url))) await serveStatic(req, res, url);
    } catch (error) {
      log.error(`${req.method} ${url.pathname} failed`, error);
      if (!res.headersSent) sendError(res, 500, 'server-error', 'The server failed to handle the request.');
      else res.destroy();
    }
  }

  const http = createServer((req, res) => void handleRequest(req, res));
  // Frames over maxFrameBytes get a `too-large` reply; far larger ones are not even buffered: ws closes with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes * 4, perMessageDeflate: false });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (pathname !== WS_PATH) return refuse('404 Not Found');
    if (!isOriginAllowed(req, config.allowedOrigins)) return refuse('403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const conn = hub.connect({
      send: (text) => ws.send(text),
      close: (code, reason) => ws.close(code, reason),
      terminate: () => ws.terminate(),
      remoteAddress: req.socket.remoteAddress,
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) conn.receiveBinary();
      else conn.receive(data.toString());
    });
    ws.on('close', () => conn.closed());
    ws.on('error', (error) => log.warn(`socket error: ${error.message}`));
  });
  const stopHeartbeat = startHeartbeat(wss, config.heartbeatMs);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(`rtc-kit server listening on ${config.host}:${port} (WebSocket ${WS_PATH})`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    config,
    dropConnections: (userId) => hub.dropConnections(userId),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        stopHeartbeat();
        const saved = hub.close().then(() => roomStore.close());
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        http.close(() => void saved.then(resolve, resolve));
        http.closeAllConnections();
      });
      return closing;
    },
  };
}
