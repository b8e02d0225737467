/**
 * In-memory road-scene data, shared by every loader and the synthetic generator.
 * Pixel layout: row-major, images interleaved RGB (HWC), one uint8 label per pixel.
 */
import type { DatasetManifest } from './manifest';

/** One split decoded into two flat arrays. */
export interface SplitData {
  /** Split name, e.g. "train". */
  name: string;
  /** Number of examples N. */
  count: number;
  height: number;
  width: number;
  /** N*H*W*3 bytes: example n's RGB frame starts at n*H*W*3. */
  images: Uint8Array;
  /** N*H*W bytes: class indices 0..10, or 11 (void). Example n starts at n*H*W. */
  labels: Uint8Array;
}

/** A dataset: its manifest and the splits that were loaded. */
export interface RoadSceneDataset {
  manifest: DatasetManifest;
  splits: Record<string, SplitData>;
}

/** One example (views into a SplitData, or freshly generated arrays). */
export interface Example {
  /** H*W*3 RGB bytes. */
  image: Uint8Array;
  /** H*W label bytes. */
  labels: Uint8Array;
}

/** The canonical split names, in the order datasets list them. */
export const SPLIT_NAMES = ['train', 'val', 'test'] as const;

/** A canonical split name. */
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Example n of a split, as views (no copy). */
export function exampleAt(split: SplitData, n: number): Example {
  if (!Number.isInteger(n) || n < 0 || n >= split.count) {
    throw new Error(`exampleAt: index must be an integer in 0..${split.count - 1} for split "${split.name}", got ${n}`);
  }
  const px = split.height * split.width;
  return {
    image: split.images.subarray(n * px * 3, (n + 1) * px * 3),
    labels: split.labels.subarray(n * px, (n + 1) * px),
  };
}
