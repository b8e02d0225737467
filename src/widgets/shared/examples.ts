/**
 * The example feature maps that chapters 4 and 5 share: the pooling stepper records indices on
 * one of these grids and the unpooling stepper puts the pooled values back with those same
 * indices, so a reader who picks seed 12 in one chapter sees the same numbers in the other.
 */
import { mulberry32 } from '../../data';
import { makeGrid, type Grid } from '../../segnet/core';
import { intField } from './url-state';

/** Side lengths a reader can choose; both are even, so every 2x2 window is complete. */
export const EXAMPLE_SIZES = [6, 8] as const;
export type ExampleSize = (typeof EXAMPLE_SIZES)[number];

/** Seeds a reader can choose. */
export const EXAMPLE_SEED_RANGE = { min: 1, max: 99 } as const;

/** Which example: a seed and a side length. */
export interface ExampleChoice {
  seed: number;
  size: ExampleSize;
}

/** The example every pooling widget starts on (seed 5 has tied windows and an all-zero one, which the caption explains). */
export const DEFAULT_EXAMPLE: ExampleChoice = { seed: 5, size: 8 };

/**
 * A feature map as it leaves a ReLU: integers 0..9, about a third of them zero, as rows.
 * Values are floor(14u) - 4 clipped at 0 for uniform u from the project's seeded generator.
 */
export function featureRows(seed: number, rows: number, cols = rows): number[][] {
  const rnd = mulberry32(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.max(0, Math.floor(rnd() * 14) - 4)));
}

/** The example as a [1, size, size, 1] grid, the form the reference ops take. */
export function exampleGrid({ seed, size }: ExampleChoice): Grid {
  return rowsToGrid(featureRows(seed, size));
}

/** Rows of numbers as a [1, H, W, 1] grid. */
export function rowsToGrid(rows: readonly (readonly number[])[]): Grid {
  const h = rows.length;
  const w = rows[0]?.length ?? 0;
  return makeGrid([1, h, w, 1], rows.flat());
}

/** The single channel of a [1, H, W, 1] grid as rows. */
export function gridToRows(grid: Grid): number[][] {
  const [, h, w, c] = grid.shape;
  if (c !== 1) throw new Error(`gridToRows: expected one channel, got ${c}`);
  return Array.from({ length: h }, (_, y) => Array.from(grid.data.subarray(y * w, (y + 1) * w)));
}

/** The example's URL fields (`seed`, `size`), for the codecs of the widgets that share it. */
export function parseExample(fields: Record<string, string>): Partial<ExampleChoice> {
  const out: Partial<ExampleChoice> = {};
  const seed = intField(fields.seed, EXAMPLE_SEED_RANGE.min, EXAMPLE_SEED_RANGE.max);
  const size = EXAMPLE_SIZES.find((s) => String(s) === fields.size);
  if (seed !== undefined) out.seed = seed;
  if (size !== undefined) out.size = size;
  return out;
}

export function serializeExample(choice: ExampleChoice): Record<string, string> {
  return { seed: String(choice.seed), size: String(choice.size) };
}
