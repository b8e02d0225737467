/**
 * Pixels of the label overlay: the photograph with a label map blended over it, void pixels
 * hatched so they never pass for a class, and each class's share of the frame.
 */
import { CAMVID_NUM_CLASSES, PALETTE, VOID_LABEL } from '../../data';

export { pixelAccuracy } from '../shared/label-stats';

/** Void pixels are drawn as diagonal stripes of these two greys, 2 pixels wide. */
export const VOID_STRIPES: readonly [readonly [number, number, number], readonly [number, number, number]] = [
  [20, 20, 20],
  [235, 235, 235],
];

/** Colour of a label at pixel (x, y): the class colour, or a stripe of the void hatch. */
export function overlayColour(label: number, x: number, y: number): readonly [number, number, number] {
  const c = PALETTE[label];
  if (c) return c;
  return VOID_STRIPES[Math.floor((x + y) / 2) % 2]!;
}

/**
 * RGBA of the frame with `labels` blended over it: out = (1 - a) * photo + a * colour, a = opacity
 * in [0, 1]. `labels` null draws the photograph alone.
 */
export function compositeOverlay(
  image: Uint8Array,
  labels: ArrayLike<number> | null,
  width: number,
  height: number,
  opacity: number,
): Uint8ClampedArray {
  const px = width * height;
  if (image.length !== px * 3) throw new Error(`compositeOverlay: image has ${image.length} bytes, expected ${px * 3}`);
  if (labels && labels.length !== px) throw new Error(`compositeOverlay: labels has ${labels.length} values, expected ${px}`);
  const a = labels ? Math.min(1, Math.max(0, opacity)) : 0;
  const out = new Uint8ClampedArray(px * 4);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const c = labels ? overlayColour(labels[i]!, x, y) : ([0, 0, 0] as const);
      for (let k = 0; k < 3; k++) out[i * 4 + k] = Math.round((1 - a) * image[i * 3 + k]! + a * c[k]!);
      out[i * 4 + 3] = 255;
    }
  }
  return out;
}

/** The photograph alone, as RGBA. */
export function imageToRgba(image: Uint8Array, width: number, height: number): Uint8ClampedArray {
  return compositeOverlay(image, null, width, height, 0);
}

/** Share of the frame's pixels per label, 0..10 then void (index 11), each in [0, 1]. */
export function labelShares(labels: ArrayLike<number>): number[] {
  const counts = new Array<number>(CAMVID_NUM_CLASSES + 1).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    const k = l >= 0 && l < CAMVID_NUM_CLASSES ? l : VOID_LABEL;
    counts[k] = counts[k]! + 1;
  }
  return counts.map((n) => (labels.length > 0 ? n / labels.length : 0));
}
