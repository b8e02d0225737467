/** State of the transposed-convolution stepper, and how it is written in the URL. */
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';

export const INPUT_KINDS = ['ones', 'ramp'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** The input is always 3 × 3, so there are nine stamps. */
export const INPUT_SIZE = 3;
export const KERNEL_RANGE = { min: 1, max: 5 } as const;
export const STRIDE_RANGE = { min: 1, max: 3 } as const;
export const STAMP_COUNT = INPUT_SIZE * INPUT_SIZE;

export interface TransposedConvState {
  /** Side of the square kernel of ones, 1..5. */
  kernel: number;
  /** Stride of the transposed convolution, 1..3. */
  stride: number;
  /** Input values: all ones (so each output value counts its stamps) or 1..9. */
  input: InputKind;
  /** Input cells stamped so far, 0..9, in reading order. */
  step: number;
}

export const transposedConvCodec: StateCodec<TransposedConvState> = {
  defaults: { kernel: 3, stride: 2, input: 'ones', step: 0 },
  parse: (f) =>
    definedFields<TransposedConvState>({
      kernel: intField(f.kernel, KERNEL_RANGE.min, KERNEL_RANGE.max),
      stride: intField(f.stride, STRIDE_RANGE.min, STRIDE_RANGE.max),
      input: choiceField(f.input, INPUT_KINDS),
      step: intField(f.step, 0, STAMP_COUNT),
    }),
  serialize: (s) => ({ kernel: String(s.kernel), stride: String(s.stride), input: s.input, step: String(s.step) }),
};
