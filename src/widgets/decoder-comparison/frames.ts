/**
 * The comparison's data in plain TS: the fixed validation frames the scores and previews are
 * computed on (resizing to the chosen resolution is shared: src/data/resize-split.ts).
 */
import type { SplitData } from '../../data';

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

/** The scored frames of a validation split of `count` frames (the reader's data may have fewer than ten). */
export function scoredFrames(count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`scoredFrames: the race needs at least one validation frame, the data has ${count}`);
  return SCORED_FRAMES.filter((n) => n < count);
}

/** The shown frames among `scored` scored frames: the demo frames when all are there, else the first three. */
export function previewFrames(scored: number): number[] {
  return PREVIEW_FRAMES.every((n) => n < scored) ? [...PREVIEW_FRAMES] : SCORED_FRAMES.slice(0, Math.min(3, scored));
}
