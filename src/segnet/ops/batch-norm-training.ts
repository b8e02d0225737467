/**
 * Batch normalisation on the batch's own statistics, as used while training, with its
 * gradient written out. TF.js differentiates tf.moments and tf.batchNorm separately (tiles,
 * transposing reductions); the closed form needs two channel sums:
 *
 *   c = x - mean,  r = 1 / sqrt(var + eps),  y = gamma * r * c + beta       (per channel, over M = N*H*W)
 *   dbeta = sum(dy),  dgamma = r * sum(dy * c)
 *   dx = gamma * r * (dy - dbeta / M - c * r^2 * sum(dy * c) / M)
 */
import * as tf from '@tensorflow/tfjs-core';
import { channelMoments, channelSums } from './channel-moments';
import { multiInputGrad } from './multi-input-grad';
import { assertRank } from './validate';

export interface BatchNormTrainingResult {
  /** [N, H, W, C] normalised, scaled and shifted. */
  y: tf.Tensor4D;
  /** The batch statistics used, [C] each (for the moving averages); they carry no gradient. */
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

/** Normalises x [N, H, W, C] with its batch statistics; gradients flow to x, gamma and beta. */
export function batchNormTraining(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number): BatchNormTrainingResult {
  const fn = 'batchNormTraining';
  assertRank(fn, 'x', x, 4);
  const [n, h, w, c] = x.shape;
  if (gamma.shape[0] !== c || beta.shape[0] !== c) {
    throw new Error(`${fn}: gamma [${gamma.shape.join(', ')}] and beta [${beta.shape.join(', ')}] must both be [${c}] for x [${x.shape.join(', ')}]`);
  }
  const m = n * h * w;
  const { mean, variance } = channelMoments(x);
  const op = multiInputGrad<tf.Tensor4D, [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D]>(3, ([input, scale, offset], save) => {
    const centered = tf.sub(input, mean) as tf.Tensor4D; // [N, H, W, C]
    const invStd = tf.rsqrt(tf.add(variance, epsilon)) as tf.Tensor1D; // [C]
    save([centered, invStd, scale]);
    const value = tf.add(tf.mul(centered, tf.mul(scale, invStd)), offset) as tf.Tensor4D;
    const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [cen, r, g] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
      const dBeta = channelSums(dy); // [C]
      const dyc = channelSums(tf.mul(dy, cen) as tf.Tensor4D); // [C]
      const k = tf.mul(g, r); // [C]
      const dx = tf.sub(tf.sub(tf.mul(dy, k), tf.mul(cen, tf.div(tf.mul(tf.mul(k, tf.square(r)), dyc), m))), tf.div(tf.mul(k, dBeta), m));
      return [dx, tf.mul(dyc, r), dBeta];
    };
    return { value, gradFunc };
  });
  return { y: op(x, gamma, beta), mean, variance };
}
