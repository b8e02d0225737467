/**
 * View-ready data of the translation demo: an 8 × 8 view onto a larger feature map, the same
 * view with the content shifted by (dx, dy), both max-pooled with the reference op, and which
 * pooled values changed.
 */
import { featureRows } from '../shared/examples';
import { poolRows, type PooledExample } from '../shared/pooled-example';
import { MAX_SHIFT, type TranslationState } from './state';

/** Side of the view the reader sees. */
export const VIEW_SIZE = 8;

export interface ShiftComparison {
  dx: number;
  dy: number;
  original: PooledExample;
  shifted: PooledExample;
  /** Pooled cells whose value differs between the two, at the same position. */
  changed: boolean[][];
  unchanged: number;
  total: number;
  /**
   * For shifts by whole windows (dx, dy even and not both 0): pooled cells that equal the
   * original's cell one window back, among those whose source is in view.
   */
  moved: { matching: number; comparable: number } | null;
}

/** The view of a (VIEW_SIZE + 2·MAX_SHIFT)² canvas with its content moved dx right and dy down. */
export function shiftedView(canvas: number[][], dx: number, dy: number): number[][] {
  return Array.from({ length: VIEW_SIZE }, (_, r) =>
    Array.from({ length: VIEW_SIZE }, (_, c) => canvas[r + MAX_SHIFT - dy]![c + MAX_SHIFT - dx]!),
  );
}

export function shiftComparison(state: TranslationState): ShiftComparison {
  const canvas = featureRows(state.seed, VIEW_SIZE + 2 * MAX_SHIFT);
  const original = poolRows(shiftedView(canvas, 0, 0));
  const shifted = poolRows(shiftedView(canvas, state.dx, state.dy));
  const changed = shifted.pooled.map((row, r) => row.map((v, c) => v !== original.pooled[r]![c]));
  const total = VIEW_SIZE ** 2 / 4;
  const unchanged = total - changed.flat().filter(Boolean).length;
  let moved: ShiftComparison['moved'] = null;
  if (state.dx % 2 === 0 && state.dy % 2 === 0 && (state.dx !== 0 || state.dy !== 0)) {
    let matching = 0;
    let comparable = 0;
    const m = VIEW_SIZE / 2;
    for (let r = 0; r < m; r++)
      for (let c = 0; c < m; c++) {
        const r0 = r - state.dy / 2;
        const c0 = c - state.dx / 2;
        if (r0 < 0 || r0 >= m || c0 < 0 || c0 >= m) continue;
        comparable++;
        if (shifted.pooled[r]![c] === original.pooled[r0]![c0]) matching++;
      }
    moved = { matching, comparable };
  }
  return { dx: state.dx, dy: state.dy, original, shifted, changed, unchanged, total, moved };
}
