/**
 * Atrous (dilated) convolution, DeepLab's way to see further without pooling: a k x k kernel
 * at rate r samples the input every r pixels and covers k + (k - 1)(r - 1) pixels per side.
 *
 * TF.js's conv2d with dilations > 1 has no gradient, so this is the classic equivalent
 * formulation: spaceToBatchND splits the input into r*r interleaved sub-images, an ordinary
 * conv2d runs on each, and batchToSpaceND interleaves the results back. All three ops have
 * gradients, so the filter and the input train.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ConvPadding } from './conv-geometry';
import { trainableConv2d, type ConvGradients } from './trainable-conv';
import { assertPositiveInt, assertRank } from './validate';

export type { ConvPadding } from './conv-geometry';

/** Effective kernel extent of a k-tap kernel at dilation rate r. */
export function dilatedExtent(kernelSize: number, rate: number): number {
  return kernelSize + (kernelSize - 1) * (rate - 1);
}

/** Paddings and crops for one spatial axis, as TensorFlow's with_space_to_batch computes them. */
function axisPlan(size: number, kernel: number, rate: number, padding: ConvPadding): [[number, number], [number, number]] {
  const total = padding === 'same' ? dilatedExtent(kernel, rate) - 1 : 0;
  const start = Math.floor(total / 2);
  const end = total - start;
  const extra = (rate - ((size + start + end) % rate)) % rate;
  return [[start, end + extra], [0, extra]];
}

/**
 * Equals `tf.conv2d(x, filter, 1, padding, 'NHWC', rate)` and has gradients.
 * @param x [N, H, W, Cin]
 * @param filter [kh, kw, Cin, Cout]
 * @param rate dilation rate (1 is an ordinary convolution)
 * @param gradients which gradients the inner conv2d uses (trainable-conv.ts; 'auto' picks per backend)
 * @returns [N, H', W', Cout], H' = H for 'same', H - extent + 1 for 'valid'
 */
export function atrousConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  rate: number,
  padding: ConvPadding = 'same',
  gradients: ConvGradients = 'auto',
): tf.Tensor4D {
  const fn = 'atrousConv2d';
  assertRank(fn, 'x', x, 4);
  assertRank(fn, 'filter', filter, 4);
  assertPositiveInt(fn, 'rate', rate);
  if (padding !== 'same' && padding !== 'valid') throw new Error(`${fn}: padding must be 'same' or 'valid', got '${String(padding)}'`);
  const [, h, w, cin] = x.shape;
  const [kh, kw, fcin] = filter.shape;
  if (fcin !== cin) throw new Error(`${fn}: filter expects ${fcin} input channels but x has ${cin}`);
  if (padding === 'valid' && (dilatedExtent(kh, rate) > h || dilatedExtent(kw, rate) > w)) {
    throw new Error(`${fn}: a ${kh}x${kw} kernel at rate ${rate} does not fit a ${h}x${w} input with 'valid' padding`);
  }
  if (rate === 1) return trainableConv2d(x, filter, padding, gradients);
  return tf.tidy(() => {
    const [padH, cropH] = axisPlan(h, kh, rate, padding);
    const [padW, cropW] = axisPlan(w, kw, rate, padding);
    const batched = tf.spaceToBatchND(x, [rate, rate], [padH, padW]); // [N*r*r, H'/r, W'/r, Cin]
    const conv = trainableConv2d(batched as tf.Tensor4D, filter, 'valid', gradients); // [N*r*r, h', w', Cout]
    return tf.batchToSpaceND(conv, [rate, rate], [cropH, cropW]) as tf.Tensor4D; // [N, H', W', Cout]
  });
}
