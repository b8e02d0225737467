/**
 * The decoders that upsample with the encoder's pooling indices: for each encoder stage,
 * deepest first, unpool with that stage's stored indices (a sparse map at twice the size),
 * then layers that densify it.
 *
 * - SegNet: ordinary convolutions. SegNet-Basic: one 7x7 conv + batch norm per stage and no
 *   ReLU (as in the tutorial prototxt), then a 1x1 classifier. VGG16-SegNet: the encoder
 *   mirrored, conv + BN + ReLU, and a 3x3 classifier.
 * - DeconvNet: the same unpooling, densified by learnt deconvolutions (transposed
 *   convolutions, stride 1) + BN + ReLU. The fully connected bottleneck of the original
 *   DeconvNet is left out, so the comparison isolates the decoder.
 */
import * as tf from '@tensorflow/tfjs-core';
import { maxUnpool } from '../ops/max-unpool';
import { trainableConv2dTranspose } from '../ops/trainable-conv';
import { batchNorm, conv, type BatchNormParams, type ConvParams } from '../layers/conv-block';
import { ParameterStore } from '../layers/parameter-store';
import type { StageOutput } from '../types';
import { mirroredStage } from './mirror';
import type { DecodeContext, Decoder, DecoderSpec } from './decoder';
import { layerName, stageLayer } from '../layer-names';


interface DensifyBlock {
  layer: ConvParams;
  bn: BatchNormParams;
}

class UnpoolingDecoder implements Decoder {
  readonly store: ParameterStore;
  private readonly stages: DensifyBlock[][];
  private readonly classifier: ConvParams;

  constructor(
    readonly kind: 'segnet' | 'deconvnet',
    spec: DecoderSpec,
    private readonly relu: boolean,
  ) {
    const { plan, numClasses } = spec;
    const k = plan.kernel;
    this.store = new ParameterStore('decoder', spec.seed, spec.allocate);
    this.stages = plan.stages.map((_, s) =>
      mirroredStage(plan, s).map((c, i) => {
        const name = stageLayer(s + 1, `${kind === 'segnet' ? 'conv' : 'deconv'}${i + 1}`);
        // conv2dTranspose filters are [k, k, out, in]; conv2d filters [k, k, in, out].
        const shape: [number, number, number, number] = kind === 'segnet' ? [k, k, c.cin, c.cout] : [k, k, c.cout, c.cin];
        return { layer: this.store.conv(name, shape, k * k * c.cin, c.cout), bn: this.store.batchNorm(`${name}/bn`, c.cout) };
      }),
    );
    const ck = plan.kind === 'basic' ? 1 : 3;
    this.classifier = this.store.conv('classifier', [ck, ck, plan.channels[0]!, numClasses]);
  }

  private densify(x: tf.Tensor4D, block: DensifyBlock): tf.Tensor4D {
    const { filter, bias } = block.layer;
    if (this.kind === 'segnet') return conv(x, block.layer);
    const [n, h, w] = x.shape;
    return tf.add(trainableConv2dTranspose(x, filter, [n, h, w, filter.shape[2]], 1), bias); // [N, H, W, Cout]
  }

  decode(stages: StageOutput[], ctx: DecodeContext): tf.Tensor4D {
    let x = stages[stages.length - 1]!.pooled;
    for (let s = stages.length - 1; s >= 0; s--) {
      const { features, indices } = stages[s]!;
      x = maxUnpool(x, indices!, features.shape); // [N, H_s, W_s, C_s], one non-zero per window
      ctx.recorder?.record(layerName('decoder', s + 1, 'unpool'), x);
      for (const [i, block] of this.stages[s]!.entries()) {
        x = batchNorm(this.densify(x, block), block.bn, ctx.training);
        if (this.relu) x = tf.relu(x);
        ctx.recorder?.record(layerName('decoder', s + 1, `layer${i + 1}`), x);
      }
    }
    return conv(x, this.classifier); // [N, H, W, K]
  }
}

export function segnetDecoder(spec: DecoderSpec): Decoder {
  return new UnpoolingDecoder('segnet', spec, spec.plan.kind !== 'basic');
}

export function deconvnetDecoder(spec: DecoderSpec): Decoder {
  return new UnpoolingDecoder('deconvnet', spec, true);
}
