/** Local dates and times for the chat, in the element's language (cached formatters: a long chat formats many). */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: string, kind: 'day' | 'time' | 'full'): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let formatter = formats.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day' ? { dateStyle: 'medium' } : kind === 'time' ? { hour: 'numeric', minute: '2-digit' } : { dateStyle: 'full', timeStyle: 'short' };
    formatter = new Intl.DateTimeFormat(lang, options);
    formats.set(key, formatter);
  }
  return formatter;
}

/** The local calendar day of a timestamp, to start a new day section when it changes. */
export function dayKey(ts: number): string {
  const date = new Date(ts);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** The translated "Today" or "Yesterday", else the date in the reader's language. */
export function dayLabel(ts: number, lang: string, words: { today: string; yesterday: string }, now = Date.now()): string {
  if (dayKey(ts) === dayKey(now)) return words.today;
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayKey(ts) === dayKey(yesterday.getTime())) return words.yesterday;
  return format(lang, 'day').format(ts);
}

/** `2:05 PM` / `14:05`. */
export function timeLabel(ts: number, lang: string): string {
  return format(lang, 'time').format(ts);
}

/** The whole date and time, for the tooltip. */
export function fullTimeLabel(ts: number, lang: string): string {
  return format(lang, 'full').format(ts);
}
