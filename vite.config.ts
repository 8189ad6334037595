// Vite for development (`npm run dev`: the demo page on the TypeScript sources, with the
// control-plane server behind a proxy). The library build lives in scripts/build.ts.
import { defineConfig, type Plugin } from 'vite';

const serverUrl = process.env.RTC_SERVER ?? 'http://127.0.0.1:8787';

/** The demo page loads `/rtc-kit.js`, as an embedding page would; in dev that is the source entry. */
function bundleFromSource(): Plugin {
  return {
    name: 'rtc-kit-from-source',
    resolveId(id) {
      return id === '/rtc-kit.js' ? this.resolve('/components/index.ts') : null;
    },
  };
}

export default defineConfig({
  plugins: [bundleFromSource()],
  server: {
    proxy: {
      '/rtc': { target: serverUrl.replace(/^http/, 'ws'), ws: true },
      '/api': serverUrl,
    },
  },
});
