/**
 * A plain-TypeScript NHWC array: the data type of the reference implementations, which the
 * tests compare the TF.js ops against and the first chapters' widgets draw from directly.
 */
export interface Grid {
  /** [N, H, W, C] */
  shape: [number, number, number, number];
  /** Row-major values, channel fastest. */
  data: Float64Array;
}

export function makeGrid(shape: [number, number, number, number], data?: ArrayLike<number>): Grid {
  const size = shape[0] * shape[1] * shape[2] * shape[3];
  if (data && data.length !== size) {
    throw new Error(`makeGrid: shape [${shape.join(', ')}] holds ${size} values, got ${data.length}`);
  }
  return { shape: [...shape], data: data ? Float64Array.from(data) : new Float64Array(size) };
}

/** Flat offset of [n, y, x, c] in a grid of this shape. */
export function offset(shape: readonly number[], n: number, y: number, x: number, c: number): number {
  return ((n * shape[1]! + y) * shape[2]! + x) * shape[3]! + c;
}
