/**
 * conv2d at stride 1 whose gradients are forward convolutions (conv-gradients.ts), so it
 * trains on backends without Conv2DBackpropFilter. Same values as tf.conv2d and, up to
 * float rounding, the same gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import { convFilterGradient, convInputGradient } from './conv-gradients';
import { explicitPadding, paddedOutputSize, stride1Pads, type ConvPadding, type SpatialPads } from './conv-geometry';
import { multiInputGrad } from './multi-input-grad';
import { assertRank } from './validate';

/** Checks x, filter and pads of a stride-1 convolution; returns the explicit pads. */
export function checkConvArgs(fn: string, x: tf.Tensor4D, filter: tf.Tensor4D, padding: ConvPadding | SpatialPads): SpatialPads {
  assertRank(fn, 'x', x, 4);
  assertRank(fn, 'filter', filter, 4);
  const [, h, w, cin] = x.shape;
  const [kh, kw, fcin] = filter.shape;
  if (fcin !== cin) throw new Error(`${fn}: filter expects ${fcin} input channels but x has ${cin}`);
  if (padding !== 'same' && padding !== 'valid' && typeof padding !== 'object') {
    throw new Error(`${fn}: padding must be 'same', 'valid' or explicit pads, got '${String(padding)}'`);
  }
  const pads = typeof padding === 'string' ? stride1Pads(kh, kw, padding) : padding;
  for (const [side, v, k] of [['top', pads.top, kh], ['bottom', pads.bottom, kh], ['left', pads.left, kw], ['right', pads.right, kw]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > k - 1) throw new Error(`${fn}: pads.${side} must be an integer in 0..${k - 1} for a ${kh}x${kw} kernel, got ${v}`);
  }
  const [oh, ow] = paddedOutputSize(h, w, kh, kw, pads);
  if (oh < 1 || ow < 1) throw new Error(`${fn}: a ${kh}x${kw} kernel does not fit a ${h}x${w} input with these pads`);
  return pads;
}

type PadsGradient = (a: tf.Tensor4D, b: tf.Tensor4D, pads: SpatialPads) => tf.Tensor4D;

/**
 * An op of an activation and a filter whose gradients are `inputGradient(dy, filter, pads)`
 * and `filterGradient(x, dy, pads)`, from the tensors saved in the forward pass.
 */
export function filterOpWithGrad(
  forward: (x: tf.Tensor4D, filter: tf.Tensor4D) => tf.Tensor4D,
  inputGradient: PadsGradient,
  filterGradient: PadsGradient,
  pads: SpatialPads,
): (x: tf.Tensor4D, filter: tf.Tensor4D) => tf.Tensor4D {
  return multiInputGrad<tf.Tensor4D, [tf.Tensor4D, tf.Tensor4D]>(2, ([input, kernel], save) => {
    save([input, kernel]);
    const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [sx, sf] = saved as [tf.Tensor4D, tf.Tensor4D];
      return [inputGradient(dy, sf, pads), filterGradient(sx, dy, pads)];
    };
    return { value: forward(input, kernel), gradFunc };
  });
}

/**
 * tf.conv2d(x, filter, 1, padding) with gradients built from forward convolutions.
 * @param x [N, H, W, Cin]
 * @param filter [kh, kw, Cin, Cout]
 * @param padding 'same', 'valid', or explicit pads of at most k-1 per side
 * @returns [N, H', W', Cout]
 */
export function conv2dCustomGrad(x: tf.Tensor4D, filter: tf.Tensor4D, padding: ConvPadding | SpatialPads): tf.Tensor4D {
  const pads = checkConvArgs('conv2dCustomGrad', x, filter, padding);
  const forward = (input: tf.Tensor4D, kernel: tf.Tensor4D) => tf.conv2d(input, kernel, 1, explicitPadding(pads)); // [N, H', W', Cout]
  return filterOpWithGrad(forward, convInputGradient, convFilterGradient, pads)(x, filter);
}
