/**
 * The studio's own data helpers (resizing to the training size is shared: src/data/resize-split.ts).
 */
import type { SplitData } from '../../data';

/** The first `count` examples of a split (validation uses a fixed subset to stay quick). */
export function headOfSplit(split: SplitData, count: number): SplitData {
  const n = Math.min(count, split.count);
  const px = split.height * split.width;
  return { ...split, count: n, images: split.images.subarray(0, n * px * 3), labels: split.labels.subarray(0, n * px) };
}
