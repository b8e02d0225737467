/**
 * Padding arithmetic shared by the convolutions whose gradients are written as forward
 * convolutions (conv-gradients.ts). Every pad here is explicit, [before, after] per spatial
 * axis, computed with TensorFlow's rules, so 'same' with an even kernel (more padding after
 * than before) comes out exactly as tf.conv2d pads it.
 */
import * as tf from '@tensorflow/tfjs-core';

export type ConvPadding = 'same' | 'valid';

/** Explicit zero padding of the two spatial axes of an NHWC tensor. */
export interface SpatialPads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** [before, after] padding of one axis, TensorFlow's rule: out = ceil(in / stride) for 'same'. */
export function axisPads(size: number, kernel: number, stride: number, padding: ConvPadding): [number, number] {
  if (padding === 'valid') return [0, 0];
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** The pads tf.conv2d applies at stride 1 for a kh x kw kernel ('same' does not depend on the input size then). */
export function stride1Pads(kh: number, kw: number, padding: ConvPadding): SpatialPads {
  const [top, bottom] = axisPads(kh, kh, 1, padding);
  const [left, right] = axisPads(kw, kw, 1, padding);
  return { top, bottom, left, right };
}

/** tf.conv2d's explicit-padding argument: [before, after] for N, H, W, C (TF.js does not export the type). */
export type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** The pads as tf.conv2d's explicit-padding argument. */
export function explicitPadding(p: SpatialPads): ExplicitPadding {
  return [[0, 0], [p.top, p.bottom], [p.left, p.right], [0, 0]];
}

/**
 * The pads of the input gradient of a stride-1 convolution: a kernel of extent k that was
 * padded by (before, after) is undone by a full correlation padded by (k-1-before, k-1-after).
 */
export function inputGradientPads(p: SpatialPads, kh: number, kw: number): SpatialPads {
  return { top: kh - 1 - p.top, bottom: kh - 1 - p.bottom, left: kw - 1 - p.left, right: kw - 1 - p.right };
}

/** Output [H', W'] of a stride-1 convolution with explicit pads. */
export function paddedOutputSize(h: number, w: number, kh: number, kw: number, p: SpatialPads): [number, number] {
  return [h + p.top + p.bottom - kh + 1, w + p.left + p.right - kw + 1];
}

/** filter [kh, kw, A, B] rotated by 180 degrees in its kh x kw plane. */
export function rotateFilter(filter: tf.Tensor4D): tf.Tensor4D {
  const [kh, kw, a, b] = filter.shape;
  // A 180-degree turn of the kh x kw grid reverses its row-major order: one reverse of one axis.
  return tf.tidy(() => tf.reshape(tf.reverse(tf.reshape(filter, [kh * kw, a * b]), 0), [kh, kw, a, b]));
}

/**
 * filter [kh, kw, A, B] -> [kh, kw, B, A], rotated by 180 degrees: the filter whose
 * correlation undoes (transposes) the original's, used for input gradients and for
 * transposed convolutions.
 */
export function flipFilter(filter: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.transpose(rotateFilter(filter), [0, 1, 3, 2]));
}
