/**
 * The TF.js side of the decoder comparison: one SegNet-Basic encoder, frozen, and a decoder
 * per compared kind built on it with buildSegNet's `sharedEncoder`, so every decoder reads the
 * very same encoder variables (DeepLab runs the encoder's last two stages unpooled and dilated,
 * on those same weights: the encoder takes that schedule per call). Each step gives one batch
 * to every decoder; each decoder trains through the engine's own trainSteps (Adam, weighted
 * cross-entropy, its NaN guard), which updates only `trainableVariables()`, the decoder's
 * weights once the encoder is frozen. Loaded late (a dynamic import) with TF.js itself.
 */
import * as tf from '@tensorflow/tfjs';
import {
  buildSegNet,
  ConfusionMatrix,
  NonFiniteLossError,
  Optimizer,
  segmentationScores,
  trainSteps,
  type SegmentationScores,
  type SegNetModel,
  type TrainBatch,
  type TrainProgress,
} from '../../segnet';
import { iterateBatches, type Batch } from '../../data/batches';
import type { SplitData } from '../../data';
import type { StepRecord } from './bookkeeping';
import type { ComparedDecoder } from './state';

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
}

/**
 * One decoder's batch source for trainSteps: the comparison puts a copy of the step's batch
 * in, trainSteps takes it out (and disposes it after its step). Never ends.
 */
class BatchFeed implements AsyncIterable<TrainBatch> {
  pending: TrainBatch | null = null;

  [Symbol.asyncIterator](): AsyncIterator<TrainBatch> {
    return {
      next: async () => {
        const value = this.pending;
        this.pending = null;
        if (!value) throw new Error('decoder comparison: a decoder asked for a batch before one was drawn');
        return { value, done: false };
      },
    };
  }
}

interface Lane {
  decoder: ComparedDecoder;
  model: SegNetModel;
  optimizer: Optimizer;
  feed: BatchFeed;
  run: AsyncGenerator<TrainProgress, void>;
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
  const vars = model.encoder.store.list();
  for (const { name, variable } of vars) {
    const t = tensors[name];
    if (!t) throw new Error(`the checkpoint has no value for '${name}'`);
    if (t.shape.join() !== variable.shape.join()) {
      throw new Error(`'${name}' is [${t.shape.join(', ')}] in the checkpoint but [${variable.shape.join(', ')}] in the encoder`);
    }
  }
  for (const { name, variable } of vars) variable.assign(tensors[name]!);
  return vars.length;
}

export class SharedEncoderComparison {
  readonly lanes: Lane[];
  private learningRate: number;
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
    try {
      for (const decoder of setup.decoders) {
        models.push(models.length === 0 ? buildSegNet({ ...config, decoder }) : buildSegNet({ ...config, decoder }, { sharedEncoder: models[0]!.encoder }));
      }
    } catch (e) {
      for (const m of models.reverse()) m.dispose();
      throw e;
    }
    for (const m of models) m.freezeEncoder();
    this.learningRate = setup.learningRate;
    this.classWeights = setup.classWeights;
    this.lanes = models.map((model, i) => {
      const lane = { decoder: setup.decoders[i]!, model, optimizer: new Optimizer({ kind: 'adam' }), feed: new BatchFeed(), steps: 0 };
      return { ...lane, run: this.startRun(lane) };
    });
  }

  /** The network that owns the shared encoder (the others sit on its variables). */
  get encoderOwner(): SegNetModel {
    return this.lanes[0]!.model;
  }

  /** A trainSteps run for a lane, from the steps it has done, at the current learning rate. */
  private startRun(lane: Omit<Lane, 'decoder' | 'run'>): AsyncGenerator<TrainProgress, void> {
    return trainSteps(lane.model, {
      batches: () => lane.feed,
      schedule: { kind: 'constant', rate: this.learningRate },
      optimizer: lane.optimizer,
      classWeights: this.classWeights,
      metricsEvery: 0,
      start: { step: lane.steps, epoch: 0, batch: 0 },
    });
  }

  /** Applies from the next step on; optimizer state (Adam's moments) carries over. */
  async setLearningRate(rate: number): Promise<void> {
    if (rate === this.learningRate) return;
    this.learningRate = rate;
    for (const lane of this.lanes) {
      await lane.run.return();
      lane.run = this.startRun(lane);
    }
  }

  /**
   * One step: the same batch, copied, to every decoder in turn (`between` runs after each, to
   * let the page breathe). Disposes `batch`. A decoder whose loss is not finite reports it
   * (its update was not applied) and continues from a fresh run on the next step.
   */
  async step(batch: TrainBatch, between?: () => Promise<void>): Promise<StepRecord[]> {
    const records: StepRecord[] = [];
    try {
      for (const lane of this.lanes) {
        lane.feed.pending = { images: batch.images.clone(), labels: batch.labels.clone() };
        const started = performance.now();
        try {
          const next = await lane.run.next();
          if (next.done) throw new Error(`decoder comparison: the ${lane.decoder} training run ended`);
          lane.steps = next.value.step;
          records.push({ decoder: lane.decoder, loss: next.value.loss, ms: next.value.msPerStep });
        } catch (e) {
          // A run that threw is finished: the next step starts a fresh one from the same point.
          lane.run = this.startRun(lane);
          if (!(e instanceof NonFiniteLossError)) throw e;
          records.push({ decoder: lane.decoder, loss: e.loss, ms: performance.now() - started });
        } finally {
          // Only when the run failed before taking its batch.
          if (lane.feed.pending) tf.dispose([lane.feed.pending.images, lane.feed.pending.labels]);
          lane.feed.pending = null;
        }
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
      const images = imagesTensor(frames, start, n);
      try {
        for (const lane of this.lanes) {
          const labels = tf.tidy(() => tf.argMax(lane.model.predict(images), -1));
          const values = await labels.data();
          labels.dispose();
          out.get(lane.decoder)!.set(values, start * px);
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
      await lane.run.return();
      lane.optimizer.dispose();
      lane.model.dispose();
    }
  }
}

/** Frames start..start+n of a split as [n, H, W, 3] float32 in [0, 1]. */
function imagesTensor(frames: SplitData, start: number, n: number): tf.Tensor4D {
  const px = frames.height * frames.width * 3;
  const bytes = frames.images.subarray(start * px, (start + n) * px);
  const values = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) values[i] = bytes[i]! / 255;
  return tf.tensor4d(values, [n, frames.height, frames.width, 3]);
}

/**
 * The training batches: seeded epochs of the train split (src/data's iterateBatches, with
 * random flips), one after the other, forever. Every batch has the same shape.
 */
export class BatchStream {
  private epoch = 0;
  private batches: Generator<Batch, void, undefined>;

  constructor(
    private readonly split: SplitData,
    private readonly batchSize: number,
    private readonly seed: number,
  ) {
    this.batches = this.open();
  }

  private open(): Generator<Batch, void, undefined> {
    return iterateBatches(this.split, { batchSize: this.batchSize, seed: this.seed, epoch: this.epoch, augment: { flip: true } });
  }

  /** The next batch (the caller owns its tensors). */
  next(): Batch {
    let r = this.batches.next();
    if (r.done) {
      this.epoch += 1;
      this.batches = this.open();
      r = this.batches.next();
      if (r.done) throw new Error(`decoder comparison: split "${this.split.name}" gives no batch of ${this.batchSize}`);
    }
    return r.value;
  }
}
