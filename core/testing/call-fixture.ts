/**
 * Browser-test fixture: real servers on loopback (through the web-test-runner plugin), dev tokens,
 * clients that count the offers they send, and a recorder of engine events.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { fetchDevToken } from '../dev-token.js';
import { RtcClient, type JoinOptions, type RtcClientOptions, type WebSocketLike } from '../rtc-client.js';
import type { RtcClientEvents } from '../types.js';
import type { Role } from '../../protocol/ids.js';

export interface TestServer {
  id: string;
  url: string;
}

/** A real server (createRtcServer) on loopback; options override its configuration (graceMs, secret, outboxFrames…). */
export async function startServer(options: { graceMs?: number; secret?: string; outboxFrames?: number; historyBytes?: number } = {}): Promise<TestServer> {
  return (await executeServerCommand('rtc-server-start', { graceMs: 15_000, ...options })) as TestServer;
}

export async function stopServer(server: TestServer): Promise<void> {
  await executeServerCommand('rtc-server-stop', { id: server.id });
}

/** Cut a user's sockets on the server side, as a network loss would. */
export async function dropUser(server: TestServer, userId: string): Promise<number> {
  return ((await executeServerCommand('rtc-server-drop', { id: server.id, userId })) as { dropped: number }).dropped;
}

/** A client that remembers what it emitted and counts the SDP offers it sent. */
export class TestClient extends RtcClient {
  offersSent = 0;
  readonly log: { type: keyof RtcClientEvents; detail: unknown }[] = [];

  constructor(options: RtcClientOptions) {
    super({
      connect: (url) => {
        const socket = new WebSocket(url);
        const send = socket.send.bind(socket);
        socket.send = (data: string) => {
          if (data.includes('"type":"signal"') && data.includes('"type":"offer"')) this.offersSent++;
          send(data);
        };
        return socket as unknown as WebSocketLike;
      },
      ...options,
    });
    const types: (keyof RtcClientEvents)[] = [
      'connection-state', 'joined', 'left', 'participant-joined', 'participant-left', 'participant-updated', 'mute-change',
      'track-added', 'track-removed', 'screen-share', 'active-speaker', 'device-change', 'device-selected', 'error',
      'message', 'history', 'data', 'hands', 'reaction', 'stats',
    ];
    for (const type of types) this.on(type, (detail) => this.log.push({ type, detail }));
  }

  events<K extends keyof RtcClientEvents>(type: K): RtcClientEvents[K][] {
    return this.log.filter((e) => e.type === type).map((e) => e.detail as RtcClientEvents[K]);
  }
}

export interface JoinAs {
  room: string;
  user: string;
  name?: string;
  role?: Role;
  options?: Omit<RtcClientOptions, 'server'>;
  join?: JoinOptions;
}

export async function joinAs(server: TestServer, who: JoinAs): Promise<TestClient> {
  const client = new TestClient({ server: server.url, ...who.options });
  const token = await fetchDevToken(server.url, { room: who.room, user: who.user, name: who.name, role: who.role });
  await client.join(token, who.join);
  return client;
}

/** A room id no other test uses. */
export function roomName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An HS256 JWT signed in the page, as any backend would mint one. */
export async function signToken(secret: string, claims: Record<string, unknown>): Promise<string> {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)));
  return `${body}.${btoa(String.fromCharCode(...signature)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`;
}
