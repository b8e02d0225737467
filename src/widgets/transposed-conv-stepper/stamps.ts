/**
 * View-ready data of the transposed-convolution stepper, computed with the plain-TS reference
 * op: each input cell stamps value × kernel onto the output, and the overlap counts say how
 * many stamps land on each output cell.
 */
import { makeGrid, refConv2dTranspose } from '../../segnet/core';
import { gridToRows, rowsToGrid } from '../shared/examples';
import { INPUT_SIZE, STAMP_COUNT, type InputKind, type TransposedConvState } from './state';

/** Where the overlap counts leave the pattern: every cell equal away from the border, a checkerboard, or holes. */
export type OverlapPattern = 'even' | 'uneven' | 'gaps';

export interface Stamp {
  /** Input cell. */
  row: number;
  col: number;
  value: number;
  /** Top-left output cell of the stamp (row·stride, col·stride); the stamp covers kernel × kernel cells. */
  outRow: number;
  outCol: number;
}

export interface StampView {
  input: number[][];
  kernel: number[][];
  stride: number;
  /** Side of the output: (3 - 1) · stride + kernel. */
  outputSize: number;
  /** The output after `step` stamps. */
  output: number[][];
  /** Which output cells some stamp has reached so far. */
  reached: boolean[][];
  /** Stamps landing on each output cell once all nine are done (refConv2dTranspose's overlaps). */
  overlaps: number[][];
  overlapRange: { min: number; max: number };
  pattern: OverlapPattern;
  step: number;
  /** The stamp of this step; null at step 0. */
  current: Stamp | null;
}

export function inputRows(kind: InputKind): number[][] {
  return Array.from({ length: INPUT_SIZE }, (_, r) =>
    Array.from({ length: INPUT_SIZE }, (_, c) => (kind === 'ones' ? 1 : r * INPUT_SIZE + c + 1)),
  );
}

/** Output side of a 'valid' transposed convolution of an n-cell axis. */
export function outputSize(kernel: number, stride: number, n = INPUT_SIZE): number {
  return (n - 1) * stride + kernel;
}

/** 'even' when kernel is a multiple of stride, 'gaps' when the stride is longer than the kernel, else 'uneven'. */
export function overlapPattern(kernel: number, stride: number): OverlapPattern {
  if (kernel % stride === 0) return 'even';
  return kernel < stride ? 'gaps' : 'uneven';
}

/** The k-th stamp (0-based, reading order). */
export function stampAt(k: number, input: number[][], stride: number): Stamp {
  const row = Math.floor(k / INPUT_SIZE);
  const col = k % INPUT_SIZE;
  return { row, col, value: input[row]![col]!, outRow: row * stride, outCol: col * stride };
}

export function stampView(state: TransposedConvState): StampView {
  const { kernel: k, stride, step } = state;
  const input = inputRows(state.input);
  const n = outputSize(k, stride);
  const filter = makeGrid([k, k, 1, 1], new Array<number>(k * k).fill(1));
  // Only the first `step` cells have stamped so far: the rest count as zero.
  const partial = input.map((row, r) => row.map((v, c) => (r * INPUT_SIZE + c < step ? v : 0)));
  const output = gridToRows(refConv2dTranspose(rowsToGrid(partial), filter, n, n, stride, 'valid').output);
  const overlaps = gridToRows(refConv2dTranspose(rowsToGrid(input), filter, n, n, stride, 'valid').overlaps);
  const reached = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let s = 0; s < step; s++) {
    const { outRow, outCol } = stampAt(s, input, stride);
    for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) reached[outRow + u]![outCol + v] = true;
  }
  const counts = overlaps.flat();
  return {
    input,
    kernel: Array.from({ length: k }, () => new Array<number>(k).fill(1)),
    stride,
    outputSize: n,
    output,
    reached,
    overlaps,
    overlapRange: { min: Math.min(...counts), max: Math.max(...counts) },
    pattern: overlapPattern(k, stride),
    step,
    current: step > 0 ? stampAt(step - 1, input, stride) : null,
  };
}

export { STAMP_COUNT };
