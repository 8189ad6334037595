/** What webrtc-adapter and the engine cost in a production bundle: minified and gzipped bytes. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface BundleSize {
  name: string;
  minified: number;
  gzipped: number;
}

async function measure(name: string, source: string, root: string): Promise<BundleSize> {
  // Inside the project, so the entry resolves packages from node_modules.
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = await mkdtemp(join(root, 'node_modules/.cache/rtc-kit-size-'));
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, source);
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: join(dir, 'out'),
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'bundle' },
      },
    });
    const code = await readFile(join(dir, 'out', 'bundle.js'));
    return { name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function bundleSizes(root: string): Promise<BundleSize[]> {
  const core = join(root, 'core/index.ts');
  return [
    await measure('webrtc-adapter alone', `import 'webrtc-adapter';`, root),
    await measure('core (the engine, with webrtc-adapter)', `export * from ${JSON.stringify(core)};`, root),
  ];
}
