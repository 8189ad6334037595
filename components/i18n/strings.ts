/**
 * The string tables by language, and the page's way to add or replace them:
 * `registerStrings('fr', {...})` adds a language, `registerStrings('en', {'lobby.join': 'Enter'})` rewords one string.
 * English is built in; the other languages the kit ships load on first use, as a chunk next to the
 * bundle (elements wait for them before rendering, see `stringsReady`).
 */
import { en, type StringKey, type Strings } from './en.js';
import type { DeviceCheckKey } from './device-check.en.js';

export type { StringKey, Strings };

// Lazy chunks' strings: their keys are here, their texts load with the chunk (addChunkStrings).
/** Keys of the strings that travel in a lazy chunk (the lobby's device check: device-check.en.ts). */
export type ChunkStringKey = DeviceCheckKey;
/** Every key: the first paint's (en.ts) and the chunks'. */
export type AnyStringKey = StringKey | ChunkStringKey;
export type AnyStrings = Partial<Record<AnyStringKey, string>>;

const tables = new Map<string, AnyStrings>([['en', en]]);
/** The languages shipped beside English: relative `import()`s, so they load from wherever the bundle came from. */
const SHIPPED: Record<string, () => Promise<Strings>> = {
  'zh-CN': () => import('./zh-cn.js').then((module) => module.zhCN),
};
/** Shipped languages loading (pending) or tried (settled: loaded, or given up for English). */
const loads = new Map<string, { done: boolean; promise: Promise<void> }>();
const changeListeners = new Set<() => void>();

/** Adds a language or overrides strings of one; every element re-renders with them. */
export function registerStrings(lang: string, strings: AnyStrings): void {
  const key = findTable(lang) ?? lang;
  tables.set(key, { ...tables.get(key), ...strings });
  notify();
}

function notify(): void {
  for (const listener of changeListeners) listener();
}

/** A lazy chunk's own strings, by language, under anything registered for them already (the page's words win). */
export function addChunkStrings(byLang: Record<string, AnyStrings>): void {
  for (const [lang, strings] of Object.entries(byLang)) tables.set(lang, { ...strings, ...tables.get(lang) });
  notify();
}

/** Called when registered strings change; returns the function that unsubscribes. */
export function onStringsChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * Undefined when `lang` (a resolved language) can be rendered now; else the promise of its shipped
 * table, which starts loading here. A table that fails to load leaves English in its place (once).
 */
export function stringsReady(lang: string): Promise<void> | undefined {
  const load = SHIPPED[lang];
  if (!load) return undefined;
  let entry = loads.get(lang);
  if (!entry) {
    const loading = { done: false, promise: Promise.resolve() };
    loading.promise = load().then(
      (table) => {
        // Strings the page registered before the table arrived stay over it.
        tables.set(lang, { ...table, ...tables.get(lang) });
        notify();
      },
      (cause: unknown) => console.warn(`rtc-kit: the ${lang} strings did not load; showing English.`, cause),
    ).finally(() => (loading.done = true));
    loads.set(lang, (entry = loading));
  }
  return entry.done ? undefined : entry.promise;
}

/** The registered or shipped language that best serves a BCP 47 tag: exact, then same primary language, else `en`. */
export function resolveLanguage(lang: string | null | undefined): string {
  if (!lang) return 'en';
  return findTable(lang) ?? findTable(lang.split('-')[0]!) ?? 'en';
}

function findTable(lang: string): string | undefined {
  const wanted = lang.toLowerCase();
  const keys = [...new Set([...tables.keys(), ...Object.keys(SHIPPED)])];
  return (
    keys.find((key) => key.toLowerCase() === wanted) ??
    keys.find((key) => key.toLowerCase().split('-')[0] === wanted)
  );
}

/** The string for `key` in `lang`, with `{name}` placeholders filled; overrides win, English fills gaps. */
export function translate(
  lang: string,
  key: AnyStringKey,
  params?: Record<string, string | number>,
  overrides?: AnyStrings,
): string {
  const text = overrides?.[key] ?? tables.get(resolveLanguage(lang))?.[key] ?? tables.get('en')?.[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
}
