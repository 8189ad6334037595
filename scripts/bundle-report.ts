/**
 * What the all-in-one bundle costs a page: the entry with the chunks it imports statically (what is
 * downloaded before the lobby is interactive), each chunk it loads later, and the total. Brotli and
 * gzip at their highest levels, as scripts/precompress.ts stores them.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The goals of issue 8, in bytes of brotli. */
export const SIZE_GOALS = { firstPaint: 45 * 1024, everything: 90 * 1024 };

export interface FileCost {
  /** Relative to the folder of the entry. */
  file: string;
  minified: number;
  gzip: number;
  brotli: number;
  /** Downloaded with the entry (imported statically), or later (`import()`). */
  initial: boolean;
}

export interface BundleReport {
  files: FileCost[];
  initial: Omit<FileCost, 'file' | 'initial'>;
  total: Omit<FileCost, 'file' | 'initial'>;
}

export function cost(code: Buffer): Omit<FileCost, 'file' | 'initial'> {
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.[^"']+)["']\s*\)/g;

function importsOf(file: string, pattern: RegExp): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(pattern)].map((match) => resolve(dirname(file), match[1]!));
}

/** Every module the entry reaches, marked initial when reached by static imports alone. */
export function bundleReport(entry: string): BundleReport {
  const initial = new Set<string>();
  const all = new Set<string>();
  const visit = (file: string, viaStatic: boolean) => {
    if (viaStatic ? initial.has(file) : all.has(file)) return;
    all.add(file);
    if (viaStatic) initial.add(file);
    for (const next of importsOf(file, STATIC_IMPORT)) visit(next, viaStatic);
    for (const next of importsOf(file, DYNAMIC_IMPORT)) visit(next, false);
  };
  visit(entry, true);
  // A module first reached lazily and later statically from the entry is initial: walk again.
  for (const file of [...initial]) for (const next of importsOf(file, STATIC_IMPORT)) initial.add(next);
  const base = dirname(entry);
  const files = [...all].map((file) => ({ file: relative(base, file), ...cost(readFileSync(file)), initial: initial.has(file) }));
  files.sort((a, b) => Number(b.initial) - Number(a.initial) || b.brotli - a.brotli);
  const sum = (list: FileCost[]) => ({
    minified: list.reduce((n, f) => n + f.minified, 0),
    gzip: list.reduce((n, f) => n + f.gzip, 0),
    brotli: list.reduce((n, f) => n + f.brotli, 0),
  });
  return { files, initial: sum(files.filter((f) => f.initial)), total: sum(files) };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The report as a table, with the goals. */
export function formatBundleReport(name: string, report: BundleReport): string {
  const rows = [
    ...report.files.map((f) => [`${f.initial ? '' : '  (later) '}${f.file}`, kib(f.minified), kib(f.gzip), kib(f.brotli)]),
    ['first paint (entry + static imports)', kib(report.initial.minified), kib(report.initial.gzip), kib(report.initial.brotli)],
    ['everything', kib(report.total.minified), kib(report.total.gzip), kib(report.total.brotli)],
  ];
  const headers = [name, 'minified', 'gzip', 'brotli'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const verdict = (value: number, goal: number) => `${kib(value)} brotli, goal <= ${kib(goal)}: ${value <= goal ? 'met' : 'NOT MET'}`;
  return [
    line(headers),
    ...rows.slice(0, -2).map(line),
    '-'.repeat(widths.reduce((a, b) => a + b + 2, -2)),
    ...rows.slice(-2).map(line),
    `before the lobby is interactive: ${verdict(report.initial.brotli, SIZE_GOALS.firstPaint)}`,
    `all features: ${verdict(report.total.brotli, SIZE_GOALS.everything)}`,
  ].join('\n');
}
