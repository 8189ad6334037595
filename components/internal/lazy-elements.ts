/**
 * Elements the lobby does not show (the call's grid and control bar, the chat, the people list, the
 * hand and reaction buttons) load on first use, or while the lobby waits for the Join button. Each
 * `import()` is relative, so the build emits it as a chunk next to the bundle and the browser
 * resolves it from the bundle's own URL (`import.meta.url`): a page on another site loads the
 * chunks from wherever it loaded the bundle.
 */
const LOADERS = {
  'rtc-video-grid': () => import('../rtc-video-grid/rtc-video-grid.js'),
  'rtc-controls': () => import('../rtc-controls/rtc-controls.js'),
  'rtc-chat': () => import('../rtc-chat/rtc-chat.js'),
  'rtc-participants': () => import('../rtc-participants/rtc-participants.js'),
  'rtc-reactions': () => import('../rtc-reactions/rtc-reactions.js'),
  // A tile's statistics overlay (`show-stats`): a chunk of its own, loaded when first shown.
  'rtc-tile-stats': () => import('../rtc-tile-stats/rtc-tile-stats.js'),
  // Calls (issue 12): a page that has a phone loads it (and the line) when the tag appears.
  'rtc-phone': () => import('../rtc-phone/rtc-phone.js'),
  // The lobby's meter, pickers, speaker test and connectivity check: loaded as the lobby shows.
  'rtc-device-check': () => import('../rtc-device-check/rtc-device-check.js'),
} satisfies Record<string, () => Promise<unknown>>;

export type LazyTag = keyof typeof LOADERS;

const LAZY_TAGS = Object.keys(LOADERS) as LazyTag[];
const loading = new Map<LazyTag, Promise<void>>();

/** Loads and defines one element (once; a failed download is tried again on the next use). */
export function loadElement(tag: LazyTag): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = LOADERS[tag]().then(() => undefined);
    promise.catch(() => loading.delete(tag));
    loading.set(tag, promise);
  }
  return promise;
}

/** Loads them when the browser has nothing else to do, so opening the chat later shows it at once. */
export function preloadElements(tags: readonly LazyTag[]): void {
  const load = () => tags.forEach((tag) => void loadElement(tag).catch(() => {}));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

/** Loads the lazy elements written under `root` (a page's own `<rtc-chat>` in its composition). */
export function loadElementsIn(root: ParentNode): void {
  for (const tag of LAZY_TAGS) {
    if (!customElements.get(tag) && root.querySelector(tag)) void loadElement(tag).catch(() => {});
  }
}

/**
 * For the all-in-one bundle: a lazy tag the page writes gets defined, whether it is in the page's
 * HTML already or added later (until every lazy element is defined, then the watch stops).
 */
export function defineLazyElementsOnUse(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const selector = LAZY_TAGS.join(',');
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches(selector) || node.querySelector(selector))) loadElementsIn(node.parentNode ?? node);
      }
    }
    if (LAZY_TAGS.every((tag) => customElements.get(tag))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  loadElementsIn(document);
}
