/** State of the atrous explorer, and how it is written in the URL. */
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';

export const RATE_RANGE = { min: 1, max: 6 } as const;
export const KERNEL_SIZES = ['3', '5'] as const;

export interface AtrousState {
  /** Dilation rate of the single kernel drawn on the input, 1..6. */
  rate: number;
  /** Kernel side, 3 or 5 (for the single kernel and the stack). */
  kernel: 3 | 5;
  /** Rates of the three stacked layers, 1..6 each. */
  r1: number;
  r2: number;
  r3: number;
}

const rate = (v: string | undefined) => intField(v, RATE_RANGE.min, RATE_RANGE.max);

export const atrousCodec: StateCodec<AtrousState> = {
  defaults: { rate: 2, kernel: 3, r1: 1, r2: 2, r3: 4 },
  parse: (f) => {
    const kernel = choiceField(f.kernel, KERNEL_SIZES);
    return definedFields<AtrousState>({
      rate: rate(f.rate),
      kernel: kernel === undefined ? undefined : (Number(kernel) as 3 | 5),
      r1: rate(f.r1),
      r2: rate(f.r2),
      r3: rate(f.r3),
    });
  },
  serialize: (s) => ({ rate: String(s.rate), kernel: String(s.kernel), r1: String(s.r1), r2: String(s.r2), r3: String(s.r3) }),
};

/** The stack's rates in layer order. */
export const stackRates = (s: AtrousState): number[] => [s.r1, s.r2, s.r3];
