/** The Vite settings of the library build, shared by scripts/build.ts and the size benchmark. */
import type { InlineConfig } from 'vite';
import { minifyLitCss } from './minify-lit-css.js';

/**
 * `single`: one file (the engine alone). `lazy`: the all-in-one bundle, whose `import()`s become
 * chunks next to it, and whose first-paint code stays in one chunk (small chunks compress worse).
 * `elements`: one module per entry, code they share in chunks.
 */
export type Splitting = 'single' | 'lazy' | 'elements';

/**
 * The all-in-one bundle's chunks: what the lobby needs in one, and the call's grid, bar, reaction
 * buttons, dialogs, the menus (the tiles' one too) and the tiles' health marks in another (loaded together at joining, so the helpers they share make no chunk
 * of their own).
 */
const LAZY_GROUPS = [
  { name: 'first-paint', tags: ['$initial' as const], priority: 4 },
  {
    name: 'call',
    test: /\/components\/(rtc-video-grid|rtc-controls|rtc-reactions)\/|\/components\/(internal\/(resize-controller|menu-controller|place-menu|menu\.styles)|rtc-room\/(call-dialogs|call-view\.styles)|rtc-video-tile\/(tile-health|tile-menu))\./,
    priority: 1,
  },
  // The English of everything after the lobby, shared by the call, the panels, the phone and the answer
  // page: its own chunk, so none of them pulls in another's code for it.
  { name: 'en-later', test: /\/components\/i18n\/en-later\./, priority: 3 },
  // Call health and the statistics it reads: all loaded once joined (health samples at once), so one chunk.
  { name: 'health', test: /\/core\/stats\/(session-health|normalise-stats|outbound-stats)\./, priority: 1 },
];

export function libraryConfig(root: string, entry: Record<string, string>, outDir: string, splitting: Splitting): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [minifyLitCss()],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      // Terser: 5 KiB gzip less than Vite's default (oxc) minifier on dist/rtc-kit.js (68.4 -> 63.2).
      minify: 'terser',
      sourcemap: true,
      copyPublicDir: false,
      lib: { entry, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        // Timing notes are noise on a shared machine; the size report is what this build prints.
        checks: { bundlerTimings: false },
        // `sdp` (pulled in by webrtc-adapter) is pure but CommonJS, so the bundler can't tell it is
        // unused by the adapter shims we import (core/transports/browser-shims.ts) unless told.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/sdp/') },
        output:
          splitting === 'single'
            ? { codeSplitting: false }
            : {
                chunkFileNames: 'chunks/[name]-[hash].js',
                ...(splitting === 'lazy' ? { codeSplitting: { groups: LAZY_GROUPS } } : {}),
              },
      },
    },
  };
}
