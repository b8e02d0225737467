/** State of the encoder-stage stepper, and how it is written in the URL (`<id>.frame`, `.channel`, `.step`, `.x`, `.y`). */
import { definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES, PAGE_MODEL_CONFIG } from '../model';

/** The steps: input, convolution (before batch norm), batch norm, ReLU, 2 × 2 max pooling. */
export const LAST_STEP = 4;
/** Channels of SegNet-Basic's first stage. */
export const CHANNELS = 64;
/** Side of the patch whose numbers are shown; even, so it holds whole pooling windows. */
export const PATCH = 8;
export const PATCH_MAX = { x: PAGE_MODEL_CONFIG.width! - PATCH, y: PAGE_MODEL_CONFIG.height! - PATCH } as const;

export interface EncoderStageState {
  /** Demo frame, 0-based. */
  frame: number;
  /** Channel followed, 1..64. */
  channel: number;
  /** 0 input, 1 convolution, 2 batch norm, 3 ReLU, 4 pooling. */
  step: number;
  /** Top-left pixel of the patch (even, so pooling windows stay whole). */
  x: number;
  y: number;
}

/** An even coordinate in 0..max, or undefined. */
const even = (value: string | undefined, max: number): number | undefined => {
  const v = intField(value, 0, max);
  return v === undefined ? undefined : v - (v % 2);
};

export const encoderStageCodec: StateCodec<EncoderStageState> = {
  defaults: { frame: 0, channel: 1, step: 0, x: 56, y: 56 },
  parse: (f) =>
    definedFields<EncoderStageState>({
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
      channel: intField(f.channel, 1, CHANNELS),
      step: intField(f.step, 0, LAST_STEP),
      x: even(f.x, PATCH_MAX.x),
      y: even(f.y, PATCH_MAX.y),
    }),
  serialize: (s) => ({ frame: String(s.frame), channel: String(s.channel), step: String(s.step), x: String(s.x), y: String(s.y) }),
};
