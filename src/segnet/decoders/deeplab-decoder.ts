/**
 * DeepLab-LargeFOV: keep resolution instead of recovering it. The encoder's last two stages
 * run without pooling, their convolutions dilated (rate 2 after one skipped pool, as
 * DeepLab does with VGG16's conv5), then fc6 is a 3x3 atrous convolution at a large rate
 * (12 in the paper: a 25x25 field), fc7 and fc8 are 1x1 convolutions, and the class scores
 * are bilinearly upsampled to the input size. fc6/fc7 width is twice the encoder's last
 * width (1024 for VGG16 at width 1, as in DeepLab-LargeFOV).
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv, type ConvParams } from '../layers/conv-block';
import { resizeBilinear } from '../ops/resize-bilinear';
import { ParameterStore } from '../layers/parameter-store';
import type { StageOutput } from '../types';
import type { DecodeContext, Decoder, DecoderSpec } from './decoder';

export class DeepLabDecoder implements Decoder {
  readonly kind = 'deeplab-largefov' as const;
  readonly store: ParameterStore;
  readonly firstUnpooledStage: number;
  private readonly fc6: ConvParams;
  private readonly fc7: ConvParams;
  private readonly fc8: ConvParams;
  private readonly rate: number;

  constructor(spec: DecoderSpec) {
    const { plan, numClasses } = spec;
    const cin = plan.channels[plan.channels.length - 1]!;
    const width = 2 * cin;
    this.rate = spec.atrousRate;
    this.firstUnpooledStage = plan.stages.length - 2;
    this.store = new ParameterStore('decoder', spec.seed, spec.allocate);
    this.fc6 = this.store.conv('fc6', [3, 3, cin, width]);
    this.fc7 = this.store.conv('fc7', [1, 1, width, width]);
    this.fc8 = this.store.conv('fc8', [1, 1, width, numClasses]);
  }

  decode(stages: StageOutput[], ctx: DecodeContext): tf.Tensor4D {
    const x = stages[stages.length - 1]!.pooled; // [N, H/2^(S-2), W/2^(S-2), C]
    const fc6 = tf.relu(conv(x, this.fc6, this.rate));
    ctx.recorder?.record('decoder/fc6', fc6);
    const fc7 = tf.relu(conv(fc6, this.fc7));
    const scores = conv(fc7, this.fc8); // [N, h, w, K]
    ctx.recorder?.record('decoder/scores', scores);
    return resizeBilinear(scores, ctx.height, ctx.width); // [N, H, W, K]
  }
}
