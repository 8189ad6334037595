/** Loads the tile's health marks (tile-health.ts) once, and adds their styles to a tile's shadow root. */
import { addStyles } from '../internal/add-styles.js';

export type TileHealthView = typeof import('./tile-health.js');

let loading: Promise<TileHealthView> | undefined;

export async function showHealth(root: HTMLElement | DocumentFragment): Promise<TileHealthView> {
  loading ??= import('./tile-health.js');
  loading.catch(() => (loading = undefined));
  const view = await loading;
  addStyles(root, view.healthStyles, 'health');
  return view;
}
