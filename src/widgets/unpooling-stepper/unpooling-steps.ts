/**
 * View-ready data of the unpooling stepper, from the reference ops: the pooled values and
 * indices of the shared example (chapter 4's), the sparse map after placing the first `step`
 * values at their recorded positions (refMaxUnpool), and the dense map a 3 × 3 convolution
 * makes of it (refConv2d, 'same' padding).
 */
import { makeGrid, refConv2d, refMaxUnpool } from '../../segnet/core';
import { gridToRows, rowsToGrid, type ExampleChoice } from '../shared/examples';
import { pooledExample, type PooledExample, type PoolWindow } from '../shared/pooled-example';

/**
 * The densifying filter: a fixed 3 × 3 blur with whole weights (4 at the centre, 2 beside it,
 * 1 on the diagonals), so every output stays a whole number. SegNet learns its decoder
 * filters; a fixed one shows the same filling-in.
 */
export const DENSIFY_KERNEL: readonly (readonly number[])[] = [
  [1, 2, 1],
  [2, 4, 2],
  [1, 2, 1],
];

export interface UnpoolingView {
  example: PooledExample;
  size: number;
  step: number;
  /** Values placed so far (step, capped at the window count). */
  placed: number;
  /** The placement of this step; null at step 0 and at the convolution step. */
  current: PoolWindow | null;
  /** The unpooled map after `placed` values: zeros elsewhere. */
  sparse: number[][];
  /** Whether each cell of the sparse map has been written (a placed maximum). */
  isPlaced: boolean[][];
  /** The convolved map; null until the final step. */
  dense: number[][] | null;
  /** Non-zero cells of the sparse and of the dense map (once both are complete). */
  nonZero: { sparse: number; dense: number | null };
}

export function unpoolingView(choice: ExampleChoice, step: number): UnpoolingView {
  const example = pooledExample(choice);
  const size = choice.size;
  const windows = example.windows.length;
  const placed = Math.min(step, windows);
  const masked = example.pooled.map((row, r) => row.map((v, c) => (r * (size / 2) + c < placed ? v : 0)));
  const sparseGrid = refMaxUnpool(rowsToGrid(masked), rowsToGrid(example.indices), size, size);
  const sparse = gridToRows(sparseGrid);
  const isPlaced = sparse.map((row) => row.map(() => false));
  for (const w of example.windows.slice(0, placed)) isPlaced[w.maxRow]![w.maxCol] = true;
  let dense: number[][] | null = null;
  if (step > windows) {
    const filter = makeGrid([3, 3, 1, 1], DENSIFY_KERNEL.flat());
    dense = gridToRows(refConv2d(sparseGrid, filter, { padding: 'same' }));
  }
  const count = (rows: number[][]) => rows.flat().filter((v) => v !== 0).length;
  return {
    example,
    size,
    step,
    placed,
    current: step >= 1 && step <= windows ? example.windows[step - 1]! : null,
    sparse,
    isPlaced,
    dense,
    nonZero: { sparse: count(sparse), dense: dense ? count(dense) : null },
  };
}

/** A value for a cell: integers as they are, others rounded to one decimal ("2.3"). */
export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : (Math.round(v * 10) / 10).toFixed(1);
}
