/**
 * The call view's chunks: the default grid and bar (loaded while the lobby shows, and at joining),
 * and the shortcuts help and leave confirmation with the key handling, with the styles of the call
 * view's own pieces (loaded at joining).
 */
import { addStyles } from '../internal/add-styles.js';
import { loadElement, preloadElements } from '../internal/lazy-elements.js';

/** The call's default grid and bar; the room renders them once defined. */
export const CALL_VIEW_TAGS = ['rtc-video-grid', 'rtc-controls'] as const;

let callDialogs: typeof import('./call-dialogs.js') | undefined;

/** Loads the dialogs' module and adds the call view's styles to the room's shadow root (`root`). */
export const loadCallDialogs = (root: ParentNode) =>
  import('./call-dialogs.js').then((module) => {
    addStyles(root, module.callViewStyles, 'call-view');
    return (callDialogs = module);
  });

/** The dialogs' module, once loaded. */
export const loadedCallDialogs = () => callDialogs;

export const callViewDefined = (): boolean => CALL_VIEW_TAGS.every((tag) => customElements.get(tag));

export const preloadCallView = (): void => preloadElements(CALL_VIEW_TAGS);

export class CallViewLoader {
  /** The grid's and bar's chunks while they load. */
  loading?: Promise<void>;

  /** Loads the grid and bar now (a failure is reported, and tried again at the next join). */
  load(loaded: () => void, failed: (cause: unknown) => void): void {
    if (this.loading || callViewDefined()) return;
    this.loading = Promise.all(CALL_VIEW_TAGS.map((tag) => loadElement(tag)))
      .then(loaded, failed)
      .finally(() => (this.loading = undefined));
  }
}
