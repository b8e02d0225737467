/**
 * The one weight copier: stored tensors into a model's variables, by name and shape. Used to
 * start from a pretrained checkpoint (the CLI's --init, the studio's "pretrained" start), to
 * put a trained encoder under the decoder comparison, and (strictly) to restore a checkpoint.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { SegNetModel } from './model/segnet-model';
import { matchWeights, type WeightCopyReport, type WeightMatchOptions } from './weight-match';

/**
 * Copies every variable of `model` (those `only` selects) whose name and shape `source` has,
 * and reports what it copied and what it skipped, with why. With `strict`, a variable that
 * cannot be filled throws (naming it) before anything is copied. Optimizer slots in a
 * checkpoint are never copied here (see applyCheckpoint).
 */
export function loadMatchingWeights(model: SegNetModel, source: tf.NamedTensorMap | { tensors: tf.NamedTensorMap }, options: WeightMatchOptions = {}): WeightCopyReport {
  // A loaded checkpoint ({ meta, tensors }) or its tensors by name.
  const tensors = isLoaded(source) ? source.tensors : source;
  const vars = model.variables();
  const report = matchWeights(
    vars.map((v) => ({ name: v.name, shape: v.variable.shape })),
    Object.entries(tensors).map(([name, t]) => ({ name, shape: t.shape })),
    options,
  );
  const byName = new Map(vars.map((v) => [v.name, v.variable]));
  for (const name of report.copied) byName.get(name)!.assign(tensors[name]!);
  return report;
}

function isLoaded(source: object): source is { tensors: tf.NamedTensorMap } {
  const t = (source as { tensors?: unknown }).tensors;
  return typeof t === 'object' && t !== null && !('dtype' in t);
}
