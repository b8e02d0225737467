/**
 * An example pooled with the reference 2 × 2 / stride 2 max pool: the pooled values, the
 * indices (2·dy + dx of each window's first maximum) and each window spelled out, in reading
 * order. Chapter 4 records these indices; chapter 5 puts values back with the same ones.
 */
import { refMaxPool2x2 } from '../../segnet/core';
import { featureRows, gridToRows, rowsToGrid, type ExampleChoice } from './examples';

/** Where in its window an index points, by index 0..3. */
export const WINDOW_POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

/** The index as the two bits the paper stores: row bit then column bit ("00", "01", "10", "11"). */
export function indexBits(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 3) throw new Error(`indexBits: index must be 0..3, got ${index}`);
  return `${index >> 1}${index & 1}`;
}

export interface PoolWindow {
  /** Position in the pooled map. */
  row: number;
  col: number;
  /** The window's four input values in window order (top-left, top-right, bottom-left, bottom-right). */
  values: [number, number, number, number];
  max: number;
  /** 0..3: where the first maximum sits. */
  index: number;
  /** Input cell of the maximum. */
  maxRow: number;
  maxCol: number;
  /** How many of the four values equal the maximum (more than 1: a tie, resolved by window order). */
  maxCount: number;
}

export interface PooledExample {
  input: number[][];
  pooled: number[][];
  indices: number[][];
  windows: PoolWindow[];
}

/** Pools rows of numbers (even height and width) with the reference op. */
export function poolRows(input: number[][]): PooledExample {
  const grid = rowsToGrid(input);
  const { pooled, indices } = refMaxPool2x2(grid);
  const pooledRows = gridToRows(pooled);
  const indexRows = gridToRows(indices);
  const windows: PoolWindow[] = [];
  pooledRows.forEach((row, r) =>
    row.forEach((max, c) => {
      const index = indexRows[r]![c]!;
      const values = [0, 1, 2, 3].map((k) => input[2 * r + (k >> 1)]![2 * c + (k & 1)]!) as PoolWindow['values'];
      windows.push({
        row: r,
        col: c,
        values,
        max,
        index,
        maxRow: 2 * r + (index >> 1),
        maxCol: 2 * c + (index & 1),
        maxCount: values.filter((v) => v === max).length,
      });
    }),
  );
  return { input, pooled: pooledRows, indices: indexRows, windows };
}

/** The shared example, pooled. */
export function pooledExample(choice: ExampleChoice): PooledExample {
  return poolRows(featureRows(choice.seed, choice.size));
}
