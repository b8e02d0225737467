/**
 * The two gradients of a stride-1 convolution, written with forward ops only (conv2d,
 * depthwiseConv2d, transpose, reshape, reverse), for backends that lack the backprop
 * kernels (TF.js wasm has no Conv2DBackpropFilter and no depthwise backprop at all).
 *
 * For y = conv2d(x, W) with pads p, y[n,i,j,o] = sum_{a,b,c} xp[n,i+a,j+b,c] W[a,b,c,o]:
 * - dx is a correlation of dy with W rotated by 180 degrees and its channel axes swapped,
 *   padded by k-1-p (conv-geometry.ts: inputGradientPads).
 * - dW[a,b,c,o] = sum_{n,i,j} xp[n,i+a,j+b,c] dy[n,i,j,o] is itself a correlation: of x with
 *   batch and channel swapped ([C, H, W, N], "C images of N channels") by dy used as a filter
 *   ([H', W', N, O]); its 'valid' output is [C, kh, kw, O]. The pads of the forward pass are
 *   the pads of this correlation, so x is never copied into a padded tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
import { explicitPadding, flipFilter, inputGradientPads, rotateFilter, type SpatialPads } from './conv-geometry';

/** [N, H, W, C] -> [H, W, N, C]: a reshape when N is 1, else a transpose. */
function batchInside(t: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = t.shape;
  return n === 1 ? tf.reshape(t, [h, w, 1, c]) : tf.transpose(t, [1, 2, 0, 3]);
}

/** dL/dx of y = conv2d(x, filter, 1, pads). dy [N, H', W', O], filter [kh, kw, C, O] -> [N, H, W, C] */
export function convInputGradient(dy: tf.Tensor4D, filter: tf.Tensor4D, pads: SpatialPads): tf.Tensor4D {
  const [kh, kw] = filter.shape;
  return tf.tidy(() => tf.conv2d(dy, flipFilter(filter), 1, explicitPadding(inputGradientPads(pads, kh, kw))));
}

/** dL/dfilter of y = conv2d(x, filter, 1, pads). x [N, H, W, C], dy [N, H', W', O] -> [kh, kw, C, O] */
export function convFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, pads: SpatialPads): tf.Tensor4D {
  return tf.tidy(() => {
    const images = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D; // [C, H, W, N]
    const kernel = batchInside(dy); // [H', W', N, O]
    const dw = tf.conv2d(images, kernel, 1, explicitPadding(pads)); // [C, kh, kw, O]
    return tf.transpose(dw, [1, 2, 0, 3]); // [kh, kw, C, O]
  });
}

/** dL/dx of y = depthwiseConv2d(x, filter, 1, pads), multiplier 1. filter [kh, kw, C, 1] -> [N, H, W, C] */
export function depthwiseInputGradient(dy: tf.Tensor4D, filter: tf.Tensor4D, pads: SpatialPads): tf.Tensor4D {
  const [kh, kw] = filter.shape;
  return tf.tidy(() => tf.depthwiseConv2d(dy, rotateFilter(filter), 1, explicitPadding(inputGradientPads(pads, kh, kw))));
}

/**
 * dL/dfilter of y = depthwiseConv2d(x, filter, 1, pads), multiplier 1: one depthwise
 * correlation over the N*C maps of x (batch folded into channels) with dy's N*C maps as
 * filters, then a sum over the batch. x [N, H, W, C], dy [N, H', W', C] -> [kh, kw, C, 1]
 */
export function depthwiseFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, pads: SpatialPads): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const [, oh, ow] = dy.shape;
  return tf.tidy(() => {
    const maps = tf.reshape(batchInside(x), [1, h, w, n * c]) as tf.Tensor4D; // [1, H, W, N*C]
    const kernel = tf.reshape(batchInside(dy), [oh, ow, n * c, 1]) as tf.Tensor4D; // [H', W', N*C, 1]
    const dw = tf.depthwiseConv2d(maps, kernel, 1, explicitPadding(pads)); // [1, kh, kw, N*C]
    const [, kh, kw] = dw.shape;
    return tf.reshape(tf.sum(tf.reshape(dw, [kh, kw, n, c]), 2), [kh, kw, c, 1]); // [kh, kw, C, 1]
  });
}
