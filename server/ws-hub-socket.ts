import type { WebSocket } from 'ws';
import type { HubSocket } from './hub/hub.js';

/**
 * The hub's side of one `ws` socket. Methods rather than closures made per socket: run through tsx,
 * every named closure also gets its own property dictionary, about 300 bytes a client each.
 */
export class WsHubSocket implements HubSocket {
  constructor(private readonly ws: WebSocket, readonly remoteAddress?: string) {}

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(text: string): void {
    this.ws.send(text);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }
}
