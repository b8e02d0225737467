/**
 * The shared encoder: stages of conv -> batch norm -> ReLU, each ending in a 2x2 max pool
 * that records its indices. Every decoder sits on the same encoder (and may share its
 * variables); DeepLab-LargeFOV runs the last two stages without pooling and with dilated
 * convolutions instead, on the same weights.
 */
import type * as tf from '@tensorflow/tfjs';
import { maxPoolWithIndices, pooledSize } from '../ops/max-pool-with-indices';
import { convBn, defineConvBn, type ConvBnParams } from '../layers/conv-block';
import { ParameterStore } from '../layers/parameter-store';
import type { SegNetConfig } from './config';
import type { ActivationRecorder } from './recorder';

/** VGG16's conv channels per stage at width 1. */
const VGG16_STAGES = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];

export interface ConvSpec {
  cin: number;
  cout: number;
  kernel: number;
}

/** Shapes of the encoder: what each stage computes, for building, decoders and memory reports. */
export interface EncoderPlan {
  kind: SegNetConfig['encoder'];
  kernel: number;
  stages: ConvSpec[][];
  /** Channels leaving each stage. */
  channels: number[];
}

export function encoderPlan(config: SegNetConfig): EncoderPlan {
  const widths =
    config.encoder === 'basic'
      ? [0, 1, 2, 3].map(() => [config.basicChannels])
      : VGG16_STAGES.map((s) => s.map((c) => Math.max(1, Math.round(c * config.widthMultiplier))));
  const kernel = config.encoder === 'basic' ? 7 : 3;
  let cin = 3;
  const stages = widths.map((stage) =>
    stage.map((cout) => {
      const spec = { cin, cout, kernel };
      cin = cout;
      return spec;
    }),
  );
  return { kind: config.encoder, kernel, stages, channels: widths.map((s) => s[s.length - 1]!) };
}

/** Spatial size [H, W] entering each stage, and the final output size, when every stage pools. */
export function stageSizes(height: number, width: number, stages: number): [number, number][] {
  const sizes: [number, number][] = [[height, width]];
  for (let s = 0; s < stages; s++) {
    const [h, w] = sizes[s]!;
    sizes.push([pooledSize(h), pooledSize(w)]);
  }
  return sizes;
}

/** What one encoder stage produced. */
export interface StageOutput {
  /** [N, H_s, W_s, C_s] after the last ReLU, before pooling. */
  features: tf.Tensor4D;
  /** [N, ceil(H_s/2), ceil(W_s/2), C_s], or `features` when the stage does not pool. */
  pooled: tf.Tensor4D;
  /** Pooling indices, null when the stage does not pool. */
  indices: tf.Tensor4D | null;
}

export interface EncoderRunOptions {
  training: boolean;
  /** Stages from this index on skip pooling and dilate their convs (DeepLab). Default: all pool. */
  firstUnpooledStage?: number;
  recorder?: ActivationRecorder;
}

export class Encoder {
  readonly store: ParameterStore;
  readonly blocks: ConvBnParams[][];

  constructor(readonly plan: EncoderPlan, seed: number, allocate = true) {
    this.store = new ParameterStore('encoder', seed, allocate);
    this.blocks = plan.stages.map((stage, s) =>
      stage.map((c, i) => defineConvBn(this.store, `stage${s + 1}/conv${i + 1}`, c.kernel, c.cin, c.cout)),
    );
  }

  /** images [N, H, W, 3] in [0, 1] -> one StageOutput per stage. */
  run(images: tf.Tensor4D, options: EncoderRunOptions): StageOutput[] {
    const { training, recorder } = options;
    const firstUnpooled = options.firstUnpooledStage ?? this.blocks.length;
    let x = images;
    const outputs: StageOutput[] = [];
    this.blocks.forEach((stage, s) => {
      const dilation = 2 ** Math.max(0, s - firstUnpooled);
      stage.forEach((block, i) => {
        x = convBn(x, block, training, true, dilation);
        recorder?.record(`encoder/stage${s + 1}/conv${i + 1}`, x);
      });
      if (s >= firstUnpooled) {
        outputs.push({ features: x, pooled: x, indices: null });
        return;
      }
      const { pooled, indices } = maxPoolWithIndices(x);
      recorder?.record(`encoder/stage${s + 1}/pool`, pooled, indices);
      outputs.push({ features: x, pooled, indices });
      x = pooled;
    });
    return outputs;
  }
}
