/**
 * `npm run build`:
 *   dist/rtc-kit.js          the one ES module a page loads (a CMS writes one tag): it defines every element and
 *                            loads what a call does not need at first paint from dist/chunks/, next to it
 *   dist/rtc-kit-core.js     the engine alone, for apps that bring their own UI
 *   dist/elements/*.js       one module per element (shared code in chunks)
 *   dist/types/              type declarations (with the package's elements/*.d.ts and react.d.ts)
 *   dist/custom-elements.json the elements' manifest, generated from the JSDoc
 *   dist/index.html, dist/themes/*.css  the demo page and the theme stylesheets
 * then a .br and a .gz beside every text file (scripts/precompress.ts), and prints what the all-in-one
 * bundle costs (each chunk; first paint and everything against the goals).
 */
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleReport, formatBundleReport } from './bundle-report.js';
import { libraryConfig } from './library-config.js';
import { writePackageTypes } from './package-types.js';
import { precompress } from './precompress.js';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

/** Every `components/rtc-x/rtc-x.ts`: the file that registers one element. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const folder of readdirSync(join(root, 'components'))) {
    const file = join(root, 'components', folder, `${folder}.ts`);
    if (folder.startsWith('rtc-') && existsSync(file)) entries[folder] = file;
  }
  return entries;
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build(libraryConfig(root, { 'rtc-kit': join(root, 'components/index.ts') }, dist, 'lazy'));
await build(libraryConfig(root, { 'rtc-kit-core': join(root, 'core/index.ts') }, dist, 'single'));
await build(libraryConfig(root, elementEntries(), join(dist, 'elements'), 'elements'));

run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json']);
run(join(root, 'node_modules/.bin/cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
writePackageTypes(dist);

cpSync(join(root, 'index.html'), join(dist, 'index.html'));
if (existsSync(join(root, 'themes'))) {
  for (const file of readdirSync(join(root, 'themes')).filter((f) => f.endsWith('.css'))) {
    mkdirSync(join(dist, 'themes'), { recursive: true });
    cpSync(join(root, 'themes', file), join(dist, 'themes', file));
  }
}

const report = bundleReport(join(dist, 'rtc-kit.js'));
console.log(formatBundleReport('dist/rtc-kit.js and its chunks', report));

const precompressed = await precompress(dist);
const firstPaint = report.files.filter((f) => f.initial).map((f) => precompressed.get(f.file));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const onWire = (encoding: 'br' | 'gzip') => kib(firstPaint.reduce((n, f) => n + (f?.[encoding] ?? f?.identity ?? 0), 0));
console.log(`precompressed ${[...precompressed.values()].filter((f) => f.br).length} files; first paint as served: ${onWire('br')} brotli, ${onWire('gzip')} gzip`);
