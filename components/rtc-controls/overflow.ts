/** Widths (px) of a bar's items, as laid out. */
export interface BarWidths {
  /** The room for the items: the bar's content width. */
  available: number;
  /** Space between two items. */
  gap: number;
  /** Items that always stay in the bar (microphone, camera, hang up, the page's buttons). */
  pinned: readonly number[];
  /** Items that may move into the More menu, in order: the last ones move first. */
  movable: readonly number[];
  /** The More button. */
  more: number;
  /** The More button shows whatever fits (it holds menu-only actions too: recording, picture-in-picture). */
  moreAlways?: boolean;
}

/**
 * How many of the movable items (from the first) stay in the bar: all of them if everything fits,
 * else as many as fit beside the pinned ones and the More button. It depends on the widths alone,
 * never on what is shown now, so measuring again after moving items gives the same answer (no
 * flicker between two layouts).
 */
export function keptCount({ available, gap, pinned, movable, more, moreAlways = false }: BarWidths): number {
  const fits = (widths: readonly number[]) => widths.reduce((sum, width) => sum + width, 0) + gap * Math.max(0, widths.length - 1) <= available;
  if (fits([...pinned, ...movable, ...(moreAlways ? [more] : [])])) return movable.length;
  let kept = movable.length - 1;
  while (kept > 0 && !fits([...pinned, ...movable.slice(0, kept), more])) kept--;
  return Math.max(kept, 0);
}
