/** View-ready data of the checkerboard demo: the input, both upsampled outputs, and what the caption measures. */
import { rangeIn, roughness, type Square } from './measure';
import { interior, resizeThenConvolve, transposedOnes, type Rows, type Upsampled } from './upsampling';
import { INPUT_SIDE, type CheckerboardState, type InputKind } from './state';

/** Where the taps leave the transposed convolution: the same count everywhere inside, a checkerboard, or holes. */
export type TapPattern = 'even' | 'uneven' | 'gaps';

export interface CheckerboardView {
  state: CheckerboardState;
  input: Rows;
  transposed: Upsampled;
  resized: Upsampled;
  /** The square away from the border on which both are measured. */
  inside: Square;
  /** Taps per pixel of the transposed convolution inside the square. */
  tapRange: { min: number; max: number };
  /** Pixels inside the square that no tap reaches (only when the stride is longer than the kernel). */
  untouched: number;
  pattern: TapPattern;
  /** Mean step between neighbouring output pixels, as a share of the mean value (measure.roughness). */
  roughness: { transposed: number; resized: number };
}

/** The demo input: constant 1, a smooth diagonal ramp from 1 to 2, or a vertical edge from 0 to 1. */
export function demoInput(kind: InputKind, n = INPUT_SIDE): Rows {
  return Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (_, c) => {
      if (kind === 'constant') return 1;
      if (kind === 'edge') return c < n / 2 ? 0 : 1;
      return 1 + (r + c) / (2 * (n - 1));
    }),
  );
}

export function checkerboardView(state: CheckerboardState): CheckerboardView {
  const input = demoInput(state.input);
  const transposed = transposedOnes(input, state.kernel, state.stride);
  const resized = resizeThenConvolve(input, state.kernel, state.stride, state.method);
  const inside = interior(input.length, state.kernel, state.stride);
  const tapRange = rangeIn(transposed.taps, inside);
  let untouched = 0;
  for (let r = inside.start; r <= inside.end; r++) for (let c = inside.start; c <= inside.end; c++) if (transposed.taps[r]![c] === 0) untouched++;
  const pattern: TapPattern = untouched > 0 ? 'gaps' : tapRange.min === tapRange.max ? 'even' : 'uneven';
  return {
    state,
    input,
    transposed,
    resized,
    inside,
    tapRange,
    untouched,
    pattern,
    roughness: { transposed: roughness(transposed.output, inside), resized: roughness(resized.output, inside) },
  };
}
