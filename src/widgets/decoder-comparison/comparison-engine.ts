/**
 * The TF.js side of the decoder comparison: one SegNet-Basic encoder, frozen, and a decoder
 * per compared kind built on it with buildSegNet's `sharedEncoder`, so every decoder reads the
 * very same encoder variables (DeepLab runs the encoder's last two stages unpooled and dilated,
 * on those same weights: the encoder takes that schedule per call). Each step gives one batch
 * to every decoder; each decoder trains through the engine's own trainStep (Adam, weighted
 * cross-entropy, its NaN guard), which updates only `trainableVariables()`, the decoder's
 * weights once the encoder is frozen. The learning rate is read at every step, so a change
 * applies from the next one with Adam's moments kept. From scratch (`fromScratch`), every
 * decoder has an encoder of its own instead, all starting from the same random weights (one
 * seed) and trained with it: whole networks race, none borrows from another. Loaded late (a
 * dynamic import) with TF.js itself.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  buildSegNet,
  ConfusionMatrix,
  countParameters,
  memoryReport,
  imagesToTensor,
  loadMatchingWeights,
  Optimizer,
  predictLabels,
  segmentationScores,
  trainStep,
  type SegmentationScores,
  type SegNetModel,
  type TrainBatch,
} from '../../segnet';
import { endlessBatches, type Batch } from '../../data/batches';
import type { SplitData } from '../../data';
import type { StepRecord } from './bookkeeping';
import type { ComparedDecoder } from './state';
import { factsAt, type SizeFacts } from './facts';

/** Every decoder's facts at a race's input size (the shell computes the page's data's; the reader's data has its own). */
export function raceFacts(height: number, width: number): SizeFacts {
  return factsAt({ memoryReport, countParameters }, { height, width });
}

export interface ComparisonSetup {
  decoders: readonly ComparedDecoder[];
  height: number;
  width: number;
  learningRate: number;
  /** Per-class loss weights (the data's median-frequency weights); default all 1. */
  classWeights?: readonly number[];
  /** Seed of the decoders' initial weights (and of a random encoder). */
  seed?: number;
  /** SegNet-Basic's channels (64, as the checkpoint has); smaller only in tests. */
  basicChannels?: number;
  /** DeepLab's fc6 rate (12); smaller only in tests of tiny inputs. */
  atrousRate?: number;
  /**
   * True: each decoder gets its own encoder, from the same random initial weights, trained
   * with it (nothing pretrained). False (default): one shared encoder, frozen.
   */
  fromScratch?: boolean;
}

interface Lane {
  decoder: ComparedDecoder;
  model: SegNetModel;
  optimizer: Optimizer;
  /** Steps this decoder's optimizer has applied. */
  steps: number;
}

/** What `evaluate` finds: per decoder, labels [count * H * W] and the scores they get. */
export interface Evaluation {
  predicted: Map<ComparedDecoder, Uint8Array>;
  scores: Map<ComparedDecoder, SegmentationScores>;
}

/** Copies the encoder's variables out of a checkpoint's tensors, by name; throws naming a missing or misshapen one. */
export function applyEncoderWeights(model: SegNetModel, tensors: tf.NamedTensorMap): number {
  try {
    return loadMatchingWeights(model, tensors, { only: 'encoder', strict: true }).copied.length;
  } catch (e) {
    // Only the encoder was asked for: say so.
    throw new Error((e as Error).message.replace(/ in the model$/, ' in the encoder'));
  }
}

export class SharedEncoderComparison {
  readonly lanes: Lane[];
  /** Read at every step: a change applies from the next one. */
  learningRate: number;
  private readonly classWeights: readonly number[] | undefined;

