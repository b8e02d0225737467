import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxPoolWithIndices, maxUnpool, atrousConv2d } from '../../../src/segnet/ops';
import { makeGrid, refConv2d, refMaxPool2x2, refMaxUnpool } from '../../../src/segnet/reference';
import { maxAbsDiff, numericGradient, randomGrid, toGrid, toTensor, useCpu } from '../helpers';

beforeAll(useCpu);

describe('maxPoolWithIndices(x)', () => {
  it.each([
    [[2, 4, 6, 3]],
    [[1, 5, 7, 2]], // odd height and width
    [[1, 45, 60, 1]], // CamVid's 360 rows after three pools
    [[1, 1, 1, 4]],
  ] as [[number, number, number, number]][])('matches the reference pool for shape %j', (shape) => {
    const g = randomGrid(shape, 7);
    const ref = refMaxPool2x2(g);
    const { pooled, indices } = maxPoolWithIndices(toTensor(g));
    expect(pooled.shape).toEqual(ref.pooled.shape);
    expect(indices.dtype).toBe('int32');
    expect(maxAbsDiff(pooled.dataSync(), ref.pooled.data)).toBeLessThan(1e-6);
    expect(Array.from(indices.dataSync())).toEqual(Array.from(ref.indices.data));
    tf.dispose([pooled, indices]);
  });

  it('resolves ties to the first maximum in window order', () => {
    // Windows: all equal -> 0; top-right and bottom-right tie -> 1; bottom pair tie -> 2; only bottom-right -> 3.
    const x = tf.tensor4d([5, 5, 0, 9, 1, 1, 0, 0, 5, 5, 0, 9, 4, 4, 0, 2], [1, 2, 8, 1]);
    const { pooled, indices } = maxPoolWithIndices(x);
    expect(Array.from(indices.dataSync())).toEqual([0, 1, 2, 3]);
    expect(Array.from(pooled.dataSync())).toEqual([5, 9, 4, 2]);
  });

  it('routes the gradient of a tied window to exactly one position', () => {
    const x = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
    const g = tf.grad((t: tf.Tensor) => tf.sum(maxPoolWithIndices(t as tf.Tensor4D).pooled))(x);
    expect(Array.from(g.dataSync())).toEqual([1, 0, 0, 0]);
  });

  it('has the numeric gradient on an odd-sized input', () => {
    const g = randomGrid([1, 5, 3, 2], 3);
    const weights = tf.tensor4d(Float32Array.from(randomGrid([1, 3, 2, 2], 4).data), [1, 3, 2, 2]);
    const f = (t: tf.Tensor) => tf.sum(tf.mul(maxPoolWithIndices(t as tf.Tensor4D).pooled, weights)) as tf.Scalar;
    const analytic = tf.grad(f)(toTensor(g)).dataSync();
    for (const [i, v] of numericGradient(f, toTensor(g), 1e-3)) expect(analytic[i]).toBeCloseTo(v, 2);
  });

  it('rejects a tensor that is not rank 4, naming it', () => {
    expect(() => maxPoolWithIndices(tf.zeros([2, 2]) as unknown as tf.Tensor4D)).toThrow(/maxPoolWithIndices: x must have rank 4/);
  });
});

