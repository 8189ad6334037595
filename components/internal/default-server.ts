/**
 * The server an element talks to when the page names none (internal: no semver promise): the origin
 * the kit's code was loaded from. A page on another site that loads the bundle from an rtc-kit server
 * (`<script type="module" src="https://rtc.example/rtc-kit.js">`) thereby talks to that server with no
 * `server` attribute; the demo, `npm run dev` (Vite serves the sources and proxies the server) and an
 * app that bundles the kit into its own scripts load it from the page's origin, which is then the default.
 */
export function defaultServer(): string | undefined {
  const origin = new URL(import.meta.url).origin;
  if (origin !== 'null') return origin;
  // Code from data:, file: or an opaque blob: URL has no origin: the page's, if there is a page (not under SSR).
  return typeof location !== 'undefined' ? location.origin : undefined;
}