  constructor(readonly setup: ComparisonSetup) {
    if (setup.decoders.length < 1) throw new Error('decoder comparison: no decoder to train');
    const config = {
      encoder: 'basic' as const,
      height: setup.height,
      width: setup.width,
      seed: setup.seed ?? 1,
      basicChannels: setup.basicChannels,
      atrousRate: setup.atrousRate,
    };
    // Built one by one: when one fails (a bad decoder, no memory left), those already built are freed.
    const models: SegNetModel[] = [];
    const share = !setup.fromScratch;
    try {
      for (const decoder of setup.decoders) {
        models.push(models.length === 0 || !share ? buildSegNet({ ...config, decoder }) : buildSegNet({ ...config, decoder }, { sharedEncoder: models[0]!.encoder }));
      }
    } catch (e) {
      for (const m of models.reverse()) m.dispose();
      throw e;
    }
    if (share) for (const m of models) m.freezeEncoder();
    this.learningRate = setup.learningRate;
    this.classWeights = setup.classWeights;
    this.lanes = models.map((model, i) => ({ decoder: setup.decoders[i]!, model, optimizer: new Optimizer({ kind: 'adam' }), steps: 0 }));
  }

  /** The network that owns the shared encoder (the others sit on its variables; from scratch, the first network). */
  get encoderOwner(): SegNetModel {
    return this.lanes[0]!.model;
  }

  /** Applies from the next step on; optimizer state (Adam's moments) and step counts carry over. */
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }

  /**
   * One step: the same batch to every decoder in turn (`between` runs after each, to let the
   * page breathe). Disposes `batch`. A decoder whose loss is not finite reports it (its update
   * was not applied) and goes on from the same weights on the next step.
   */
  async step(batch: TrainBatch, between?: () => Promise<void>): Promise<StepRecord[]> {
    const records: StepRecord[] = [];
    try {
      for (const lane of this.lanes) {
        const started = performance.now();
        const result = await trainStep(lane.model, lane.optimizer, batch, { learningRate: this.learningRate, classWeights: this.classWeights });
        if (result.applied) lane.steps += 1;
        records.push({ decoder: lane.decoder, loss: result.loss, ms: performance.now() - started });
        await between?.();
      }
    } finally {
      tf.dispose([batch.images, batch.labels]);
    }
    return records;
  }

  /** Predicted labels [count * H * W] of every decoder for frames of a split, `chunk` frames per pass. */
  async predict(frames: SplitData, chunk: number, between?: () => Promise<void>): Promise<Map<ComparedDecoder, Uint8Array>> {
    const px = frames.height * frames.width;
    const out = new Map<ComparedDecoder, Uint8Array>();
    for (const lane of this.lanes) out.set(lane.decoder, new Uint8Array(frames.count * px));
    for (let start = 0; start < frames.count; start += chunk) {
      const n = Math.min(chunk, frames.count - start);
      const images = imagesToTensor(frames.images, n, frames.height, frames.width, start); // [n, H, W, 3]
      try {
        for (const lane of this.lanes) {
          out.get(lane.decoder)!.set(await predictLabels(lane.model, images), start * px);
          await between?.();
        }
      } finally {
        images.dispose();
      }
    }
    return out;
  }

  /** Every decoder's predicted labels on frames of a split, and its G, mIoU and per-class IoU there (one pass). */
  async evaluate(frames: SplitData, chunk: number, between?: () => Promise<void>): Promise<Evaluation> {
    const predicted = await this.predict(frames, chunk, between);
    const scores = new Map<ComparedDecoder, SegmentationScores>();
    for (const [decoder, labels] of predicted) {
      const confusion = new ConfusionMatrix({ numClasses: this.encoderOwner.config.numClasses });
      confusion.add(frames.labels, labels);
      scores.set(decoder, segmentationScores(confusion));
    }
    return { predicted, scores };
  }

  /** Frees every variable and optimizer slot (the shared encoder once, with its owner, last). */
  async dispose(): Promise<void> {
    for (const lane of [...this.lanes].reverse()) {
      lane.optimizer.dispose();
      lane.model.dispose();
    }
  }
}

/**
 * The training batches: seeded epochs of the train split (src/data's epochSource, with random
 * flips), one after the other, forever. Every batch has the same shape.
 */
export class BatchStream {
  private readonly batches: Generator<Batch, never, undefined>;

  constructor(split: SplitData, batchSize: number, seed: number) {
    this.batches = endlessBatches(split, { batchSize, seed, augment: { flip: true } });
  }

  /** The next batch (the caller owns its tensors). */
  next(): Batch {
    try {
      return this.batches.next().value;
    } catch (e) {
      throw new Error(`decoder comparison: ${(e as Error).message}`);
    }
  }
}
