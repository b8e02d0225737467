/** Random in-memory splits for format and loader tests. */
import { mulberry32, randInt } from '../../../../src/data/rng';
import type { SplitData } from '../../../../src/data/types';

/** A split of `count` random examples (labels 0..11) of height x width. */
export function randomSplit(name: string, count: number, height: number, width: number, seed: number): SplitData {
  const rng = mulberry32(seed);
  const px = height * width;
  const images = Uint8Array.from({ length: count * px * 3 }, () => randInt(rng, 0, 255));
  const labels = Uint8Array.from({ length: count * px }, () => randInt(rng, 0, 11));
  return { name, count, height, width, images, labels };
}
