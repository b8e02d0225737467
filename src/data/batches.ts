/**
 * Fixed-shape training batches as TF.js tensors. Kept apart from index.ts so that importing
 * the data API (palette, loaders) never loads TF.js; import this module where training starts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkAugmentOptions, type AugmentOptions } from './augment';
import { assembleBatch, batchAugmentRng, epochBatches, type EpochOptions, type RawBatch } from './batch-assembly';
import type { SplitData } from './types';
import { imagesToTensor, type BatchSource } from '../segnet';

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
  return {
    images: imagesToTensor(raw.images, b, raw.height, raw.width), // [B, H, W, 3]
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

/** Options of `epochSource`: the batch size, the seed of the order, and augmentation. */
export interface EpochSourceOptions {
  batchSize: number;
  seed: number;
  augment?: AugmentOptions;
}

/**
 * The one batch-source adapter: a split's seeded epochs (iterateBatches) as trainSteps'
 * BatchSource. `skip` resumes mid-epoch on exactly the batches an uninterrupted run would
 * have seen (every batch has its own augmentation stream). Used by the train CLI, the
 * training studio and (through `endlessBatches`) the decoder comparison.
 */
export function epochSource(split: SplitData, options: EpochSourceOptions): BatchSource {
  const augment = options.augment ?? {};
  checkAugmentOptions(split, augment);
  return (epoch, skip) => iterateBatches(split, { batchSize: options.batchSize, seed: options.seed, epoch, skip, augment });
}

/**
 * The batches of `epochSource`, one epoch after the other, without end (the caller owns each
 * batch's tensors). Throws when an epoch gives no batch at all.
 */
export function* endlessBatches(split: SplitData, options: EpochSourceOptions): Generator<Batch, never, undefined> {
  const source = epochSource(split, options);
  for (let epoch = 0; ; epoch++) {
    let any = false;
    for (const batch of source(epoch, 0) as Iterable<Batch>) {
      any = true;
      yield batch;
    }
    if (!any) throw new Error(`split "${split.name}" gives no batch of ${options.batchSize}`);
  }
}
