/**
 * The shared encoder: stages of conv -> batch norm -> ReLU, each ending in a 2x2 max pool
 * that records its indices. Every decoder sits on the same encoder (and may share its
 * variables); DeepLab-LargeFOV runs the last two stages without pooling and with dilated
 * convolutions instead, on the same weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { maxPoolWithIndices } from '../ops/max-pool-with-indices';
import { batchNorm, conv, convBn, defineConvBn, type ConvBnParams } from '../layers/conv-block';
import { ParameterStore } from '../layers/parameter-store';
import type { ActivationRecorder } from '../layers/recorder';
import { convStepName, layerName, stageLayer } from '../layer-names';
import type { EncoderPlan } from '../plan';
import type { StageOutput } from '../types';

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
      stage.map((c, i) => defineConvBn(this.store, stageLayer(s + 1, `conv${i + 1}`), c.kernel, c.cin, c.cout)),
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
        const name = layerName('encoder', s + 1, `conv${i + 1}`);
        if (recorder) {
          // The same conv -> batch norm -> ReLU as convBn, with each step kept for the widgets.
          const z = conv(x, block.conv, dilation); // [N, H, W, Cout], before batch norm
          const y = batchNorm(z, block.bn, training);
          recorder.record(convStepName(name, 'conv'), z);
          recorder.record(convStepName(name, 'bn'), y);
          x = tf.relu(y);
        } else {
          x = convBn(x, block, training, true, dilation);
        }
        recorder?.record(name, x);
      });
      if (s >= firstUnpooled) {
        outputs.push({ features: x, pooled: x, indices: null });
        return;
      }
      const { pooled, indices } = maxPoolWithIndices(x);
      recorder?.record(layerName('encoder', s + 1, 'pool'), pooled, indices);
      outputs.push({ features: x, pooled, indices });
      x = pooled;
    });
    return outputs;
  }
}
