/**
 * Charts drawn at the width of their box, so that their text keeps its size on a phone instead
 * of shrinking with a viewBox scaled to the column (12 px text at 640 units is 6 px on a phone).
 */

/** A box's width in CSS pixels, clamped to [min, max]; `max` when the box is not laid out yet. */
export function boxWidth(box: HTMLElement, min: number, max: number): number {
  const width = Math.floor(box.clientWidth);
  return width > 0 ? Math.max(min, Math.min(max, width)) : max;
}

/**
 * Calls `redraw` with the box's clamped width whenever it changes (a rotated phone, a resized
 * window); returns the function that stops watching.
 */
export function watchWidth(box: HTMLElement, min: number, max: number, redraw: (width: number) => void): () => void {
  let drawn = boxWidth(box, min, max);
  const observer = new ResizeObserver(() => {
    const width = boxWidth(box, min, max);
    if (width === drawn) return;
    drawn = width;
    redraw(width);
  });
  observer.observe(box);
  return () => observer.disconnect();
}
