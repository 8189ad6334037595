/** What the kit costs in a page: the production build's settings, beside lit alone as the floor. */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { libraryConfig } from '../scripts/library-config.js';

export interface BundleSize {
  name: string;
  minified: number;
  gzipped: number;
}

async function measure(name: string, entry: string, root: string): Promise<BundleSize> {
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = await mkdtemp(join(root, 'node_modules/.cache/rtc-kit-size-'));
  try {
    const config = libraryConfig(root, { bundle: entry }, dir, true);
    await build({ ...config, logLevel: 'silent', build: { ...config.build, sourcemap: false } });
    const code = await readFile(join(dir, 'bundle.js'));
    return { name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function bundleSizes(root: string): Promise<BundleSize[]> {
  return [
    await measure('lit alone (baseline)', join(root, 'node_modules/lit/index.js'), root),
    await measure('the engine (core/index.ts)', join(root, 'core/index.ts'), root),
    await measure('every element (dist/rtc-kit.js)', join(root, 'components/index.ts'), root),
  ];
}
