/**
 * Places a `position: fixed` popup menu beside its trigger and keeps it there while the page scrolls or
 * resizes: the few lines of floating-ui's computePosition/offset/flip/shift/autoUpdate the menus use.
 */
export type MenuPlacement = 'top' | 'bottom-end';

/** Space between trigger and menu, and kept between the menu and the edges of the window. */
const GAP = 8;
const PADDING = 8;

export function placeMenu(trigger: HTMLElement, menu: HTMLElement, placement: MenuPlacement): void {
  // A transformed or contained ancestor moves a fixed box's origin: measure where 0,0 lands.
  Object.assign(menu.style, { left: '0px', top: '0px' });
  const origin = menu.getBoundingClientRect();
  const anchor = trigger.getBoundingClientRect();
  const { clientWidth: width, clientHeight: height } = document.documentElement;
  const above = anchor.top - GAP - origin.height;
  const below = anchor.bottom + GAP;
  const fitsAbove = above >= PADDING;
  const fitsBelow = below + origin.height <= height - PADDING;
  // The preferred side unless only the other one fits (flip).
  const y = placement === 'top' ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above;
  const start = placement === 'top' ? anchor.left + (anchor.width - origin.width) / 2 : anchor.right - origin.width;
  // Shifted along the trigger's side to stay inside the window.
  const x = Math.max(PADDING, Math.min(start, width - PADDING - origin.width));
  Object.assign(menu.style, { left: `${x - origin.left}px`, top: `${y - origin.top}px` });
}

/** Places the menu now and again on scroll, resize and either box resizing; returns the stop. */
export function followTrigger(trigger: HTMLElement, menu: HTMLElement, placement: MenuPlacement): () => void {
  const update = () => placeMenu(trigger, menu, placement);
  const sizes = new ResizeObserver(update);
  sizes.observe(trigger);
  sizes.observe(menu);
  addEventListener('scroll', update, { capture: true, passive: true });
  addEventListener('resize', update);
  update();
  return () => {
    sizes.disconnect();
    removeEventListener('scroll', update, { capture: true });
    removeEventListener('resize', update);
  };
}
