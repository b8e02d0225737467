/**
 * Training-time augmentation on uint8 arrays, before any tensor exists: horizontal flips,
 * pad-free random crops and small colour jitter. Geometry moves image and labels together,
 * colour touches only the image, so labels stay aligned by construction (and tests can check
 * it pixel by pixel without TF.js).
 */
import type { ImageSize } from './image-size';
import { uniform, type Rng } from './rng';
import type { SplitData } from './types';

/** Which augmentations to apply; all off by default. */
export interface AugmentOptions {
  /** Mirror left-right with probability 1/2 (road scenes are left-right symmetric enough). */
  flip?: boolean;
  /** Cut a window of this size at a random position (no padding, so no invented pixels). */
  crop?: ImageSize;
  /** Largest relative change of brightness, contrast and per-channel gain, e.g. 0.1. */
  colorJitter?: number;
}

/** The output size of augmented examples of a split. */
export function augmentedSize(split: Pick<SplitData, 'height' | 'width' | 'name'>, options: AugmentOptions = {}): ImageSize {
  const crop = options.crop;
  if (!crop) return { height: split.height, width: split.width };
  for (const key of ['height', 'width'] as const) {
    const v = crop[key];
    if (!Number.isInteger(v) || v < 1 || v > split[key]) {
      throw new Error(`augment.crop.${key} must be an integer in 1..${split[key]} for split "${split.name}", got ${v}`);
    }
  }
  return { height: crop.height, width: crop.width };
}

/**
 * Checks augmentation options against a split, with messages naming the bad field.
 * @returns the output size of augmented examples (as `augmentedSize`).
 */
export function checkAugmentOptions(split: Pick<SplitData, 'height' | 'width' | 'name'>, options: AugmentOptions): ImageSize {
  const size = augmentedSize(split, options);
  const j = options.colorJitter ?? 0;
  if (!(j >= 0 && j < 1)) throw new Error(`augment.colorJitter must be in [0, 1), got ${j}`);
  return size;
}

/** Per-channel lookup tables for brightness, contrast and gain (identity without jitter). */
function colorTables(jitter: number, rng: Rng): Uint8Array[] {
  const brightness = jitter > 0 ? 1 + uniform(rng, -jitter, jitter) : 1;
  const contrast = jitter > 0 ? 1 + uniform(rng, -jitter, jitter) : 1;
  return [0, 1, 2].map(() => {
    const gain = jitter > 0 ? 1 + uniform(rng, -jitter / 2, jitter / 2) : 1;
    const lut = new Uint8Array(256);
    for (let v = 0; v < 256; v++) {
      const out = ((v - 127.5) * contrast + 127.5) * brightness * gain;
      lut[v] = out <= 0 ? 0 : out >= 255 ? 255 : Math.round(out);
    }
    return lut;
  });
}

/**
 * Writes example n of `split`, augmented, into slot `slot` of the destination arrays
 * (sized for `augmentedSize`). Draws from `rng` in a fixed order: crop, flip, colour.
 */
export function augmentInto(
  split: SplitData,
  n: number,
  options: AugmentOptions,
  rng: Rng,
  dst: { images: Uint8Array; labels: Uint8Array },
  slot: number,
): void {
  const { height: H, width: W } = split;
  const { height: h, width: w } = checkAugmentOptions(split, options);
  const y0 = options.crop ? Math.floor(rng() * (H - h + 1)) : 0;
  const x0 = options.crop ? Math.floor(rng() * (W - w + 1)) : 0;
  const flip = options.flip === true && rng() < 0.5;
  const [lr, lg, lb] = colorTables(options.colorJitter ?? 0, rng);
  const srcBase = n * H * W;
  const dstBase = slot * h * w;
  for (let r = 0; r < h; r++) {
    const srcRow = srcBase + (y0 + r) * W + x0;
    const dstRow = dstBase + r * w;
    for (let c = 0; c < w; c++) {
      const s = srcRow + (flip ? w - 1 - c : c);
      const d = dstRow + c;
      dst.labels[d] = split.labels[s]!;
      dst.images[d * 3] = lr![split.images[s * 3]!]!;
      dst.images[d * 3 + 1] = lg![split.images[s * 3 + 1]!]!;
      dst.images[d * 3 + 2] = lb![split.images[s * 3 + 2]!]!;
    }
  }
}
