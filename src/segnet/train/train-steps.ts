/**
 * Training, as one step (`trainStep`: forward, weighted loss, gradients, an update applied
 * only when the loss is finite) and as a loop over it (`trainSteps`, an async generator: one
 * yielded progress record per step). The caller decides what to do with a record (draw a
 * curve, print a bar, save a checkpoint) and can pause, resume or abort through a
 * TrainingController. The learning rate is read at every step, from a schedule or a function,
 * so changing it never restarts a loop. Shapes stay fixed (the batches decide them), and
 * every tensor of a step is freed before the next one.
 */
import * as tf from '@tensorflow/tfjs-core';
import { weightedCrossEntropy } from '../loss';
import { ConfusionMatrix, segmentationScores, type SegmentationScores } from '../metrics';
import type { SegNetModel } from '../model/segnet-model';
import type { TrainingController } from './controller';
import { Optimizer } from './optimizer';
import { learningRateAt, validateSchedule, type LearningRateSchedule } from './schedule';

export interface TrainBatch {
  /** [B, H, W, 3] float32 in [0, 1] */
  images: tf.Tensor4D;
  /** [B, H, W] int32; values >= numClasses are void */
  labels: tf.Tensor3D;
}

/**
 * The batches of one epoch, starting after `skip` batches (for resuming mid-epoch with the
 * same data order). trainSteps disposes each batch after its step.
 */
export type BatchSource = (epoch: number, skip: number) => Iterable<TrainBatch> | AsyncIterable<TrainBatch>;

/**
 * The learning rate at a step (steps done so far): a schedule, or a function read before
 * every step (a setter behind it changes the rate from the next step on).
 */
export type LearningRate = LearningRateSchedule | ((step: number) => number);

export interface TrainOptions {
  batches: BatchSource;
  schedule: LearningRate;
  /** Defaults to SGD with momentum 0.9; pass one to keep or restore its state. */
  optimizer?: Optimizer;
  /** Per-class loss weights (e.g. TUTORIAL_CLASS_WEIGHTS); default all 1. */
  classWeights?: readonly number[] | null;
  /** Stop after this many epochs (counted from 0) or steps, whichever comes first. */
  epochs?: number;
  maxSteps?: number;
  /** Resume point: steps done so far, and the epoch and batch they reached. */
  start?: { step: number; epoch: number; batch: number };
  controller?: TrainingController;
  /** Score the training batch's predictions every this many steps (0: never). Default 1. */
  metricsEvery?: number;
}

export interface TrainProgress {
  /** Steps completed, this one included. */
  step: number;
  epoch: number;
  /** Batches completed in this epoch, this one included. */
  batch: number;
  loss: number;
  learningRate: number;
  /** This step's wall time and the images per second it implies (moving average). */
  msPerStep: number;
  imagesPerSecond: number;
  /** Scores of this batch's predictions, when measured on this step. */
  metrics: SegmentationScores | null;
}

/**
 * Thrown when the loss is NaN or infinite. The model is left exactly as before that step:
 * the update is not applied and batch-norm moving statistics are restored.
 */
export class NonFiniteLossError extends Error {
  constructor(readonly step: number, readonly loss: number) {
    super(`trainSteps: the loss became ${loss} at step ${step}; the update was not applied (lower the learning rate or check the data)`);
  }
}

/** Checks that a batch has the shape of the first one: shapes stay fixed for the whole run. */
function checkShape(data: TrainBatch, first: number[] | null): number[] {
  const shape = data.images.shape;
  if (first && shape.join() !== first.join()) {
    throw new Error(`trainSteps: batch images are [${shape.join(', ')}] but the run started with [${first.join(', ')}]; keep batch shapes fixed (drop the last partial batch)`);
  }
  return first ?? shape;
}

export async function* trainSteps(model: SegNetModel, options: TrainOptions): AsyncGenerator<TrainProgress, void> {
  if (typeof options.schedule !== 'function') validateSchedule(options.schedule);
  const optimizer = options.optimizer ?? new Optimizer();
  try {
    yield* runEpochs(model, optimizer, options);
  } finally {
    // An optimizer made here holds slot variables nobody else can free.
    if (!options.optimizer) optimizer.dispose();
  }
}

