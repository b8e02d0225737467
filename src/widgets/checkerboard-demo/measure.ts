/** Measurements of unevenness that the checkerboard demo's caption states, on a square of a grid. */
import type { Rows } from './upsampling';

/** Rows and columns start..end (inclusive). */
export interface Square {
  start: number;
  end: number;
}

function cells(grid: Rows, box: Square): number[] {
  const out: number[] = [];
  for (let r = box.start; r <= box.end; r++) for (let c = box.start; c <= box.end; c++) out.push(grid[r]![c]!);
  return out;
}

/** Smallest and largest value inside the square. */
export function rangeIn(grid: Rows, box: Square): { min: number; max: number } {
  const values = cells(grid, box);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Mean absolute difference between horizontally and vertically neighbouring pixels inside the
 * square, as a share of the mean absolute value there: 0 for a flat output, large for a
 * checkerboard. 0 when the square holds only zeros.
 */
export function roughness(grid: Rows, box: Square): number {
  let steps = 0;
  let pairs = 0;
  for (let r = box.start; r <= box.end; r++)
    for (let c = box.start; c <= box.end; c++) {
      if (c < box.end) {
        steps += Math.abs(grid[r]![c + 1]! - grid[r]![c]!);
        pairs++;
      }
      if (r < box.end) {
        steps += Math.abs(grid[r + 1]![c]! - grid[r]![c]!);
        pairs++;
      }
    }
  const values = cells(grid, box);
  const mean = values.reduce((a, v) => a + Math.abs(v), 0) / values.length;
  return pairs === 0 || mean === 0 ? 0 : steps / pairs / mean;
}
