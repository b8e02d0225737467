/**
 * FCN's decoder (FCN-Basic in the SegNet paper): every encoder stage's pooled output is
 * reduced to class scores by a 1x1 convolution; starting from the deepest, scores are
 * upsampled 2x by a learnt transposed convolution and added to the next stage's scores,
 * and a last transposed convolution brings them to full resolution. What it must keep from
 * the encoder is one K-channel float map per stage instead of 2-bit indices.
 * Transposed-conv filters start as bilinear interpolation (as in FCN) and are then learnt;
 * their size is the encoder's kernel (7 for SegNet-Basic, as in the paper's FCN-Basic; a
 * 7-tap kernel at stride 2 overlaps unevenly, which is where checkerboard artefacts come from).
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv, type ConvParams } from '../layers/conv-block';
import { ParameterStore } from '../layers/parameter-store';
import { trainableConv2dTranspose } from '../ops/trainable-conv';
import type { StageOutput } from '../types';
import type { DecodeContext, Decoder, DecoderSpec } from './decoder';
import { layerName, stageLayer } from '../layer-names';

/** A [k, k, C, C] transposed-conv filter that performs bilinear 2x upsampling of each channel. */
export function bilinearUpsamplingFilter(k: number, channels: number): tf.Tensor4D {
  // Linear interpolation at stride 2 spreads each value over +-2 taps around the kernel's
  // centre, whatever the kernel size, so every output cell's weights sum to 1.
  const factor = 2;
  const center = (k - 1) / 2;
  const values = new Float32Array(k * k * channels * channels);
  for (let u = 0; u < k; u++)
    for (let v = 0; v < k; v++) {
      const weight = Math.max(0, 1 - Math.abs(u - center) / factor) * Math.max(0, 1 - Math.abs(v - center) / factor);
      for (let c = 0; c < channels; c++) values[((u * k + v) * channels + c) * channels + c] = weight;
    }
  return tf.tensor4d(values, [k, k, channels, channels]);
}

export class FcnDecoder implements Decoder {
  readonly kind = 'fcn' as const;
  readonly store: ParameterStore;
  private readonly scores: ConvParams[];
  private readonly upsamplers: ConvParams[];

  constructor(spec: DecoderSpec) {
    const { plan, numClasses: k } = spec;
    const kernel = plan.kind === 'basic' ? plan.kernel : 4;
    this.store = new ParameterStore('decoder', spec.seed, spec.allocate);
    this.scores = plan.channels.map((c, s) => this.store.conv(stageLayer(s + 1, 'score'), [1, 1, c, k]));
    this.upsamplers = plan.channels.map((_, s) =>
      this.store.fixedInitConv(stageLayer(s + 1, 'upsample'), [kernel, kernel, k, k], () => bilinearUpsamplingFilter(kernel, k)),
    );
  }

  private upsample(x: tf.Tensor4D, s: number, height: number, width: number): tf.Tensor4D {
    const { filter, bias } = this.upsamplers[s]!;
    const [n, , , k] = x.shape;
    return tf.add(trainableConv2dTranspose(x, filter, [n, height, width, k], 2), bias); // [N, H, W, K]
  }

  decode(stages: StageOutput[], ctx: DecodeContext): tf.Tensor4D {
    const last = stages.length - 1;
    let y = conv(stages[last]!.pooled, this.scores[last]!); // [N, H/2^S, W/2^S, K]
    for (let s = last; s >= 0; s--) {
      const [, h, w] = stages[s]!.features.shape; // the size before stage s pooled
      y = this.upsample(y, s, h, w); // [N, H_s, W_s, K]
      ctx.recorder?.record(layerName('decoder', s + 1, 'upsample'), y);
      if (s > 0) {
        y = tf.add(y, conv(stages[s - 1]!.pooled, this.scores[s - 1]!)); // skip: reduced encoder map
        ctx.recorder?.record(layerName('decoder', s + 1, 'skip'), y);
      }
    }
    return y;
  }
}
