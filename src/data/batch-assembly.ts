/**
 * Epoch order and batch assembly in plain TS (no TF.js): which examples go in which batch,
 * and the uint8 arrays of a batch. batches.ts turns these into tensors.
 */
import { augmentInto, augmentedSize, type AugmentOptions } from './augment';
import { deriveSeed, mulberry32, shuffleInPlace, type Rng } from './rng';
import type { SplitData } from './types';

/** How an epoch is cut into batches. */
export interface EpochOptions {
  batchSize: number;
  /** Seed of the shuffling (and of augmentation, in batches.ts). */
  seed: number;
  /** Epoch number: each epoch has its own order, reproducible from (seed, epoch). */
  epoch?: number;
  /** Shuffle examples (default true). */
  shuffle?: boolean;
  /** Drop the last partial batch so every batch has the same shape (default true). */
  dropLast?: boolean;
  /**
   * Batches to leave out at the start of the epoch, e.g. to resume training mid-epoch
   * (default 0). They are neither returned nor assembled; the rest are the same batches as a
   * full epoch's, augmentation included.
   */
  skip?: number;
}

/** Number of batches an epoch yields. */
export function batchesPerEpoch(count: number, batchSize: number, dropLast = true): number {
  return dropLast ? Math.floor(count / batchSize) : Math.ceil(count / batchSize);
}

/** Checks epoch options against a split, with messages naming the bad parameter. */
export function checkEpochOptions(split: SplitData, o: EpochOptions): void {
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${o.batchSize}`);
  if (!Number.isFinite(o.seed)) throw new Error(`seed must be a finite number, got ${o.seed}`);
  const epoch = o.epoch ?? 0;
  if (!Number.isInteger(epoch) || epoch < 0) throw new Error(`epoch must be a non-negative integer, got ${epoch}`);
  if ((o.dropLast ?? true) && o.batchSize > split.count) {
    throw new Error(`batchSize ${o.batchSize} exceeds the ${split.count} examples of split "${split.name}": with dropLast there would be no batch`);
  }
  const n = batchesPerEpoch(split.count, o.batchSize, o.dropLast ?? true);
  const skip = o.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0 || skip > n) throw new Error(`skip must be an integer in 0..${n} (batches per epoch), got ${skip}`);
}

/** The example indices of each batch of an epoch, from batch `skip` on. */
export function epochBatches(split: SplitData, o: EpochOptions): number[][] {
  checkEpochOptions(split, o);
  const order = Array.from({ length: split.count }, (_, i) => i);
  if (o.shuffle ?? true) shuffleInPlace(order, mulberry32(deriveSeed(o.seed, 'shuffle', o.epoch ?? 0)));
  const batches: number[][] = [];
  const n = batchesPerEpoch(split.count, o.batchSize, o.dropLast ?? true);
  for (let b = o.skip ?? 0; b < n; b++) batches.push(order.slice(b * o.batchSize, (b + 1) * o.batchSize));
  return batches;
}

/**
 * The augmentation stream of batch `batch` (counted from the start of the epoch, skipped
 * batches included). Each batch has its own stream, so any batch can be rebuilt on its own.
 */
export function batchAugmentRng(o: Pick<EpochOptions, 'seed' | 'epoch'>, batch: number): Rng {
  return mulberry32(deriveSeed(o.seed, 'augment', o.epoch ?? 0, batch));
}

/** A batch as uint8 arrays. */
export interface RawBatch {
  /** Example indices in the split, in batch order. */
  indices: number[];
  height: number;
  width: number;
  /** B*h*w*3 RGB. */
  images: Uint8Array;
  /** B*h*w labels. */
  labels: Uint8Array;
}

/** Copies (and augments) the given examples into one batch. */
export function assembleBatch(split: SplitData, indices: readonly number[], augment: AugmentOptions, rng: Rng): RawBatch {
  const { height, width } = augmentedSize(split, augment);
  const images = new Uint8Array(indices.length * height * width * 3);
  const labels = new Uint8Array(indices.length * height * width);
  indices.forEach((n, slot) => {
    if (!Number.isInteger(n) || n < 0 || n >= split.count) {
      throw new Error(`assembleBatch: index ${n} is outside split "${split.name}" (0..${split.count - 1})`);
    }
    augmentInto(split, n, augment, rng, { images, labels }, slot);
  });
  return { indices: [...indices], height, width, images, labels };
}
