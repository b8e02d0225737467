/** State of the checkerboard demo, and how it is written in the URL (`<id>.kernel`, `<id>.stride`, `<id>.input`, `<id>.method`). */
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';

/** Constant (every pixel 1), smooth (a gentle diagonal ramp) or an edge (0 on the left half, 1 on the right). */
export const INPUT_KINDS = ['constant', 'smooth', 'edge'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** How the resize-then-convolve path enlarges the input before its k × k convolution. */
export const RESIZE_METHODS = ['nearest', 'bilinear'] as const;
export type ResizeMethod = (typeof RESIZE_METHODS)[number];

export const KERNEL_RANGE = { min: 1, max: 6 } as const;
export const STRIDE_RANGE = { min: 1, max: 3 } as const;
/** Side of the demo input: small enough that a stride-3 output (18 × 18) fits a phone. */
export const INPUT_SIDE = 6;

export interface CheckerboardState {
  /** Side of the square kernel of ones, 1..6. */
  kernel: number;
  /** Upsampling factor: the transposed convolution's stride, the resize's scale, 1..3. */
  stride: number;
  input: InputKind;
  method: ResizeMethod;
}

export const checkerboardCodec: StateCodec<CheckerboardState> = {
  defaults: { kernel: 3, stride: 2, input: 'constant', method: 'nearest' },
  parse: (f) =>
    definedFields<CheckerboardState>({
      kernel: intField(f.kernel, KERNEL_RANGE.min, KERNEL_RANGE.max),
      stride: intField(f.stride, STRIDE_RANGE.min, STRIDE_RANGE.max),
      input: choiceField(f.input, INPUT_KINDS),
      method: choiceField(f.method, RESIZE_METHODS),
    }),
  serialize: (s) => ({ kernel: String(s.kernel), stride: String(s.stride), input: s.input, method: s.method }),
};
