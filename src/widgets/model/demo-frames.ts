/**
 * The few road frames every model-backed widget shows: validation frames of the embedded
 * synthetic dataset (never seen in training), loaded once per page without TF.js.
 */
import { loadDataset, type SplitData } from '../../data';
import { DEFAULT_DATASET } from '../../segnet/core';

/** The dataset the page's model runs on, at the size it was built for. */
export const DEMO_DATASET = DEFAULT_DATASET;

/**
 * Validation frames offered to the reader, chosen for variety: cars, pedestrians and a
 * cyclist, trees and pavement, fences and signs, and some unlabelled (void) pixels.
 */
export const DEMO_FRAME_INDICES: readonly number[] = Object.freeze([1, 3, 8, 13]);

/** One frame: row-major RGB bytes and labels (0..10, 11 = void). */
export interface DemoFrame {
  /** Position among the demo frames, 0-based (what widgets keep in their state). */
  index: number;
  /** Index in the validation split. */
  splitIndex: number;
  /** H*W*3 RGB bytes. */
  image: Uint8Array;
  /** H*W labels. */
  labels: Uint8Array;
}

export interface DemoFrames {
  height: number;
  width: number;
  frames: DemoFrame[];
}

/** The demo frames of a loaded split, as copies (so the split itself can be dropped). */
export function pickDemoFrames(split: SplitData, indices: readonly number[] = DEMO_FRAME_INDICES): DemoFrames {
  const { height, width } = split;
  const px = height * width;
  const frames = indices.map((splitIndex, index) => {
    if (!Number.isInteger(splitIndex) || splitIndex < 0 || splitIndex >= split.count) {
      throw new Error(`pickDemoFrames: frame ${splitIndex} is not in split "${split.name}" (0..${split.count - 1})`);
    }
    return {
      index,
      splitIndex,
      image: split.images.slice(splitIndex * px * 3, (splitIndex + 1) * px * 3),
      labels: split.labels.slice(splitIndex * px, (splitIndex + 1) * px),
    };
  });
  return { height, width, frames };
}

const cache = new Map<string, Promise<DemoFrames>>();

/**
 * The demo frames of the dataset at `dataUrl` (a folder URL such as `/data/synthetic-96x128/`).
 * Loaded once per page and shared by every widget; a failed load is retried on the next call.
 */
export function loadDemoFrames(dataUrl: string): Promise<DemoFrames> {
  let frames = cache.get(dataUrl);
  if (!frames) {
    frames = loadDataset(dataUrl, { splits: ['val'] }).then((dataset) => pickDemoFrames(dataset.splits.val!));
    frames.catch(() => cache.delete(dataUrl));
    cache.set(dataUrl, frames);
  }
  return frames;
}
