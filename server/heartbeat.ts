import type { WebSocket, WebSocketServer } from 'ws';

/**
 * The ws README's liveness sweep: every `intervalMs` each socket is pinged, and one that has not
 * answered (or sent anything) since the last sweep is terminated. Returns the stop function.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  wss.on('connection', (ws) => {
    alive.add(ws);
    const markAlive = () => alive.add(ws);
    ws.on('pong', markAlive);
    ws.on('message', markAlive);
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
