/** State of the translation demo, and how it is written in the URL. */
import { EXAMPLE_SEED_RANGE } from '../shared/examples';
import { definedFields, intField, type StateCodec } from '../shared/url-state';

/** Largest shift in either direction, in input pixels. */
export const MAX_SHIFT = 2;

export interface TranslationState {
  /** Which feature map (the same seeds as the pooling stepper, drawn on a larger canvas). */
  seed: number;
  /** Shift of the input content, in pixels: right (dx) and down (dy), -2..2. */
  dx: number;
  dy: number;
}

export const translationCodec: StateCodec<TranslationState> = {
  defaults: { seed: 1, dx: 1, dy: 0 },
  parse: (f) =>
    definedFields<TranslationState>({
      seed: intField(f.seed, EXAMPLE_SEED_RANGE.min, EXAMPLE_SEED_RANGE.max),
      dx: intField(f.dx, -MAX_SHIFT, MAX_SHIFT),
      dy: intField(f.dy, -MAX_SHIFT, MAX_SHIFT),
    }),
  serialize: (s) => ({ seed: String(s.seed), dx: String(s.dx), dy: String(s.dy) }),
};
