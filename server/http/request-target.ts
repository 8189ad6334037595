/** Base for parsing request targets: only the path and query of a target are ever used. */
const ORIGIN = 'http://localhost';

/**
 * The path and query of a request target, or null for one no browser sends. `//[` or `//a:b@` is a
 * path (origin-form, RFC 9112 §3.2.1), not a host to parse; an absolute-form target (`http://x/p`)
 * keeps its path. Never throws: one bad request line must not reach `new URL` unguarded.
 */
export function parseRequestTarget(target: string | undefined): URL | null {
  if (!target) return null;
  try {
    if (target.startsWith('/')) return new URL(ORIGIN + target);
    if (/^https?:\/\//i.test(target)) {
      const absolute = new URL(target);
      return new URL(ORIGIN + absolute.pathname + absolute.search);
    }
  } catch {
    // Not a URL at all: the caller answers 400.
  }
  return null;
}
