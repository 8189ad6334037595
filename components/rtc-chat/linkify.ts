/**
 * Splits chat text into plain runs and links, so the chat renders text nodes and `<a>` elements
 * built by lit: no string is ever parsed as HTML. Only http(s) and mailto addresses become links.
 */
export type TextToken = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * A scheme, then anything up to white space, a quote or angle bracket, or CJK text and full-width
 * punctuation (Chinese writers run a link straight into the sentence: `见https://a.cn。`).
 */
const CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"\u3000-\u9fff\uff00-\uffef]+/gi;
const TRAILING = /[.,;:!?'*]$/;
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function linkify(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let rest = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = trimEnd(match[0]);
    const href = safeHref(candidate);
    if (!href) continue;
    if (match.index > rest) tokens.push({ kind: 'text', text: text.slice(rest, match.index) });
    tokens.push({ kind: 'link', text: candidate, href });
    rest = match.index + candidate.length;
  }
  if (rest < text.length) tokens.push({ kind: 'text', text: text.slice(rest) });
  return tokens;
}

/** Drops sentence punctuation after a link, and a closing bracket the link did not open: `(see https://a.b/c).` */
function trimEnd(candidate: string): string {
  let end = candidate;
  for (;;) {
    if (TRAILING.test(end)) end = end.slice(0, -1);
    else if (/[)\]}]$/.test(end) && unbalanced(end)) end = end.slice(0, -1);
    else return end;
  }
}

function unbalanced(value: string): boolean {
  const close = value.at(-1)!;
  const open = { ')': '(', ']': '[', '}': '{' }[close]!;
  return value.split(open).length < value.split(close).length;
}

/** The normalised address when it is an http(s) URL with a host or a mailto with an addressee; otherwise null. */
function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!SCHEMES.has(url.protocol)) return null;
  if (url.protocol === 'mailto:' ? !url.pathname : !url.hostname) return null;
  return url.href;
}
