/**
 * The label painter's round brush (pure): the pixels within a radius of a point, and of every
 * point along a drag's segment, so a fast pointer leaves no gaps.
 */

/** Largest brush radius offered, in label pixels. */
export const MAX_RADIUS = 16;

/**
 * Indices of the pixels (px, py) of a width x height map with (px - x)^2 + (py - y)^2 <= radius^2,
 * in scan order; radius 0 is the pixel itself. Pixels off the map are left out.
 */
export function brushIndices(width: number, height: number, x: number, y: number, radius: number): number[] {
  if (!Number.isInteger(radius) || radius < 0 || radius > MAX_RADIUS) throw new Error(`brush radius must be an integer in 0..${MAX_RADIUS}, got ${radius}`);
  const out: number[] = [];
  for (let py = Math.max(0, y - radius); py <= Math.min(height - 1, y + radius); py++) {
    for (let px = Math.max(0, x - radius); px <= Math.min(width - 1, x + radius); px++) {
      if ((px - x) ** 2 + (py - y) ** 2 <= radius * radius) out.push(py * width + px);
    }
  }
  return out;
}

/** The brush's pixels along the segment from (x0, y0) to (x1, y1), each once, in scan order. */
export function segmentIndices(width: number, height: number, x0: number, y0: number, x1: number, y1: number, radius: number): number[] {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  const all = new Set<number>();
  for (let k = 0; k <= steps; k++) {
    const t = steps === 0 ? 0 : k / steps;
    for (const i of brushIndices(width, height, Math.round(x0 + (x1 - x0) * t), Math.round(y0 + (y1 - y0) * t), radius)) all.add(i);
  }
  return [...all].sort((a, b) => a - b);
}
