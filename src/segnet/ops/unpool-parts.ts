/**
 * The two halves of index unpooling, without argument checks or gradients:
 * scattering values to their recorded window positions, and gathering them back.
 * Each is the other's gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import { windowParts, weaveParts } from './window-parts';

/** One float mask per window position: masks[k] is 1 where indices == k. 4 x [N, h, w, C] */
function positionMasks(indices: tf.Tensor4D): tf.Tensor4D[] {
  return [0, 1, 2, 3].map((k) => tf.cast(tf.equal(indices, k), 'float32') as tf.Tensor4D);
}

/** Scatters y [N, h, w, C] to [N, 2h, 2w, C]: each value to its window position, zeros elsewhere. */
export function unpoolParts(y: tf.Tensor4D, indices: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => weaveParts(positionMasks(indices).map((m) => tf.mul(y, m))));
}

/** Gathers from x [N, 2h, 2w, C] (finite values) the value at each window's recorded position: [N, h, w, C]. */
export function gatherAtIndices(x: tf.Tensor4D, indices: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const parts = windowParts(x);
    const masks = positionMasks(indices);
    return tf.addN(parts.map((p, k) => tf.mul(p, masks[k]!))) as tf.Tensor4D;
  });
}
