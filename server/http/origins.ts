import type { IncomingMessage } from 'node:http';

/**
 * Whether a request's Origin may use the API or the WebSocket. With no list, any; otherwise those
 * listed, the server's own origin, and clients that send no Origin (not browsers).
 */
export function isOriginAllowed(req: IncomingMessage, allowed: readonly string[] | null): boolean {
  const origin = req.headers.origin;
  if (!allowed || !origin || allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** CORS response headers for an allowed request. */
export function corsHeaders(req: IncomingMessage, allowed: readonly string[] | null): Record<string, string> {
  if (!allowed) return { 'access-control-allow-origin': '*' };
  const origin = req.headers.origin;
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}
