/**
 * Fixed-shape training batches as TF.js tensors. Kept apart from index.ts so that importing
 * the data API (palette, loaders) never loads TF.js; import this module where training starts.
 */
import * as tf from '@tensorflow/tfjs';
import { checkAugmentOptions, type AugmentOptions } from './augment';
import { assembleBatch, batchAugmentRng, epochBatches, type EpochOptions, type RawBatch } from './batch-assembly';
import type { SplitData } from './types';

export { batchesPerEpoch, type EpochOptions } from './batch-assembly';

/** Options of `iterateBatches`. */
export interface BatchOptions extends EpochOptions {
  /** Augmentation (default none). A crop sets the batch's height and width. */
  augment?: AugmentOptions;
}

/** One batch. The caller owns both tensors and must dispose them. */
export interface Batch {
  /** [B, H, W, 3] float32 in [0, 1]. */
  images: tf.Tensor4D;
  /** [B, H, W] int32 class indices (11 = void). */
  labels: tf.Tensor3D;
  /** Indices of the examples in the split, in batch order. */
  indices: number[];
}

/** Tensors of a uint8 batch: images scaled to [0, 1], labels as int32. */
export function batchToTensors(raw: RawBatch): Batch {
  const b = raw.indices.length;
  const pixels = new Float32Array(raw.images.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = raw.images[i]! / 255;
  return {
    images: tf.tensor4d(pixels, [b, raw.height, raw.width, 3], 'float32'), // [B, H, W, 3]
    labels: tf.tensor3d(Int32Array.from(raw.labels), [b, raw.height, raw.width], 'int32'), // [B, H, W]
    indices: raw.indices,
  };
}

/**
 * The batches of one epoch, in a seeded order; each batch's tensors are made only when it is
 * requested. Same split, options and epoch: same batches, augmentation included. With
 * `skip: k` it yields batches k.. of that same epoch (resuming a run mid-epoch).
 */
export function iterateBatches(split: SplitData, options: BatchOptions): Generator<Batch, void, undefined> {
  // Validate now, not at the first next(): a generator body would defer the errors.
  const plan = epochBatches(split, options);
  const augment = options.augment ?? {};
  checkAugmentOptions(split, augment);
  const first = options.skip ?? 0;
  return (function* () {
    for (const [k, indices] of plan.entries()) {
      yield batchToTensors(assembleBatch(split, indices, augment, batchAugmentRng(options, first + k)));
    }
  })();
}
