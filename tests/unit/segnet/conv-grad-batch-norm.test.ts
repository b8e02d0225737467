import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormTraining, channelMoments, channelSums, conv2dCustomGrad } from '../../../src/segnet/ops';
import { maxAbsDiff, numericGradient, randomGrid, toTensor, useCpu } from '../helpers';

beforeAll(useCpu);

const EPS = 1e-5;

/** Batch norm as TF.js differentiates it by itself: moments, then batchNorm4d. */
function nativeBatchNorm(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D): tf.Tensor4D {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.batchNorm4d(x, mean as tf.Tensor1D, variance as tf.Tensor1D, beta, gamma, EPS);
}

describe('channelSums(x) / channelMoments(x)', () => {
  it('equal tf.sum and tf.moments over N, H, W', () => {
    const x = toTensor(randomGrid([2, 5, 7, 3], 1, -2, 3));
    expect(maxAbsDiff(channelSums(x).dataSync(), tf.sum(x, [0, 1, 2]).dataSync())).toBeLessThan(1e-4);
    const ours = channelMoments(x);
    const ref = tf.moments(x, [0, 1, 2]);
    expect(maxAbsDiff(ours.mean.dataSync(), ref.mean.dataSync())).toBeLessThan(1e-5);
    expect(maxAbsDiff(ours.variance.dataSync(), ref.variance.dataSync())).toBeLessThan(1e-5);
  });
});

describe('batchNormTraining(x, gamma, beta, epsilon)', () => {
  const x = toTensor(randomGrid([2, 5, 3, 4], 2, -2, 2));
  const gamma = tf.tensor1d([0.5, 1, 1.5, -2]);
  const beta = tf.tensor1d([0, 0.1, -0.3, 1]);
  const r = toTensor(randomGrid([2, 5, 3, 4], 3));

  it('has the value and the gradients of moments + batchNorm4d differentiated by TF.js', () => {
    const loss = (f: typeof nativeBatchNorm) => (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(f(a as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D), r));
    const ours = (a: tf.Tensor4D, g: tf.Tensor1D, b: tf.Tensor1D) => batchNormTraining(a, g, b, EPS).y;
    expect(maxAbsDiff(ours(x, gamma, beta).dataSync(), nativeBatchNorm(x, gamma, beta).dataSync())).toBeLessThan(1e-5);
    const got = tf.grads(loss(ours))([x, gamma, beta]);
    const want = tf.grads(loss(nativeBatchNorm))([x, gamma, beta]);
    got.forEach((g, i) => expect(maxAbsDiff(g.dataSync(), want[i]!.dataSync()), `input ${i}`).toBeLessThan(1e-4));
  });

  it('has the numeric gradient for x', () => {
    const f = (t: tf.Tensor) => tf.sum(tf.mul(batchNormTraining(t as tf.Tensor4D, gamma, beta, EPS).y, r)) as tf.Scalar;
    const analytic = tf.grad(f)(x).dataSync();
    for (const [i, v] of numericGradient(f, x, 1e-2, 3)) expect(analytic[i]).toBeCloseTo(v, 2);
  });

  it('names gamma and beta that do not match the channels', () => {
    expect(() => batchNormTraining(x, tf.ones([3]) as tf.Tensor1D, beta, EPS)).toThrow(/batchNormTraining: gamma \[3\] and beta \[4\] must both be \[4\] for x \[2, 5, 3, 4\]/);
  });
});

describe('custom-gradient ops and memory', () => {
  it('leave no tensors behind after a gradient', () => {
    const x = toTensor(randomGrid([1, 6, 6, 2], 4));
    const f = toTensor(randomGrid([3, 3, 2, 2], 5));
    const before = tf.memory().numTensors;
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(batchNormTraining(conv2dCustomGrad(a as tf.Tensor4D, b as tf.Tensor4D, 'same'), tf.ones([2]) as tf.Tensor1D, tf.zeros([2]) as tf.Tensor1D, EPS).y))([x, f]);
    tf.dispose(grads);
    expect(tf.memory().numTensors).toBe(before);
  });
});
