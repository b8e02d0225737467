/**
 * The two ways of doubling (or tripling) a feature map that the checkerboard demo compares, as
 * plain TypeScript on rows of numbers, with a kernel whose weights are all 1:
 *
 * - transposed convolution: input cell (i, j) adds its value to the k × k block of the output
 *   whose top-left corner is (i·s, j·s); where k is not a multiple of s, neighbouring output
 *   pixels receive different numbers of taps (Odena, Dumoulin and Olah, 2016);
 * - resize then convolve: enlarge by s (nearest or bilinear), then a k × k convolution that
 *   reads exactly k² pixels everywhere (the edge pixels are repeated past the border).
 *
 * Both outputs are n·s pixels on a side, so they line up.
 */
import type { ResizeMethod } from './state';

export type Rows = number[][];

/** An output and the number of kernel taps that landed on each of its pixels. */
export interface Upsampled {
  output: Rows;
  taps: Rows;
}

function checkSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1, got ${value}`);
}

function checkInput(input: Rows): number {
  const n = input.length;
  if (n === 0 || input.some((row) => row.length !== n)) {
    throw new RangeError(`input must be a non-empty square grid, got ${n} rows of lengths ${input.map((r) => r.length).join(', ')}`);
  }
  return n;
}

const grid = (side: number, fill = 0): Rows => Array.from({ length: side }, () => new Array<number>(side).fill(fill));

/**
 * Where the n·s output window starts inside the full (n − 1)·s + k transposed output: centred,
 * as a padding of ⌊(k − s) / 2⌋ does (negative when the kernel is shorter than the stride).
 */
export const cropOffset = (kernel: number, stride: number): number => Math.floor((kernel - stride) / 2);

/** Transposed convolution with a k × k kernel of ones and stride s, cropped to n·s × n·s. */
export function transposedOnes(input: Rows, kernel: number, stride: number): Upsampled {
  const n = checkInput(input);
  checkSize('kernel', kernel);
  checkSize('stride', stride);
  const side = n * stride;
  const o = cropOffset(kernel, stride);
  const output = grid(side);
  const taps = grid(side);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let u = 0; u < kernel; u++)
        for (let v = 0; v < kernel; v++) {
          const r = i * stride + u - o;
          const c = j * stride + v - o;
          if (r < 0 || c < 0 || r >= side || c >= side) continue;
          output[r]![c]! += input[i]![j]!;
          taps[r]![c]! += 1;
        }
  return { output, taps };
}

/** Source coordinate of output pixel `r` when an n-pixel axis is scaled by s (pixel centres, as in TF's half-pixel resize). */
const sourceOf = (r: number, stride: number, n: number): number => Math.min(n - 1, Math.max(0, (r + 0.5) / stride - 0.5));

/** Enlarges a square grid by s: nearest-neighbour (each pixel becomes an s × s block) or bilinear. */
export function resize(input: Rows, stride: number, method: ResizeMethod): Rows {
  const n = checkInput(input);
  checkSize('stride', stride);
  const side = n * stride;
  if (method === 'nearest') return Array.from({ length: side }, (_, r) => Array.from({ length: side }, (_, c) => input[Math.floor(r / stride)]![Math.floor(c / stride)]!));
  const axis = (r: number) => {
    const x = sourceOf(r, stride, n);
    const lo = Math.floor(x);
    return { lo, hi: Math.min(n - 1, lo + 1), t: x - lo };
  };
  return Array.from({ length: side }, (_, r) => {
    const a = axis(r);
    return Array.from({ length: side }, (_, c) => {
      const b = axis(c);
      const top = input[a.lo]![b.lo]! * (1 - b.t) + input[a.lo]![b.hi]! * b.t;
      const bottom = input[a.hi]![b.lo]! * (1 - b.t) + input[a.hi]![b.hi]! * b.t;
      return top * (1 - a.t) + bottom * a.t;
    });
  });
}

/** Resize by s, then a k × k convolution of ones ('same' size, edge pixels repeated past the border). */
export function resizeThenConvolve(input: Rows, kernel: number, stride: number, method: ResizeMethod): Upsampled {
  checkSize('kernel', kernel);
  const big = resize(input, stride, method);
  const side = big.length;
  const before = Math.floor((kernel - 1) / 2);
  const clamp = (x: number) => Math.min(side - 1, Math.max(0, x));
  const output = grid(side);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      let sum = 0;
      for (let u = 0; u < kernel; u++) for (let v = 0; v < kernel; v++) sum += big[clamp(r + u - before)]![clamp(c + v - before)]!;
      output[r]![c] = sum;
    }
  return { output, taps: grid(side, kernel * kernel) };
}

/**
 * Output rows (and columns) far enough from the border that every input cell which could tap
 * them exists: [k − 1, (n − 1)·s] in the full transposed output, moved by the crop. Both
 * methods are measured on this same square.
 */
export function interior(n: number, kernel: number, stride: number): { start: number; end: number } {
  const o = cropOffset(kernel, stride);
  return { start: Math.max(0, kernel - 1 - o), end: Math.min(n * stride - 1, (n - 1) * stride - o) };
}
