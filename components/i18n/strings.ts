/**
 * The string tables by language, and the page's way to add or replace them:
 * `registerStrings('fr', {...})` adds a language, `registerStrings('en', {'lobby.join': 'Enter'})` rewords one string.
 */
import { en, type StringKey, type Strings } from './en.js';
import { zhCN } from './zh-cn.js';

export type { StringKey, Strings };

const tables = new Map<string, Partial<Strings>>([
  ['en', en],
  ['zh-CN', zhCN],
]);
const changeListeners = new Set<() => void>();

/** Adds a language or overrides strings of one; every element re-renders with them. */
export function registerStrings(lang: string, strings: Partial<Strings>): void {
  const key = findTable(lang) ?? lang;
  tables.set(key, { ...tables.get(key), ...strings });
  for (const listener of changeListeners) listener();
}

/** Called when registered strings change; returns the function that unsubscribes. */
export function onStringsChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** The registered language that best serves a BCP 47 tag: exact, then same primary language, else `en`. */
export function resolveLanguage(lang: string | null | undefined): string {
  if (!lang) return 'en';
  return findTable(lang) ?? findTable(lang.split('-')[0]!) ?? 'en';
}

function findTable(lang: string): string | undefined {
  const wanted = lang.toLowerCase();
  const keys = [...tables.keys()];
  return (
    keys.find((key) => key.toLowerCase() === wanted) ??
    keys.find((key) => key.toLowerCase().split('-')[0] === wanted)
  );
}

/** The string for `key` in `lang`, with `{name}` placeholders filled; overrides win, English fills gaps. */
export function translate(
  lang: string,
  key: StringKey,
  params?: Record<string, string | number>,
  overrides?: Partial<Strings>,
): string {
  const text = overrides?.[key] ?? tables.get(resolveLanguage(lang))?.[key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
}
