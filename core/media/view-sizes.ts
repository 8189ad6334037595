/**
 * Every place a page shows someone's video (a grid tile, the stage, a picture-in-picture window), merged
 * into the one size the engine asks their video at: the largest of them, in device pixels.
 */
import type { ViewSize } from './view-layer.js';

export interface MergedView {
  userId: string;
  source: 'camera' | 'screen';
  /** Device pixels; null: shown nowhere now. */
  size: ViewSize | null;
}

export class ViewSizes {
  /** Per user and source, each owner's size in CSS pixels. Kept when empty: "shown nowhere" is news too. */
  readonly #views = new Map<string, { userId: string; source: 'camera' | 'screen'; owners: Map<object, ViewSize> }>();

  /** `owner` (e.g. a tile element) shows `userId`'s `source` at `size` CSS pixels, or no longer (null). */
  set(userId: string, source: 'camera' | 'screen', size: ViewSize | null, owner: object, pixelRatio: number): MergedView {
    const key = `${userId}\n${source}`;
    const view = this.#views.get(key) ?? { userId, source, owners: new Map<object, ViewSize>() };
    this.#views.set(key, view);
    if (size && size.width > 0 && size.height > 0) view.owners.set(owner, size);
    else view.owners.delete(owner);
    return merged(view, pixelRatio);
  }

  /** Whether the page shows their `source` anywhere; true when it never said (they send full quality). */
  shown(userId: string, source: 'camera' | 'screen'): boolean {
    const view = this.#views.get(`${userId}\n${source}`);
    return !view || view.owners.size > 0;
  }

  /** Every view the page ever reported, merged (for a transport made after they were). */
  all(pixelRatio: number): MergedView[] {
    return [...this.#views.values()].map((view) => merged(view, pixelRatio));
  }
}

function merged(view: { userId: string; source: 'camera' | 'screen'; owners: Map<object, ViewSize> }, pixelRatio: number): MergedView {
  const sizes = [...view.owners.values()];
  const size = sizes.length
    ? {
        width: Math.round(Math.max(...sizes.map((s) => s.width)) * pixelRatio),
        height: Math.round(Math.max(...sizes.map((s) => s.height)) * pixelRatio),
      }
    : null;
  return { userId: view.userId, source: view.source, size };
}
