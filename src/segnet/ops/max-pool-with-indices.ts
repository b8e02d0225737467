/**
 * 2x2 max pooling, stride 2, that also returns where each maximum was: SegNet's encoder
 * stores these indices so that its decoder can put values back in the right place.
 *
 * Tie rule: when several members of a window share the maximum, the first one in window
 * order wins (top-left, top-right, bottom-left, bottom-right), on every backend.
 * Odd sizes: like Caffe's ceil-mode pooling, an odd height or width gets one more output row
 * or column, whose window is padded at the bottom/right with -Infinity (never chosen), so
 * 45 rows pool to 23 and the last window only sees row 44.
 *
 * `tf.maxPoolWithArgmax` is avoided on purpose: it has no gradient, returns float indices on
 * WebGL, breaks ties differently per backend and is wrong on wasm for windows of values <= 0.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoolResult } from '../types';
import { singleInputGrad } from './single-input-grad';
import { unpoolParts } from './unpool-parts';
import { padToEven, windowParts, cropTo } from './window-parts';
import { assertRank } from './validate';

/** Window index (0..3) of the first maximum, given the four window members and their maximum. */
function firstMaxIndex(parts: tf.Tensor4D[], max: tf.Tensor4D): tf.Tensor4D {
  const [p0, p1, p2] = parts as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
  const three = tf.fill(max.shape, 3, 'int32');
  // Walk backwards so the earliest matching position is written last and wins.
  const at2 = tf.where(tf.equal(p2, max), tf.fill(max.shape, 2, 'int32'), three);
  const at1 = tf.where(tf.equal(p1, max), tf.fill(max.shape, 1, 'int32'), at2);
  return tf.where(tf.equal(p0, max), tf.zeros(max.shape, 'int32'), at1) as tf.Tensor4D;
}

/**
 * Max-pools `x` [N, H, W, C] with 2x2 windows and stride 2.
 * @returns pooled [N, ceil(H/2), ceil(W/2), C] and indices of the same shape (int32, 0..3).
 * The gradient of `pooled` goes to exactly the recorded position of each window; `indices`
 * carry no gradient.
 */
export function maxPoolWithIndices(x: tf.Tensor4D): PoolResult {
  assertRank('maxPoolWithIndices', 'x', x, 4);
  if (x.dtype !== 'float32') throw new Error(`maxPoolWithIndices: x must be float32, got ${x.dtype}`);
  const [, h, w] = x.shape;
  const kept: { indices?: tf.Tensor4D } = {};
  // The maxima and indices are computed inside the custom-gradient forward pass, where TF.js
  // records nothing on the gradient tape, so the window comparisons are freed at once instead
  // of being held until backprop. The indices reach the gradient through `save`, so no
  // gradient is ever asked of the comparisons that produced them.
  const pool = singleInputGrad<tf.Tensor4D>((input, save) => {
    const parts = windowParts(padToEven(input as tf.Tensor4D, -Infinity)); // 4 x [N, h/2, w/2, C]
    const value: tf.Tensor4D = tf.maximum(tf.maximum(parts[0]!, parts[1]!), tf.maximum(parts[2]!, parts[3]!));
    const indices = tf.keep(firstMaxIndex(parts, value));
    kept.indices = indices;
    save([indices]);
    const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]) => cropTo(unpoolParts(dy, saved[0] as tf.Tensor4D), h, w);
    return { value, gradFunc };
  });
  const pooled = pool(x);
  if (!kept.indices) throw new Error('maxPoolWithIndices: the forward pass produced no indices');
  // The forward pass runs in its own tidy scope, so the indices were kept to get them out;
  // a clone (same data, no copy) hands them to the caller's scope, which then owns them.
  const indices = tf.clone(kept.indices);
  kept.indices.dispose();
  return { pooled, indices };
}
