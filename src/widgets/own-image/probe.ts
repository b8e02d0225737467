/** What the reader learns by pointing at the prediction: the class at a pixel and its probability. */
import { CLASS_NAMES } from '../../data';
import type { Segmentation } from '../../segnet/core';
import { pageMessages, type Messages } from '../../i18n';

export interface PixelClass {
  x: number;
  y: number;
  label: number;
  name: string;
  /** Softmax probability of `label` at the pixel, in [0, 1]. */
  probability: number;
}

/** The predicted class at column x, row y, and its probability. */
export function classAt(segmentation: Segmentation, x: number, y: number): PixelClass {
  const { width, height, numClasses } = segmentation;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= width || y >= height) {
    throw new Error(`classAt: pixel (${x}, ${y}) is outside the ${width} x ${height} prediction`);
  }
  const i = y * width + x;
  const label = segmentation.labels[i]!;
  return { x, y, label, name: CLASS_NAMES[label] ?? `class ${label}`, probability: segmentation.probabilities[i * numClasses + label]! };
}

/** The pixel of a width x height grid drawn in `box` under a pointer at (clientX, clientY); null outside. */
export function pointerPixel(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
  width: number,
  height: number,
): { x: number; y: number } | null {
  if (box.width <= 0 || box.height <= 0) return null;
  const x = Math.floor(((clientX - box.left) / box.width) * width);
  const y = Math.floor(((clientY - box.top) / box.height) * height);
  return x >= 0 && y >= 0 && x < width && y < height ? { x, y } : null;
}

/** "Pixel (12, 40): Road, 83% probable.", the class named by the catalogue `m` (the page's language by default). */
export function pixelSentence(c: PixelClass, m: Messages = pageMessages()): string {
  const name = m.classes.names[c.label] ?? m.classes.unknown(c.label);
  return m.ownImage.pixel(c.x, c.y, name, Math.round(c.probability * 100));
}
