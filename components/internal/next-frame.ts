/**
 * Resolves before the next paint: in an animation frame while the page is shown, else (a hidden tab,
 * an off-screen frame whose animation frames the browser holds back) after `fallbackMs` at most.
 * For elements that batch bursts of engine events into one update a frame.
 */
export function nextFrame(fallbackMs = 50): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0);
      return;
    }
    const timer = setTimeout(() => {
      cancelAnimationFrame(frame);
      resolve();
    }, fallbackMs);
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
