/**
 * The control-plane server: one origin serves the built front end, the signaling WebSocket at `/rtc`
 * and the HTTP API. The room logic is the hub (server/hub/); this file wires it to Node and `ws`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { loadDevSecret } from './auth/dev-secret.js';
import { signToken, verifyToken, verifyUserToken } from './auth/tokens.js';
import { WEBHOOK_DEFAULTS, checkSecret, resolveConfig, type ServerConfig } from './config.js';
import { startHeartbeat } from './heartbeat.js';
import { createApi } from './http/api.js';
import { clientAddress } from './http/client-address.js';
import { ConnectionLimits } from './http/connection-limits.js';
import { isOriginAllowed } from './http/origins.js';
import { parseRequestTarget } from './http/request-target.js';
import { sendError } from './http/respond.js';
import { COMMON_HEADERS, NO_CONTENT_CSP } from './http/security-headers.js';
import { createStaticHandler } from './http/static.js';
import { Hub, type HubConnection } from './hub/hub.js';
import { JanusPool } from './media/janus/janus-pool.js';
import { createIceServersFor } from './ice.js';
import { createLogger } from './log.js';
import { JanusMediaServer } from './media/janus/janus-media-server.js';
import { ServerRecordings, type ServerRecordingsOptions } from './recordings/server-recordings.js';
import { listingOf } from './http/recordings-api.js';
import { openFileRoomStore } from './store/file-room-store.js';
import { WsHubSocket } from './ws-hub-socket.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';

export const WS_PATH = '/rtc';

/** RFC 6455's "internal error": the engine reconnects and resumes, as after a network loss. */
const INTERNAL_ERROR = 1011;

export interface RtcServer {
  /** `http://127.0.0.1:PORT` (or the configured host). */
  url: string;
  port: number;
  config: ServerConfig;
  close(): Promise<void>;
  /** Terminates that user's sockets abruptly, as a network loss would; the session stays in grace. */
  dropConnections(userId: string): number;
  /** The media server (Janus, or a pool of them: JANUS_URL lists several) when rooms use one; null for a mesh-only server. */
  mediaServer: JanusMediaServer | JanusPool | null;
  /** Server recordings: their files, and the queue that makes them (`idle()` waits for it). */
  recordings: ServerRecordings;
}

const DEV_MODE_WARNING = box([
  'DEV MODE: no RTC_JWT_SECRET.',
  'Tokens are signed with a random secret kept in the state folder,',
  'and GET /api/token hands out a token for any room and role to anyone;',
  'the admin API (/api/rooms/...) needs no token.',
  'Set RTC_JWT_SECRET (32+ random bytes, see docs/tokens.md) and',
  'ALLOWED_ORIGINS before exposing this server (docs/server.md#security).',
]);

function box(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return ['', `  ┌${rule}┐`, ...lines.map((line) => `  │ ${line.padEnd(width)} │`), `  └${rule}┘`].join('\n');
}

