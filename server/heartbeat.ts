import type { WebSocket, WebSocketServer } from 'ws';

/**
 * The ws README's liveness sweep: every `intervalMs` each socket is pinged, and one that has not
 * answered since the last sweep is terminated. Only a pong counts: a client that sends frames but
 * does not read (so never sees the ping) is not alive as far as we are concerned. Returns the stop function.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  // One listener for every socket (ws calls it with the socket as `this`), not one closure per socket.
  function markAlive(this: WebSocket) {
    alive.add(this);
  }
  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', markAlive);
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
