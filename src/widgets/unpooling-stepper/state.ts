/** State of the unpooling stepper, and how it is written in the URL. */
import { DEFAULT_EXAMPLE, parseExample, serializeExample, type ExampleChoice } from '../shared/examples';
import { intField, type StateCodec } from '../shared/url-state';

export interface UnpoolingState extends ExampleChoice {
  /** 0..W places that many pooled values (W = (size / 2)²); W + 1 applies the 3 × 3 convolution. */
  step: number;
}

/** The final step (the convolution) of a size × size example. */
export function lastStep(size: number): number {
  return (size / 2) ** 2 + 1;
}

export const unpoolingCodec: StateCodec<UnpoolingState> = {
  defaults: { ...DEFAULT_EXAMPLE, step: 0 },
  parse: (f) => {
    const example = parseExample(f);
    const step = intField(f.step, 0, lastStep(example.size ?? DEFAULT_EXAMPLE.size));
    return step === undefined ? example : { ...example, step };
  },
  serialize: (s) => ({ ...serializeExample(s), step: String(s.step) }),
};
