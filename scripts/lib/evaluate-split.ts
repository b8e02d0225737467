/**
 * Scores a model on a whole split, in inference mode (batch norm on its moving statistics):
 * G, C, mIoU, per-class scores, BF and the confusion matrix, through src/segnet's
 * SegmentationEvaluator. Shared by the train CLI (validation each epoch) and the eval CLI.
 */
import * as tf from '@tensorflow/tfjs';
import { iterateBatches } from '../../src/data/batches';
import type { SplitData } from '../../src/data/types';
import { predictLabels, SegmentationEvaluator, type SegmentationEvaluation, type SegNetModel } from '../../src/segnet';

/** Evaluates `model` on every image of `split`, `batchSize` images at a time. */
export async function evaluateSplit(
  model: SegNetModel,
  split: SplitData,
  batchSize: number,
  onProgress?: (imagesDone: number, imagesTotal: number) => void,
): Promise<SegmentationEvaluation> {
  const { numClasses, height, width } = model.config;
  if (split.height !== height || split.width !== width) {
    throw new Error(`evaluate: split "${split.name}" is ${split.height}x${split.width} but the model was built for ${height}x${width}`);
  }
  const evaluator = new SegmentationEvaluator({ numClasses, voidLabel: numClasses });
  const px = height * width;
  let done = 0;
  for (const batch of iterateBatches(split, { batchSize: Math.min(batchSize, split.count), seed: 0, shuffle: false, dropLast: false })) {
    const predicted = await predictLabels(model, batch.images); // [B * H * W]
    tf.dispose([batch.images, batch.labels]);
    batch.indices.forEach((n, i) => {
      evaluator.add({ labels: split.labels.subarray(n * px, (n + 1) * px), predictions: predicted.subarray(i * px, (i + 1) * px), height, width });
    });
    done += batch.indices.length;
    onProgress?.(done, split.count);
  }
  return evaluator.result();
}
