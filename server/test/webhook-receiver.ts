/** A webhook receiver on port 0 for tests: records every POST and answers as `respond` says. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { WebhookEvent } from '../webhooks/events.js';

export interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
  event: WebhookEvent;
}

/** A status to answer with, or 'hang' to never answer. */
export type Answer = number | 'hang';

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Resolves once `count` POSTs have arrived (5 s at most). */
  waitFor(count: number): Promise<Delivery[]>;
  close(): Promise<void>;
}

export async function startReceiver(respond: (delivery: Delivery, index: number) => Answer = () => 200): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const delivery = { headers: req.headers, body, event: JSON.parse(body) as WebhookEvent };
      deliveries.push(delivery);
      for (const wake of [...waiters]) wake();
      const answer = respond(delivery, deliveries.length - 1);
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    async waitFor(count) {
      const deadline = Date.now() + 5000;
      while (deliveries.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${deliveries.length} deliveries, expected ${count}: ${deliveries.map((d) => d.event.type).join(', ')}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
      return deliveries.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
