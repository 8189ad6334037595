/**
 * The guest id a browser uses with dev tokens, kept in local storage: the same person is the same
 * guest after a reload, so a removal (a ban on the id) holds for them, and their avatar colour stays.
 * Falls back to one id per page where storage is blocked (private windows, sandboxed frames).
 */
const KEY = 'rtc-kit:guest-id';
const ID = /^guest-[a-z0-9]{4,16}$/;

let pageGuest = '';

function freshId(): string {
  return `guest-${[...crypto.getRandomValues(new Uint8Array(6))].map((b) => (b % 36).toString(36)).join('')}`;
}

export function guestId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): string {
  try {
    const kept = storage?.getItem(KEY);
    if (kept && ID.test(kept)) return kept;
    const id = pageGuest || freshId();
    storage?.setItem(KEY, id);
    pageGuest = id;
    return id;
  } catch {
    pageGuest ||= freshId();
    return pageGuest;
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
