import type { IncomingMessage, ServerResponse } from 'node:http';
import { TokenError } from '../auth/claims.js';
import { NotAdminError, verifyAdminToken } from '../auth/tokens.js';
import { sendError } from './respond.js';

/**
 * The caller of an admin route, for the log, or null once refused (401/403 sent). Dev mode: open, as
 * the dev token endpoint is.
 */
export async function authenticateAdmin(
  req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, { secret, devMode }: { secret: string; devMode: boolean },
): Promise<string | null> {
  if (devMode) return 'dev';
  const challenge = { ...headers, 'www-authenticate': 'Bearer' };
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer) {
    sendError(res, 401, 'token-invalid', 'The admin API needs "Authorization: Bearer <admin token>" (npm run token -- --admin).', challenge);
    return null;
  }
  try {
    return (await verifyAdminToken(bearer, secret)).sub;
  } catch (error) {
    if (error instanceof NotAdminError) sendError(res, 403, 'not-allowed', error.message, headers);
    else if (error instanceof TokenError) sendError(res, 401, error.code, error.message, challenge);
    else throw error;
    return null;
  }
}

/**
 * Headers for an admin route's answer, or null when a browser on another origin asks that
 * ALLOWED_ORIGINS does not list (`null`, any origin, does not count here): admin routes are for the
 * app's backend.
 */
export function adminCors(req: IncomingMessage, allowedOrigins: string[] | null): Record<string, string> | null {
  const origin = req.headers.origin;
  const listed = origin !== undefined && (allowedOrigins?.includes(origin) ?? false);
  if (origin !== undefined && !listed && !isSameOrigin(origin, req)) return null;
  return listed ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
