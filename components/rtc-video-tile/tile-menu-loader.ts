/**
 * Loads the tile's menu (tile-menu.ts: its items, the menu keys and placement, the menu's look) once,
 * and adds its styles to a tile's shadow root. Only a call offers the menu, so the lobby's tile goes without it.
 */
import { addStyles } from '../internal/add-styles.js';

export type TileMenuModule = typeof import('./tile-menu.js');

let loading: Promise<TileMenuModule> | undefined;

export async function loadTileMenu(root: HTMLElement | DocumentFragment): Promise<TileMenuModule> {
  loading ??= import('./tile-menu.js');
  loading.catch(() => (loading = undefined));
  const module = await loading;
  addStyles(root, module.menuStyles, 'menu');
  return module;
}