async function* runEpochs(model: SegNetModel, optimizer: Optimizer, options: TrainOptions): AsyncGenerator<TrainProgress, void> {
  const { epochs = Infinity, maxSteps = Infinity, metricsEvery = 1, controller } = options;
  let { step, epoch, batch: skip } = options.start ?? { step: 0, epoch: 0, batch: 0 };
  let rate = 0;
  let shape: number[] | null = null;
  for (; epoch < epochs && step < maxSteps; epoch++, skip = 0) {
    let batch = skip;
    for await (const data of options.batches(epoch, skip)) {
      if ((await controller?.waitWhilePaused()) === 'aborted' || step >= maxSteps) {
        tf.dispose([data.images, data.labels]);
        return;
      }
      const started = performance.now();
      const lr = rateAt(options.schedule, step);
      const scoreThis = metricsEvery > 0 && (step + 1) % metricsEvery === 0;
      let result: StepResult;
      try {
        shape = checkShape(data, shape);
        result = await trainStep(model, optimizer, data, { learningRate: lr, classWeights: options.classWeights, score: scoreThis });
      } finally {
        tf.dispose([data.images, data.labels]);
      }
      if (!result.applied) throw new NonFiniteLossError(step + 1, result.loss);
      step += 1;
      batch += 1;
      const ms = performance.now() - started;
      const ips = (data.images.shape[0] * 1000) / ms;
      rate = rate === 0 ? ips : 0.8 * rate + 0.2 * ips;
      yield { step, epoch, batch, loss: result.loss, learningRate: lr, msPerStep: ms, imagesPerSecond: rate, metrics: result.metrics };
    }
    // An epoch without batches would spin forever without yielding to the page.
    if (batch === skip && skip === 0) throw new Error(`trainSteps: the batch source gave no batch for epoch ${epoch}`);
  }
}

function rateAt(rate: LearningRate, step: number): number {
  if (typeof rate !== 'function') return learningRateAt(rate, step);
  const value = rate(step);
  if (!Number.isFinite(value) || value < 0) throw new Error(`trainSteps: the learning rate at step ${step} is ${value}; it must be a finite number >= 0`);
  return value;
}

export interface StepOptions {
  learningRate: number;
  /** Per-class loss weights; default all 1. */
  classWeights?: readonly number[] | null;
  /** Score the batch's predictions (argmax of the training forward pass). */
  score?: boolean;
}

export interface StepResult {
  loss: number;
  /** False when the loss was not finite: no update, batch-norm statistics restored. */
  applied: boolean;
  metrics: SegmentationScores | null;
}

/**
 * One training step on one batch (the caller keeps and disposes the batch): forward, loss,
 * gradients; the update is applied only when the loss is finite, else the model is left
 * exactly as it was. Updates only `model.trainableVariables()`.
 */
export async function trainStep(model: SegNetModel, optimizer: Optimizer, data: TrainBatch, options: StepOptions): Promise<StepResult> {
  const { learningRate, classWeights, score = false } = options;
  const params = model.trainableVariables();
  // Batch norm updates its moving statistics during the forward pass; keep them to restore
  // if the loss turns out not to be finite.
  const state = model.variables().filter((v) => v.role === 'state');
  const saved = state.map((v) => v.variable.clone());
  let predictions: tf.Tensor | null = null;
  const { value, grads } = tf.variableGrads(() => {
    const { logits } = model.forward(data.images, { training: true });
    if (score) predictions = tf.keep(tf.cast(tf.argMax(logits, -1), 'int32'));
    return weightedCrossEntropy(logits, data.labels, classWeights ?? undefined);
  }, params.map((p) => p.variable));
  const loss = (await value.data())[0]!;
  const applied = Number.isFinite(loss);
  if (applied) {
    const byName = new Map(params.map((p) => [p.name, grads[p.variable.name]!] as [string, tf.Tensor]));
    optimizer.apply(params, byName, learningRate);
  } else {
    state.forEach((v, i) => v.variable.assign(saved[i]!));
  }
  tf.dispose([value, ...Object.values(grads), ...saved]);
  let metrics: SegmentationScores | null = null;
  if (predictions) {
    const pred = predictions as tf.Tensor;
    const confusion = new ConfusionMatrix({ numClasses: model.config.numClasses });
    const [labels, predicted] = await Promise.all([data.labels.data(), pred.data()]);
    pred.dispose();
    confusion.add(labels, predicted);
    metrics = segmentationScores(confusion);
  }
  return { loss, applied, metrics };
}
