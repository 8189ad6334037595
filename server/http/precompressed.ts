/**
 * Precompressed siblings of the built files: `rtc-kit.js.br` and `rtc-kit.js.gz` next to `rtc-kit.js`,
 * written by scripts/precompress.ts at build time and picked by the static handler per request.
 */

export type Encoding = 'br' | 'gzip';

/** The suffix of each encoding's file, in the server's order of preference. */
export const ENCODINGS: readonly { encoding: Encoding; suffix: string }[] = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
];

/** Text formats worth compressing; images, fonts and media are compressed already. */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg', '.wasm']);

/**
 * The encodings the client takes (`Accept-Encoding`, RFC 9110 §12.5.3), best first: by q-value,
 * brotli before gzip on a tie. `q=0` refuses one; `*` stands for those not named.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(value) ? value : 0);
  }
  const weight = (encoding: Encoding) => q.get(encoding) ?? q.get('*') ?? 0;
  return ENCODINGS.map(({ encoding }) => encoding)
    .filter((encoding) => weight(encoding) > 0)
    .sort((a, b) => weight(b) - weight(a));
}
