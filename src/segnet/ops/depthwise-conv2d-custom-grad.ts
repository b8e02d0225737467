/**
 * depthwiseConv2d at stride 1, channel multiplier 1, whose gradients are forward depthwise
 * convolutions (conv-gradients.ts): TF.js wasm registers neither depthwise backprop kernel.
 */
import * as tf from '@tensorflow/tfjs-core';
import { depthwiseFilterGradient, depthwiseInputGradient } from './conv-gradients';
import { explicitPadding, type ConvPadding } from './conv-geometry';
import { checkConvArgs, filterOpWithGrad } from './conv2d-custom-grad';

/**
 * tf.depthwiseConv2d(x, filter, 1, padding) with gradients built from forward ops.
 * @param x [N, H, W, C]
 * @param filter [kh, kw, C, 1]: one kh x kw kernel per channel
 * @returns [N, H', W', C]
 */
export function depthwiseConv2dCustomGrad(x: tf.Tensor4D, filter: tf.Tensor4D, padding: ConvPadding): tf.Tensor4D {
  const fn = 'depthwiseConv2dCustomGrad';
  const pads = checkConvArgs(fn, x, filter, padding);
  if (filter.shape[3] !== 1) throw new Error(`${fn}: filter must have channel multiplier 1 ([kh, kw, C, 1]), got [${filter.shape.join(', ')}]`);
  const forward = (input: tf.Tensor4D, kernel: tf.Tensor4D) => tf.depthwiseConv2d(input, kernel, 1, explicitPadding(pads)); // [N, H', W', C]
  return filterOpWithGrad(forward, depthwiseInputGradient, depthwiseFilterGradient, pads)(x, filter);
}
