/**
 * The bilinear-interpolation baseline of the SegNet paper: upsampling with fixed bilinear
 * weights, nothing learnt about where values go. Each stage doubles the map by bilinear
 * interpolation, then a single-channel (depthwise) k x k convolution + batch norm smooths
 * each feature map on its own, which gives the paper's 0.625 M parameters for the basic
 * encoder. For VGG16 a 1x1 projection + BN + ReLU follows where the channel count halves.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchNorm, conv, defineConvBn, convBn, type BatchNormParams, type ConvBnParams, type ConvParams } from '../layers/conv-block';
import { ParameterStore } from '../layers/parameter-store';
import { resizeBilinear } from '../ops/resize-bilinear';
import { trainableDepthwiseConv2d } from '../ops/trainable-conv';
import type { StageOutput } from '../types';
import type { DecodeContext, Decoder, DecoderSpec } from './decoder';
import { layerName, stageLayer } from '../layer-names';

interface BilinearStage {
  depthwise: ConvParams;
  bn: BatchNormParams;
  projection: ConvBnParams | null;
}

export class BilinearDecoder implements Decoder {
  readonly kind = 'bilinear' as const;
  readonly store: ParameterStore;
  private readonly stages: BilinearStage[];
  private readonly classifier: ConvParams;
  private readonly relu: boolean;

  constructor(spec: DecoderSpec) {
    const { plan, numClasses } = spec;
    const k = plan.kernel;
    this.relu = plan.kind !== 'basic';
    this.store = new ParameterStore('decoder', spec.seed, spec.allocate);
    this.stages = plan.channels.map((c, s) => {
      const next = s === 0 ? c : plan.channels[s - 1]!;
      return {
        depthwise: this.store.conv(stageLayer(s + 1, 'depthwise'), [k, k, c, 1], k * k, c),
        bn: this.store.batchNorm(stageLayer(s + 1, 'bn'), c),
        projection: next === c ? null : defineConvBn(this.store, stageLayer(s + 1, 'project'), 1, c, next),
      };
    });
    const ck = plan.kind === 'basic' ? 1 : 3;
    this.classifier = this.store.conv('classifier', [ck, ck, plan.channels[0]!, numClasses]);
  }

  decode(stages: StageOutput[], ctx: DecodeContext): tf.Tensor4D {
    let x = stages[stages.length - 1]!.pooled;
    for (let s = stages.length - 1; s >= 0; s--) {
      const [, h, w] = stages[s]!.features.shape;
      const stage = this.stages[s]!;
      x = resizeBilinear(x, h, w); // [N, H_s, W_s, C_s]
      ctx.recorder?.record(layerName('decoder', s + 1, 'upsample'), x);
      const dw = tf.add(trainableDepthwiseConv2d(x, stage.depthwise.filter, 'same'), stage.depthwise.bias) as tf.Tensor4D;
      x = batchNorm(dw, stage.bn, ctx.training);
      if (this.relu) x = tf.relu(x);
      if (stage.projection) x = convBn(x, stage.projection, ctx.training, true);
      ctx.recorder?.record(layerName('decoder', s + 1, 'conv'), x);
    }
    return conv(x, this.classifier); // [N, H, W, K]
  }
}