describe('maxUnpool(y, indices, outputShape)', () => {
  it.each([
    [[2, 4, 6, 3]],
    [[1, 5, 7, 2]],
  ] as [[number, number, number, number]][])('inverts the pool positions like the reference for %j', (shape) => {
    const g = randomGrid(shape, 11);
    const { pooled, indices } = maxPoolWithIndices(toTensor(g));
    const y = randomGrid(pooled.shape as [number, number, number, number], 12);
    const out = maxUnpool(toTensor(y), indices, shape);
    const ref = refMaxUnpool(y, toGrid(indices), shape[1], shape[2]);
    expect(out.shape).toEqual(shape);
    expect(maxAbsDiff(out.dataSync(), ref.data)).toBeLessThan(1e-6);
  });

  it('writes exactly one value per window, also for tied windows', () => {
    const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const { pooled, indices } = maxPoolWithIndices(x);
    const out = maxUnpool(pooled, indices, [4, 4]).dataSync();
    expect(Array.from(out)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('has the gather at the indices as its gradient (numeric check)', () => {
    const { indices } = maxPoolWithIndices(toTensor(randomGrid([1, 5, 6, 2], 21)));
    const w = toTensor(randomGrid([1, 5, 6, 2], 22));
    const f = (t: tf.Tensor) => tf.sum(tf.mul(maxUnpool(t as tf.Tensor4D, indices, [5, 6]), w)) as tf.Scalar;
    const y = toTensor(randomGrid([1, 3, 3, 2], 23));
    const analytic = tf.grad(f)(y).dataSync();
    for (const [i, v] of numericGradient(f, y, 1e-2)) expect(analytic[i]).toBeCloseTo(v, 2);
  });

  it('trains end to end through pool and unpool', () => {
    const x = toTensor(randomGrid([1, 4, 4, 1], 5));
    const f = (t: tf.Tensor) => {
      const { pooled, indices } = maxPoolWithIndices(t as tf.Tensor4D);
      return tf.sum(tf.square(maxUnpool(tf.mul(pooled, 2), indices, [4, 4]))) as tf.Scalar;
    };
    const analytic = tf.grad(f)(x).dataSync();
    for (const [i, v] of numericGradient(f, x, 1e-3)) expect(analytic[i]).toBeCloseTo(v, 1);
  });

  it('names the mismatch when outputShape does not pool to y', () => {
    const { pooled, indices } = maxPoolWithIndices(tf.zeros([1, 4, 4, 1]) as tf.Tensor4D);
    expect(() => maxUnpool(pooled, indices, [6, 4])).toThrow(/maxUnpool: outputShape 6x4 does not pool to y's 2x2/);
    expect(() => maxUnpool(pooled, tf.cast(indices, 'float32') as tf.Tensor4D, [4, 4])).toThrow(/indices must be int32/);
  });
});

describe('atrousConv2d(x, filter, rate)', () => {
  it.each([
    [1, 'same'],
    [2, 'same'],
    [3, 'same'],
    [2, 'valid'],
    [4, 'valid'],
  ] as [number, 'same' | 'valid'][])('equals the dilated reference convolution at rate %i, %s padding', (rate, padding) => {
    const x = randomGrid([2, 11, 9, 3], 31);
    const f = randomGrid([3, 3, 3, 4], 32);
    const out = atrousConv2d(toTensor(x), toTensor(f), rate, padding);
    const ref = refConv2d(x, f, { dilation: rate, padding });
    expect(out.shape).toEqual(ref.shape);
    expect(maxAbsDiff(out.dataSync(), ref.data)).toBeLessThan(1e-4);
  });

  it('matches tf.conv2d with dilations in the forward pass', () => {
    const x = toTensor(randomGrid([1, 10, 13, 2], 41));
    const f = toTensor(randomGrid([3, 3, 2, 2], 42));
    const expected = tf.conv2d(x, f, 1, 'same', 'NHWC', 2);
    expect(maxAbsDiff(atrousConv2d(x, f, 2).dataSync(), expected.dataSync())).toBeLessThan(1e-4);
  });

  it('covers a 5x5 field with a 3x3 kernel at rate 2', () => {
    const x = tf.tensor4d(Array.from({ length: 25 }, (_, i) => i + 1), [1, 5, 5, 1]);
    const out = atrousConv2d(x, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 2, 'valid');
    // Taps at rows/cols 0, 2, 4 of 1..25: 1+3+5+11+13+15+21+23+25 = 117.
    expect(Array.from(out.dataSync())).toEqual([117]);
  });

  it('has numeric gradients for input and filter', () => {
    const x = toTensor(randomGrid([1, 7, 6, 2], 51));
    const f = toTensor(randomGrid([3, 3, 2, 2], 52));
    const w = toTensor(randomGrid([1, 7, 6, 2], 53));
    const lossX = (t: tf.Tensor) => tf.sum(tf.mul(atrousConv2d(t as tf.Tensor4D, f, 2), w)) as tf.Scalar;
    const lossF = (t: tf.Tensor) => tf.sum(tf.mul(atrousConv2d(x, t as tf.Tensor4D, 2), w)) as tf.Scalar;
    const gx = tf.grad(lossX)(x).dataSync();
    for (const [i, v] of numericGradient(lossX, x, 1e-2, 3)) expect(gx[i]).toBeCloseTo(v, 1);
    const gf = tf.grad(lossF)(f).dataSync();
    for (const [i, v] of numericGradient(lossF, f, 1e-2, 2)) expect(gf[i]).toBeCloseTo(v, 1);
  });

  it('names a bad rate and a channel mismatch', () => {
    const x = tf.zeros([1, 4, 4, 2]) as tf.Tensor4D;
    expect(() => atrousConv2d(x, tf.zeros([3, 3, 2, 1]) as tf.Tensor4D, 0)).toThrow(/atrousConv2d: rate must be a positive integer, got 0/);
    expect(() => atrousConv2d(x, tf.zeros([3, 3, 3, 1]) as tf.Tensor4D, 2)).toThrow(/filter expects 3 input channels but x has 2/);
  });

  it('makeGrid rejects data of the wrong length', () => {
    expect(() => makeGrid([1, 2, 2, 1], [1, 2, 3])).toThrow(/holds 4 values, got 3/);
  });
});
