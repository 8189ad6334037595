/** Raw TCP clients for what fetch() and ws refuse to send: broken request lines, half requests, resets. */
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import type { RtcServer } from '../create-server.js';

export interface RawReply {
  /** Everything the server wrote before it closed (or `waitMs` passed). */
  text: string;
  /** `400` from `HTTP/1.1 400 Bad Request`; null if nothing that looks like a status line came. */
  status: number | null;
  /** The server closed the connection (rather than us giving up waiting). */
  closedByServer: boolean;
}

/** Writes `bytes` to the server and collects the answer until the server closes or `waitMs` passes. */
export function rawExchange(server: RtcServer, bytes: string | Buffer, options: { waitMs?: number; end?: boolean } = {}): Promise<RawReply> {
  const { waitMs = 3000, end = false } = options;
  return new Promise((resolve) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1];
      resolve({ text, status: status ? Number(status) : null, closedByServer });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('close', finish);
    socket.on('error', () => {
      closedByServer = true;
      finish();
    });
    socket.write(bytes);
    if (end) socket.end();
  });
}

export const upgradeHeaders = (key = 'dGhlIHNhbXBsZSBub25jZQ==') =>
  `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n`;

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request through node:http, which (unlike fetch) neither decompresses nor normalises the path. */
export function httpRequest(server: RtcServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(`${server.url}/`, { path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}
