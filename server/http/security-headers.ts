import { createHash } from 'node:crypto';

/** On every response, whatever it is. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Room names travel in the demo's URL (`?room=`): never leak them to another site.
  'referrer-policy': 'no-referrer',
};

/** Responses that are no page (JSON, errors, refusals): nothing may run, load or frame them. */
export const NO_CONTENT_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The CSP of an HTML page we serve (the demo): its own scripts, and its inline ones by hash; styles
 * inline too (lit sets `style` attributes); sockets to its own origin; images from data:/blob: URLs
 * (icons, snapshots). `frameAncestors` says who may put the page in an iframe.
 */
export function pageCsp(html: string, frameAncestors: string): string {
  const hashes = inlineScripts(html).map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trimEnd(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The text of each `<script>` without `src`, as the browser hashes it (the parser turns CRLF into LF). */
function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes, code] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(attributes)) scripts.push(code.replace(/\r\n?/g, '\n'));
  }
  return scripts;
}
