/** Loads the tile's health marks (tile-health.ts) once, and adds their styles to a tile's shadow root. */
export type TileHealthView = typeof import('./tile-health.js');

let loading: Promise<TileHealthView> | undefined;

export async function showHealth(root: HTMLElement | DocumentFragment): Promise<TileHealthView> {
  loading ??= import('./tile-health.js');
  loading.catch(() => (loading = undefined));
  const view = await loading;
  if (root instanceof ShadowRoot) {
    const sheet = view.healthStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else if (!sheet && !root.querySelector('style[data-health]')) {
      root.append(Object.assign(document.createElement('style'), { textContent: view.healthStyles.cssText, dataset: { health: '' } }));
    }
  }
  return view;
}
