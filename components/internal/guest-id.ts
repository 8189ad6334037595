/**
 * The guest id a tab uses with dev tokens, kept in session storage: the same person is the same guest
 * after a reload, so a removal (a ban on the id) holds for them and their avatar colour stays; a second
 * tab is a second guest, so two tabs of one browser can still call each other (the demo's first try).
 * Falls back to one id per page where storage is blocked (sandboxed frames).
 */
const KEY = 'rtc-kit:guest-id';
const ID = /^guest-[a-z0-9]{4,16}$/;

let pageGuest = '';

function freshId(): string {
  return `guest-${[...crypto.getRandomValues(new Uint8Array(6))].map((b) => (b % 36).toString(36)).join('')}`;
}

export function guestId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeSessionStorage()): string {
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

function safeSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
