import type { CSSResult } from 'lit';

/**
 * Adds styles a lazily loaded module brings to an element's shadow root, once: an adopted sheet, or a
 * `<style>` where the browser has no constructable sheets (lit falls back the same way).
 */
export function addStyles(root: ParentNode, styles: CSSResult, key: string): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else if (!sheet && !root.querySelector(`style[data-styles="${key}"]`)) {
    root.append(Object.assign(document.createElement('style'), { textContent: styles.cssText, dataset: { styles: key } }));
  }
}
