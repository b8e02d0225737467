/**
 * A SegNet-family model: the shared encoder, one decoder, and the plain-data API the
 * widgets use. `predict` works on tensors; `segment` returns plain arrays.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createDecoder, type Decoder } from '../decoders';
import type { NamedVariable } from '../layers/parameter-store';
import type { Segmentation, StageOutput } from '../types';
import { resolveConfig, type SegNetConfig, type SegNetOptions } from '../config';
import { Encoder } from './encoder';
import { encoderPlan } from '../plan';
import { ActivationRecorder, type Activation } from '../layers/recorder';
import { predictSegmentation } from './predict';

export { disposeActivations } from '../layers/recorder';

export interface ForwardOptions {
  /** Batch-norm on batch statistics (and moving-average updates) instead of moving statistics. */
  training?: boolean;
  /** Keep every intermediate activation and the pooling indices (for widgets). */
  record?: boolean;
}

export interface ForwardResult {
  /** [N, H, W, K] unnormalised class scores. */
  logits: tf.Tensor4D;
  /** Filled when `record` was set; dispose them with `disposeActivations`. */
  activations: Activation[];
}

/** Learnt parameters per part of the network. */
export interface ParameterCount {
  encoder: number;
  decoder: number;
  total: number;
}

export interface BuildOptions {
  /** Sit on this encoder's variables instead of making new ones (decoder comparison). */
  sharedEncoder?: Encoder;
  /** Record parameter shapes without allocating them: for counts and memory reports only. */
  shapesOnly?: boolean;
}

export class SegNetModel {
  readonly config: SegNetConfig;
  readonly encoder: Encoder;
  readonly decoder: Decoder;
  private readonly ownsEncoder: boolean;

  constructor(options: SegNetOptions, build: BuildOptions = {}) {
    this.config = resolveConfig(options);
    const plan = encoderPlan(this.config);
    if (build.sharedEncoder && JSON.stringify(build.sharedEncoder.plan) !== JSON.stringify(plan)) {
      throw new Error(`buildSegNet: sharedEncoder has a different plan than config.encoder '${this.config.encoder}' at width ${this.config.widthMultiplier}`);
    }
    const allocate = !build.shapesOnly;
    this.encoder = build.sharedEncoder ?? new Encoder(plan, this.config.seed, allocate);
    this.ownsEncoder = !build.sharedEncoder;
    const { numClasses, atrousRate, seed } = this.config;
    this.decoder = createDecoder(this.config.decoder, { plan, numClasses, atrousRate, seed: seed + 1, allocate });
  }

  /** images [N, H, W, 3] in [0, 1] -> logits [N, H, W, K] (and recorded activations). */
  forward(images: tf.Tensor4D, options: ForwardOptions = {}): ForwardResult {
    const { training = false, record = false } = options;
    this.checkInput(images);
    const recorder = record ? new ActivationRecorder() : undefined;
    const logits = tf.tidy(() => {
      const x = normalizeInput(images, this.config.encoder);
      const stages: StageOutput[] = this.encoder.run(x, {
        training: training && this.encoder.store.trainable,
        firstUnpooledStage: this.decoder.firstUnpooledStage,
        recorder,
      });
      const [, height, width] = images.shape;
      return this.decoder.decode(stages, { training, height, width, recorder });
    });
    return { logits, activations: recorder?.activations ?? [] };
  }

  /** Inference logits [N, H, W, K]. */
  predict(images: tf.Tensor4D): tf.Tensor4D {
    return this.forward(images).logits;
  }

  /** Plain-data segmentation of each image in the batch: labels and class probabilities. */
  async segment(images: tf.Tensor4D): Promise<Segmentation[]> {
    const logits = this.predict(images);
    try {
      return await predictSegmentation(logits);
    } finally {
      logits.dispose();
    }
  }

  /** Every named variable: encoder first, then decoder. */
  variables(): NamedVariable[] {
    return [...this.encoder.store.list(), ...this.decoder.store.list()];
  }

  /** The variables gradient descent updates now (the encoder's are left out while frozen). */
  trainableVariables(): NamedVariable[] {
    const parts = this.encoder.store.trainable ? this.variables() : this.decoder.store.list();
    return parts.filter((v) => v.role === 'weight');
  }

  /** Freeze (or unfreeze) the encoder: its weights and batch-norm statistics stop changing. */
  freezeEncoder(frozen = true): void {
    this.encoder.store.trainable = !frozen;
  }

  parameterCount(): ParameterCount {
    const encoder = this.encoder.store.count();
    const decoder = this.decoder.store.count();
    return { encoder, decoder, total: encoder + decoder };
  }

  /** Frees the decoder's variables, and the encoder's unless it is shared from another model. */
  dispose(): void {
    this.decoder.store.dispose();
    if (this.ownsEncoder) this.encoder.store.dispose();
  }

  private checkInput(images: tf.Tensor4D): void {
    const { height, width } = this.config;
    if (!this.decoder.store.allocate) throw new Error('SegNetModel.forward: this model was built with shapesOnly and has no weights');
    if (images.rank !== 4 || images.shape[3] !== 3) {
      throw new Error(`SegNetModel.forward: images must be [N, H, W, 3], got [${images.shape.join(', ')}]`);
    }
    if (images.shape[1] !== height || images.shape[2] !== width) {
      throw new Error(`SegNetModel.forward: images are ${images.shape[1]}x${images.shape[2]} but the model was built for ${height}x${width}`);
    }
  }
}

/**
 * The input stage. SegNet-Basic, as in the tutorial's segnet_basic_train.prototxt, applies
 * local response normalisation across channels (local_size 5, alpha 1e-4, beta 0.75) to
 * 0..255 pixel values; the result is brought back to about [0, 1]. VGG16-SegNet maps [0, 1]
 * to [-1, 1]. images [N, H, W, 3] -> [N, H, W, 3]
 */
export function normalizeInput(images: tf.Tensor4D, encoder: SegNetConfig['encoder']): tf.Tensor4D {
  return tf.tidy(() => {
    if (encoder === 'vgg16') return tf.sub(tf.mul(images, 2), 1);
    // Caffe divides alpha by local_size; TF's depthRadius 2 spans 5 channels.
    const lrn = tf.localResponseNormalization(tf.mul(images, 255) as tf.Tensor4D, 2, 1, 1e-4 / 5, 0.75);
    return tf.div(lrn, 255);
  });
}

/** Builds a SegNet-family model; see SegNetConfig for the fields and their defaults. */
export function buildSegNet(config: SegNetOptions, build: BuildOptions = {}): SegNetModel {
  return new SegNetModel(config, build);
}

/** Learnt parameters of a config, counted without allocating any weights. */
export function countParameters(config: SegNetOptions): ParameterCount {
  return new SegNetModel(config, { shapesOnly: true }).parameterCount();
}

