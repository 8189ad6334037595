/** What the kit costs in a page: the production build's settings, beside lit alone as the floor. */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { cost } from '../scripts/bundle-report.js';
import { libraryConfig } from '../scripts/library-config.js';

export interface BundleSize {
  name: string;
  minified: number;
  gzipped: number;
  brotli: number;
}

async function scratchDir(root: string): Promise<string> {
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
  return mkdtemp(join(root, 'node_modules/.cache/rtc-kit-size-'));
}

async function measure(name: string, entry: string, root: string): Promise<BundleSize> {
  const dir = await scratchDir(root);
  try {
    const config = libraryConfig(root, { bundle: entry }, dir, 'single');
    await build({ ...config, logLevel: 'silent', build: { ...config.build, sourcemap: false } });
    const { minified, gzip, brotli } = cost(await readFile(join(dir, 'bundle.js')));
    return { name, minified, gzipped: gzip, brotli };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function bundleSizes(root: string): Promise<BundleSize[]> {
  return [
    await measure('lit alone (baseline)', join(root, 'node_modules/lit/index.js'), root),
    await measure('the engine (core/index.ts)', join(root, 'core/index.ts'), root),
  ];
}

/** dist/rtc-kit.js and its chunks as `npm run build` writes them, in a scratch folder (`remove` when done). */
export async function buildAllInOne(root: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await scratchDir(root);
  const config = libraryConfig(root, { 'rtc-kit': join(root, 'components/index.ts') }, dir, 'lazy');
  await build({ ...config, logLevel: 'silent', build: { ...config.build, sourcemap: false } });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
