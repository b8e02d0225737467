/**
 * Bringing a loaded split to the size a widget trains at. Halving the resolution makes a step
 * about four times cheaper; images are area-averaged (no aliasing) and labels take the
 * majority class of the same source region (as the importer resizes), so no class is ever
 * invented between two others. Shared by the training studio, the decoder comparison and the train CLI.
 */
import { resizeImageArea } from './resize-image';
import { resizeLabels } from './resize-labels';
import type { SplitData } from './types';

/** The split at `height` x `width` (the same object when it already has that size). */
export function resizeSplit(split: SplitData, height: number, width: number): SplitData {
  if (split.height === height && split.width === width) return split;
  const srcPx = split.height * split.width;
  const px = height * width;
  const images = new Uint8Array(split.count * px * 3);
  const labels = new Uint8Array(split.count * px);
  for (let n = 0; n < split.count; n++) {
    const image = split.images.subarray(n * srcPx * 3, (n + 1) * srcPx * 3);
    const label = split.labels.subarray(n * srcPx, (n + 1) * srcPx);
    images.set(resizeImageArea(image, split.height, split.width, height, width), n * px * 3);
    labels.set(resizeLabels(label, split.height, split.width, height, width), n * px);
  }
  return { name: split.name, count: split.count, height, width, images, labels };
}
