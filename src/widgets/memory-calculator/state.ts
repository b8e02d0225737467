/** State of the memory calculator, and how it is written in the URL. */
import { ENCODER_KINDS as ENCODERS, type EncoderKind as EncoderChoice } from '../../segnet/core';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';

export { ENCODERS, type EncoderChoice };
/** VGG16 channel multipliers on offer (1 = 64..512 channels). */
export const MULTIPLIERS = ['0.125', '0.25', '0.5', '1'] as const;
/** Input sides in pixels: at least 32 (VGG16 pools five times), at most 1024. */
export const SIDE_RANGE = { min: 32, max: 1024 } as const;

export interface MemoryState {
  height: number;
  width: number;
  encoder: EncoderChoice;
  /** Width multiplier of the VGG16 encoder; SegNet-Basic ignores it. */
  multiplier: (typeof MULTIPLIERS)[number];
}

export const memoryCodec: StateCodec<MemoryState> = {
  defaults: { height: 360, width: 480, encoder: 'basic', multiplier: '1' },
  parse: (f) =>
    definedFields<MemoryState>({
      height: intField(f.height, SIDE_RANGE.min, SIDE_RANGE.max),
      width: intField(f.width, SIDE_RANGE.min, SIDE_RANGE.max),
      encoder: choiceField(f.encoder, ENCODERS),
      multiplier: choiceField(f.multiplier, MULTIPLIERS),
    }),
  serialize: (s) => ({ height: String(s.height), width: String(s.width), encoder: s.encoder, multiplier: s.multiplier }),
};

/** The options memoryReport takes for this state. */
export function reportOptions(s: MemoryState) {
  return {
    encoder: s.encoder,
    decoder: 'segnet' as const,
    height: s.height,
    width: s.width,
    widthMultiplier: Number(s.multiplier),
  };
}
