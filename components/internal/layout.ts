/** Layout math for the video grid, as pure functions (tested in layout.test.ts). */

export interface GridShape {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

/**
 * The columns and rows that give `count` tiles of the given aspect the largest size inside a box,
 * gaps included. Ties go to fewer columns, so two people stack in portrait and sit side by side in landscape.
 */
export function gridShape(
  count: number,
  width: number,
  height: number,
  { aspect = 16 / 9, gap = 8 }: { aspect?: number; gap?: number } = {},
): GridShape {
  let best: GridShape = { columns: 1, rows: 1, tileWidth: 0, tileHeight: 0 };
  if (count <= 0 || width <= 0 || height <= 0) return best;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    // A shape whose last column would stay empty is never better than one column fewer.
    if ((columns - 1) * rows >= count) continue;
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    const tileWidth = Math.max(0, Math.min(cellWidth, cellHeight * aspect));
    if (tileWidth > best.tileWidth + 0.5) best = { columns, rows, tileWidth, tileHeight: tileWidth / aspect };
  }
  return best;
}

export interface OrderOptions {
  pageSize: number;
  /** The current active speaker; pulled onto the first page if they are beyond it. */
  speakerId: string | null;
  /** When each person last became the active speaker (ms), to pick whom the speaker replaces. */
  lastSpoke: ReadonlyMap<string, number>;
  /** Always first and never swapped out (the local user). */
  firstId?: string | null;
}

/**
 * The tile order after a change, moving as few tiles as possible (visually stable pagination):
 * people who stay keep their places, leavers' places close up, newcomers go last, and a speaker
 * beyond the first page trades places with the first page's least recently active person. Nobody
 * else moves, so tiles on the page being watched do not reshuffle when someone speaks.
 */
export function stableOrder(previous: readonly string[], present: readonly string[], options: OrderOptions): string[] {
  const { pageSize, speakerId, lastSpoke, firstId } = options;
  const here = new Set(present);
  const order = previous.filter((id) => here.has(id));
  const kept = new Set(order);
  order.push(...present.filter((id) => !kept.has(id)));
  if (firstId && here.has(firstId) && order[0] !== firstId) {
    order.splice(order.indexOf(firstId), 1);
    order.unshift(firstId);
  }
  const at = speakerId ? order.indexOf(speakerId) : -1;
  if (pageSize > 0 && at >= pageSize) {
    let victim = -1;
    for (let i = 0; i < pageSize; i++) {
      if (order[i] === firstId) continue;
      if (victim < 0 || (lastSpoke.get(order[i]!) ?? 0) < (lastSpoke.get(order[victim]!) ?? 0)) victim = i;
    }
    if (victim >= 0) [order[victim], order[at]] = [order[at]!, order[victim]!];
  }
  return order;
}

/** Number of pages for `count` tiles, at least one. */
export function pageCount(count: number, pageSize: number): number {
  return pageSize > 0 ? Math.max(1, Math.ceil(count / pageSize)) : 1;
}

/** The slice of `items` on page `page` (0-based, clamped to the last page). */
export function pageItems<T>(items: readonly T[], page: number, pageSize: number): T[] {
  if (pageSize <= 0) return [...items];
  const last = pageCount(items.length, pageSize) - 1;
  const start = Math.min(Math.max(page, 0), last) * pageSize;
  return items.slice(start, start + pageSize);
}

export interface StageInput {
  /** Everyone present, the local user first. */
  ids: readonly string[];
  localId: string | null;
  pinnedId: string | null;
  screenSharerId: string | null;
  activeSpeakerId: string | null;
  /** Who was on the stage before, so it only changes for a reason. */
  previousId: string | null;
}

/** Who is on the main view, and whether their screen (rather than their camera) is shown. */
export interface Stage {
  userId: string | null;
  screen: boolean;
}

/**
 * The main view: a pinned person first, else a screen being shared, else the active speaker (the
 * local user only when alone), else whoever was there before, else the first remote person.
 */
export function stage(input: StageInput): Stage {
  const { ids, localId, pinnedId, screenSharerId, activeSpeakerId, previousId } = input;
  const present = (id: string | null): id is string => id !== null && ids.includes(id);
  if (present(pinnedId)) return { userId: pinnedId, screen: pinnedId === screenSharerId };
  if (present(screenSharerId)) return { userId: screenSharerId, screen: true };
  if (present(activeSpeakerId) && activeSpeakerId !== localId) return { userId: activeSpeakerId, screen: false };
  if (present(previousId) && (previousId !== localId || ids.length === 1)) return { userId: previousId, screen: false };
  return { userId: ids.find((id) => id !== localId) ?? ids[0] ?? null, screen: false };
}
