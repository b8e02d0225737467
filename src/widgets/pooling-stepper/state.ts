/** State of the pooling stepper, and how it is written in the URL. */
import { DEFAULT_EXAMPLE, parseExample, serializeExample, type ExampleChoice } from '../shared/examples';
import { intField, type StateCodec } from '../shared/url-state';

export interface PoolingState extends ExampleChoice {
  /** Windows pooled so far, 0..(size / 2)². */
  step: number;
}

/** Number of 2 × 2 windows of a size × size example. */
export function windowCount(size: number): number {
  return (size / 2) ** 2;
}

export const poolingCodec: StateCodec<PoolingState> = {
  defaults: { ...DEFAULT_EXAMPLE, step: 0 },
  parse: (f) => {
    const example = parseExample(f);
    const size = example.size ?? DEFAULT_EXAMPLE.size;
    const step = intField(f.step, 0, windowCount(size));
    return step === undefined ? example : { ...example, step };
  },
  serialize: (s) => ({ ...serializeExample(s), step: String(s.step) }),
};
