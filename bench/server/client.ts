/** A lean WebSocket client for the server bench: times one request to its reply, ignores everything else. */
import WebSocket from 'ws';

/** Every wait in the bench gives up after this long, so a stuck server fails the run instead of hanging it. */
export const WAIT_MS = 15_000;

export function withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class BenchClient {
  private waiting: { matches: (text: string) => boolean; resolve: (ms: number) => void; reject: (error: Error) => void; sentAt: number } | null = null;
  private readonly closed: Promise<void>;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const waiting = this.waiting;
      if (!waiting) return;
      const text = data.toString();
      if (!waiting.matches(text)) return;
      this.waiting = null;
      if (text.startsWith('{"type":"error"')) waiting.reject(new Error(`refused: ${text}`));
      else waiting.resolve(performance.now() - waiting.sentAt);
    });
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('error', () => {});
  }

  static async open(url: string): Promise<BenchClient> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await withTimeout(new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }), `open ${url}`);
    return new BenchClient(ws);
  }

  /** Sends `frame`; resolves with the milliseconds until a reply that `matches` (an error frame always does, and rejects). */
  request(frame: string, matches: (text: string) => boolean): Promise<number> {
    const reply = new Promise<number>((resolve, reject) => {
      this.waiting = { matches: (text) => matches(text) || text.startsWith('{"type":"error"'), resolve, reject, sentAt: performance.now() };
    });
    this.ws.send(frame);
    return withTimeout(reply, 'reply');
  }

  send(frame: string): void {
    this.ws.send(frame);
  }

  /** Closes and waits for the server's side of the closing handshake. */
  close(): Promise<void> {
    this.ws.close();
    return withTimeout(this.closed, 'close');
  }
}