/** A bare HTTP answer on a socket that is no ServerResponse (refused upgrades, unparsable requests). */
function rawResponse(status: string, body = '', headers: Record<string, string> = {}): string {
  const lines = Object.entries({
    ...COMMON_HEADERS, 'content-security-policy': NO_CONTENT_CSP, ...headers,
    'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close',
  }).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** What Node's HTTP parser could not take, by its error code. */
function clientErrorStatus(code: string | undefined): string {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  if (code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  return '400 Bad Request';
}

const REFUSALS = {
  429: rawResponse('429 Too Many Requests', 'Too many connections from your address.\n', { 'retry-after': '30' }),
  503: rawResponse('503 Service Unavailable', 'The server is at its connection limit.\n', { 'retry-after': '30' }),
} as const;

// Listeners shared by every socket rather than made per socket: a closure made in the upgrade handler
// would keep that request (about 1 KiB) alive as long as the socket, and run through tsx every named
// closure carries a property dictionary of its own (bench/README.md).
function doNothing(): void {}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

export async function createRtcServer(
  options: Partial<ServerConfig> & { quiet?: boolean; now?: () => number; composeRecording?: ServerRecordingsOptions['compose'] } = {},
): Promise<RtcServer> {
  // `now`: the clock of room records and recordings' retention (tests move it to expire them);
  // `composeRecording`: what makes a recording's file (tests give a fake one; default janus-pp-rec and ffmpeg).
  const { quiet = false, now, composeRecording, ...overrides } = options;
  const config = resolveConfig(overrides);
  const log = createLogger(quiet);
  if (config.secret !== undefined) checkSecret(config.secret);
  const devMode = config.secret === undefined;
  const secret = config.secret ?? loadDevSecret(config.stateDir);
  if (devMode) log.warn(DEV_MODE_WARNING);

  const webhooks = config.webhooks ? { ...WEBHOOK_DEFAULTS, ...config.webhooks } : null;
  if (webhooks?.secret !== undefined) checkSecret(webhooks.secret, 'WEBHOOK_SECRET');
  const dispatcher = webhooks && new WebhookDispatcher({ ...webhooks, secret: webhooks.secret ?? secret, log });
  // The media server only when rooms may use it (the default is sfu, or auto with startJanusForAuto, or an
  // external Janus is given): every other server starts no Janus, and its rooms created with media 'sfu' are meshes.
  const wantsJanus = config.media === 'sfu' || (config.media === 'auto' && config.startJanusForAuto) || config.janus.url !== undefined;
  // Server recordings (docs/server.md#recordings): made in the background, announced as `recording.ready`.
  const recordings = new ServerRecordings({
    dir: path.resolve(config.stateDir, 'recordings'),
    log,
    retentionMs: config.recordingRetentionMs,
    now,
    compose: composeRecording,
    onReady: (info) => {
      const { id, url, durationMs, size } = listingOf(info, secret);
      dispatcher?.emit({ type: 'recording.ready', roomId: info.room, data: { recordingId: id, url, durationMs, sizeBytes: size } });
    },
  });
  recordings.startRetention();
  const mediaServer = wantsJanus ? await JanusPool.start(config.janus, { stateDir: config.stateDir, log, recordings }) : null;
  const roomStore = await openFileRoomStore(path.join(config.stateDir, 'rooms'), { emptyRoomTtlMs: config.emptyRoomTtlMs, now, log });
  const iceServersFor = createIceServersFor(config);
  const hub = new Hub({
    config,
    log,
    roomStore,
    now,
    verifyToken: (token) => verifyToken(token, secret),
    // Calls (docs/calls.md): lines open with user tokens; an answered call's join tokens last as long as ours.
    verifyUserToken: (token) => verifyUserToken(token, secret),
    mintJoinToken: (claims) => {
      const iat = Math.floor(Date.now() / 1000);
      return signToken({ ...claims, iat, exp: iat + config.tokenTtlSeconds }, secret);
    },
    iceServersFor,
    mediaServer,
    ...(dispatcher && { onEvent: (event) => dispatcher.emit(event) }),
  });
  const handleApi = createApi({ config, hub, secret, devMode, log, iceServersFor, recordings: recordings.store });
  const serveStatic = createStaticHandler(config.staticDir, { frameAncestors: config.frameAncestors });
  const limits = new ConnectionLimits(config);

  /** Runs a listener (with its `this`); what it throws is logged and handled by `onError`, never left to end the process. */
  function guarded<T, A extends unknown[]>(what: string, listener: (this: T, ...args: A) => void, onError: (this: T, ...args: A) => void = doNothing) {
    return function (this: T, ...args: A): void {
      try {
        listener.apply(this, args);
      } catch (error) {
        log.error(`${what} failed`, error);
        try {
          onError.apply(this, args);
        } catch {
          // Nothing left to do for that one; the others carry on.
        }
      }
    };
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-security-policy', NO_CONTENT_CSP);
    const url = parseRequestTarget(req.url);
    if (!url) {
      sendError(res, 400, 'bad-message', 'The request target is not a path.');
      return;
    }
    try {
      if (!(await handleApi(req, res, url))) await serveStatic(req, res, url);
    } catch (error) {
      log.error(`${req.method} ${url.pathname} failed`, error);
      if (!res.headersSent) sendError(res, 500, 'server-error', 'The server failed to handle the request.');
      else res.destroy();
    }
  }

  const http = createServer({
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: Math.max(config.requestTimeoutMs, config.headersTimeoutMs),
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // How often the timeouts above are checked (Node's default, 30 s, would let slow headers linger).
    connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs),
  });
  http.on('request', guarded('request', (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(req, res).catch((error: unknown) => {
      log.error('request failed', error);
      res.destroy();
    });
  }, (_req, res) => res.destroy()));
  // Replaces Node's default answer to what its parser refuses, with our headers; never logs per client.
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: no answer into a response already under way (a pipelined request's error).
    const answering = (socket as Duplex & { _httpMessage?: { headersSent: boolean } })._httpMessage?.headersSent;
    if (!socket.writable || answering || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(clientErrorStatus(error.code)));
  });
  // Frames over maxFrameBytes get a `too-large` reply; far larger ones are not even buffered: ws closes with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes * 4, perMessageDeflate: false });
  wss.on('error', (error) => log.warn(`WebSocket server error: ${error.message}`));

  http.on('upgrade', guarded('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without an error listener: a reset here would otherwise be uncaught.
    socket.on('error', destroyOnError);
    const refuse = (response: string) => socket.end(response);
    const url = parseRequestTarget(req.url);
    if (!url) return refuse(rawResponse('400 Bad Request'));
    if (url.pathname !== WS_PATH) return refuse(rawResponse('404 Not Found'));
    if (!isOriginAllowed(req, config.allowedOrigins)) return refuse(rawResponse('403 Forbidden'));
    const admission = limits.admit(req);
    if ('refused' in admission) return refuse(REFUSALS[admission.refused]);
    if (socket.destroyed) return admission.release();
    // `on`, not `once`: release is idempotent, and once's wrapper would cost every socket another 150 bytes.
    socket.on('close', admission.release);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }, (_req, socket) => socket.destroy()));

  // The same listeners for every socket (ws calls them with the socket as `this`), each finding its
  // connection here: closures made per socket cost a client about 1 KiB between them (bench/README.md).
  const connections = new WeakMap<WebSocket, HubConnection>();
  const onFrame = guarded('frame', function (this: WebSocket, data: RawData, isBinary: boolean) {
    const conn = connections.get(this)!;
    if (isBinary) conn.receiveBinary();
    else conn.receive(data.toString());
  }, function (this: WebSocket) {
    this.close(INTERNAL_ERROR, 'server error');
  });
  const onClose = guarded('close', function (this: WebSocket) {
    connections.get(this)?.closed();
  });
  const onSocketError = (error: Error) => log.warn(`socket error: ${error.message}`);
  wss.on('connection', guarded('connection', (ws: WebSocket, req: IncomingMessage) => {
    connections.set(ws, hub.connect(new WsHubSocket(ws, clientAddress(req, config.trustProxy))));
    ws.on('message', onFrame);
    ws.on('close', onClose);
    ws.on('error', onSocketError);
  }, (ws) => ws.terminate()));
  const stopHeartbeat = startHeartbeat(wss, config.heartbeatMs);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      // Later failures (e.g. accept() out of file descriptors) are logged; the sockets already open carry on.
      http.on('error', (error) => log.error('HTTP server error', error));
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
    mediaServer,
    recordings,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        stopHeartbeat();
        const saved = hub.close().then(async () => {
          await mediaServer?.close();
          // A recording stopped by the rooms' end is made before the webhooks drain, so its webhook goes out.
          await recordings.close();
          await Promise.all([roomStore.close(), dispatcher?.close(webhooks!.drainMs)]);
        });
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        http.close(() => void saved.then(resolve, resolve));
        http.closeAllConnections();
      });
      return closing;
    },
  };
}
