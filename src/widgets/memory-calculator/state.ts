/** State of the memory calculator, and how it is written in the URL. */
import { messages, type Messages } from '../../i18n';
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

/**
 * Why a typed height or width is not used, or null when it is: the calculator keeps showing
 * `current` until the field holds a whole number of pixels in SIDE_RANGE.
 */
export function sideProblem(
  field: 'height' | 'width',
  raw: string,
  current: number,
  t: Messages['memoryCalculator']['side'] = messages('en').memoryCalculator.side,
): string | null {
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isInteger(value) && value >= SIDE_RANGE.min && value <= SIDE_RANGE.max) return null;
  const side = t.names[field];
  const why =
    raw.trim() === '' || !Number.isInteger(value)
      ? t.notWhole
      : value < SIDE_RANGE.min
        ? t.tooSmall(side, SIDE_RANGE.min)
        : t.tooLarge(SIDE_RANGE.max);
  return t.problem(raw.trim() === '' ? t.empty(side) : t.value(side, raw.trim()), why, current);
}
