/**
 * depthwiseConv2d at stride 1, channel multiplier 1, whose gradients are forward depthwise
 * convolutions (conv-gradients.ts): TF.js wasm registers neither depthwise backprop kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { depthwiseFilterGradient, depthwiseInputGradient } from './conv-gradients';
import { explicitPadding, type ConvPadding } from './conv-geometry';
import { checkConvArgs } from './conv2d-custom-grad';
import { multiInputGrad } from './multi-input-grad';

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
  const op = multiInputGrad<tf.Tensor4D, [tf.Tensor4D, tf.Tensor4D]>(2, ([input, kernel], save) => {
    save([input, kernel]);
    const value = tf.depthwiseConv2d(input, kernel, 1, explicitPadding(pads)); // [N, H', W', C]
    const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [sx, sf] = saved as [tf.Tensor4D, tf.Tensor4D];
      return [depthwiseInputGradient(dy, sf, pads), depthwiseFilterGradient(sx, dy, pads)];
    };
    return { value, gradFunc };
  });
  return op(x, filter);
}
