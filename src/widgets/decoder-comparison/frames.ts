/**
 * The comparison's data in plain TS: a split brought to the chosen resolution (area-averaged
 * images, majority-vote labels, as the importer resizes), and the fixed validation frames the
 * scores and previews are computed on.
 */
import { resizeImageArea, resizeLabels, type SplitData } from '../../data';

/** A split at `height` x `width` (the same split when it already is). */
export function resizeSplit(split: SplitData, height: number, width: number): SplitData {
  if (split.height === height && split.width === width) return split;
  const src = split.height * split.width;
  const dst = height * width;
  const images = new Uint8Array(split.count * dst * 3);
  const labels = new Uint8Array(split.count * dst);
  for (let n = 0; n < split.count; n++) {
    const image = split.images.subarray(n * src * 3, (n + 1) * src * 3);
    images.set(resizeImageArea(image, split.height, split.width, height, width), n * dst * 3);
    labels.set(resizeLabels(split.labels.subarray(n * src, (n + 1) * src), split.height, split.width, height, width), n * dst);
  }
  return { name: split.name, count: split.count, height, width, images, labels };
}

/** Some examples of a split, in the given order, as a split of their own. */
export function selectFrames(split: SplitData, indices: readonly number[]): SplitData {
  const px = split.height * split.width;
  const images = new Uint8Array(indices.length * px * 3);
  const labels = new Uint8Array(indices.length * px);
  indices.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 0 || n >= split.count) {
      throw new Error(`selectFrames: frame ${n} is not in split "${split.name}" (0..${split.count - 1})`);
    }
    images.set(split.images.subarray(n * px * 3, (n + 1) * px * 3), i * px * 3);
    labels.set(split.labels.subarray(n * px, (n + 1) * px), i * px);
  });
  return { name: `${split.name}[${indices.join(',')}]`, count: indices.length, height: split.height, width: split.width, images, labels };
}

/** Validation frames scored at each refresh: a small fixed set, so a refresh stays short. */
export const SCORED_FRAMES: readonly number[] = Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
/** Validation frames whose predictions are shown (the chapters' demo frames 1, 3 and 8), all among the scored ones. */
export const PREVIEW_FRAMES: readonly number[] = Object.freeze([1, 3, 8]);

/** Where each preview frame sits among the scored frames; throws naming one that is not scored. */
export function previewPositions(preview: readonly number[] = PREVIEW_FRAMES, scored: readonly number[] = SCORED_FRAMES): number[] {
  return preview.map((n) => {
    const at = scored.indexOf(n);
    if (at < 0) throw new Error(`previewPositions: validation frame ${n} is shown but not among the scored frames (${scored.join(', ')})`);
    return at;
  });
}
