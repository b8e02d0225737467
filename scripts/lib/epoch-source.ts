/**
 * The train CLI's batches: src/data's seeded epoch order and augmentation as a trainSteps
 * BatchSource. `skip` resumes mid-epoch on exactly the batches an uninterrupted run would
 * have seen (iterateBatches gives every batch its own augmentation stream).
 */
import { checkAugmentOptions, type AugmentOptions } from '../../src/data';
import { iterateBatches } from '../../src/data/batches';
import type { SplitData } from '../../src/data/types';
import type { BatchSource } from '../../src/segnet';

export interface EpochSourceOptions {
  batchSize: number;
  seed: number;
  augment?: AugmentOptions;
}

/** A BatchSource over `split`: epoch `epoch` of iterateBatches, from batch `skip` on. */
export function epochSource(split: SplitData, options: EpochSourceOptions): BatchSource {
  const augment = options.augment ?? {};
  checkAugmentOptions(split, augment);
  return function* (epoch, skip) {
    for (const { images, labels } of iterateBatches(split, { batchSize: options.batchSize, seed: options.seed, epoch, skip, augment })) {
      yield { images, labels }; // [B, H, W, 3], [B, H, W]
    }
  };
}
