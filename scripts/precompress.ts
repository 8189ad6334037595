/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip -9) beside every compressible file of a
 * build, for the server to send to clients that accept them (server/http/static.ts). Siblings that
 * would not be smaller are removed rather than left stale. Run by scripts/build.ts; on its own:
 * `node --import tsx scripts/precompress.ts [dir]` (default dist/).
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESSIBLE_EXTENSIONS, ENCODINGS, type Encoding } from '../server/http/precompressed.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this the headers outweigh any saving. */
const MIN_BYTES = 1024;

const COMPRESS: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) => brotli(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }),
  gzip: (data) => gzipAsync(data, { level: 9 }),
};

export interface CompressedSizes {
  identity: number;
  br?: number;
  gzip?: number;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Precompresses every compressible file under `dir`; returns the sizes by path relative to `dir`. */
export async function precompress(dir: string): Promise<Map<string, CompressedSizes>> {
  const sizes = new Map<string, CompressedSizes>();
  const jobs: Promise<void>[] = [];
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    jobs.push((async () => {
      const data = await readFile(file);
      const entry: CompressedSizes = { identity: data.length };
      sizes.set(relative(dir, file), entry);
      for (const { encoding, suffix } of ENCODINGS) {
        const compressed = data.length >= MIN_BYTES ? await COMPRESS[encoding](data) : null;
        if (compressed && compressed.length < data.length) {
          await writeFile(file + suffix, compressed);
          entry[encoding] = compressed.length;
        } else {
          await rm(file + suffix, { force: true });
        }
      }
    })());
  }
  await Promise.all(jobs);
  return sizes;
}

if (import.meta.filename === process.argv[1]) {
  const dir = resolve(process.argv[2] ?? 'dist');
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error(`precompress: ${dir} is not a folder; run npm run build first.`);
    process.exit(1);
  }
  const sizes = await precompress(dir);
  console.log(`precompressed ${[...sizes.values()].filter((s) => s.br).length} files in ${dir}`);
}
