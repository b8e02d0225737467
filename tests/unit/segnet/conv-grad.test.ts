import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  atrousConv2d,
  conv2dCustomGrad,
  conv2dTransposeCustomGrad,
  depthwiseConv2dCustomGrad,
  hasNativeConvGradients,
  trainableConv2d,
  trainableConv2dTranspose,
} from '../../../src/segnet/ops';
import { maxAbsDiff, numericGradient, randomGrid, toTensor, useCpu } from '../helpers';

beforeAll(useCpu);

type Shape4 = [number, number, number, number];
type Op = (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D;

const rand = (shape: Shape4, seed: number) => toTensor(randomGrid(shape, seed));

/** Value and gradients (x, filter) of sum(op(x, f) * r) for a fixed random r. */
function valueAndGrads(op: Op, x: tf.Tensor4D, f: tf.Tensor4D, seed: number): { y: Float32Array; dx: Float32Array; df: Float32Array } {
  return tf.tidy(() => {
    const y = op(x, f);
    const r = rand(y.shape as Shape4, seed);
    const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(op(a as tf.Tensor4D, b as tf.Tensor4D), r)))([x, f]);
    return { y: y.dataSync() as Float32Array, dx: dx!.dataSync() as Float32Array, df: df!.dataSync() as Float32Array };
  });
}

/** Custom and native agree on the value and both gradients, relative to the largest magnitude. */
function expectSameAsNative(custom: Op, native: Op, xShape: Shape4, fShape: Shape4): void {
  const x = rand(xShape, 1);
  const f = rand(fShape, 2);
  const a = valueAndGrads(custom, x, f, 3);
  const b = valueAndGrads(native, x, f, 3);
  for (const key of ['y', 'dx', 'df'] as const) {
    const scale = Math.max(1, ...Array.from(b[key], Math.abs));
    expect(a[key].length, key).toBe(b[key].length);
    expect(maxAbsDiff(a[key], b[key]) / scale, key).toBeLessThan(1e-5);
  }
  tf.dispose([x, f]);
}

describe('conv2dCustomGrad(x, filter, padding)', () => {
  it.each([
    [[2, 7, 9, 3], [3, 3, 3, 4], 'same'],
    [[1, 5, 6, 2], [7, 7, 2, 3], 'same'], // kernel larger than the input
    [[2, 6, 5, 2], [4, 2, 2, 3], 'same'], // even kernel: more padding after than before
    [[3, 8, 7, 1], [1, 1, 1, 5], 'same'],
    [[2, 9, 7, 3], [3, 5, 3, 2], 'valid'],
  ] as [Shape4, Shape4, 'same' | 'valid'][])('equals tf.conv2d and its native gradients for x %j, filter %j, %s', (xs, fs, padding) => {
    expectSameAsNative((x, f) => conv2dCustomGrad(x, f, padding), (x, f) => tf.conv2d(x, f, 1, padding), xs, fs);
  });

  it('has the numeric gradient for input and filter', () => {
    const x = rand([1, 5, 4, 2], 5);
    const f = rand([3, 2, 2, 2], 6);
    const r = rand([1, 5, 4, 2], 7);
    const lossX = (t: tf.Tensor) => tf.sum(tf.mul(conv2dCustomGrad(t as tf.Tensor4D, f, 'same'), r)) as tf.Scalar;
    const lossF = (t: tf.Tensor) => tf.sum(tf.mul(conv2dCustomGrad(x, t as tf.Tensor4D, 'same'), r)) as tf.Scalar;
    const dx = tf.grad(lossX)(x).dataSync();
    const df = tf.grad(lossF)(f).dataSync();
    for (const [i, v] of numericGradient(lossX, x, 1e-2)) expect(dx[i]).toBeCloseTo(v, 2);
    for (const [i, v] of numericGradient(lossF, f, 1e-2)) expect(df[i]).toBeCloseTo(v, 2);
  });

  it('names a channel mismatch and bad pads', () => {
    expect(() => conv2dCustomGrad(rand([1, 4, 4, 2], 1), rand([3, 3, 3, 1], 2), 'same')).toThrow(/conv2dCustomGrad: filter expects 3 input channels but x has 2/);
    expect(() => conv2dCustomGrad(rand([1, 4, 4, 2], 1), rand([3, 3, 2, 1], 2), { top: 3, bottom: 0, left: 1, right: 1 })).toThrow(
      /conv2dCustomGrad: pads.top must be an integer in 0..2 for a 3x3 kernel, got 3/,
    );
  });
});

describe('conv2dTransposeCustomGrad(x, filter, outputShape, stride)', () => {
  it.each([
    [[2, 5, 7, 3], [7, 7, 2, 3], 1],
    [[1, 6, 5, 2], [4, 4, 3, 2], 1], // even kernel
    [[2, 4, 6, 3], [7, 7, 3, 3], 2], // FCN-Basic's upsampling
    [[1, 5, 3, 2], [4, 4, 2, 2], 2], // odd output sizes below
    [[1, 3, 4, 2], [3, 3, 1, 2], 3],
  ] as [Shape4, Shape4, number][])('equals tf.conv2dTranspose and its native gradients for x %j, filter %j, stride %i', (xs, fs, stride) => {
    const [n, h, w] = xs;
    // Odd output sizes where the input allows it: ceil(H / s) = h.
    const out: Shape4 = [n, h * stride - (stride > 1 ? 1 : 0), w * stride, fs[2]];
    expectSameAsNative(
      (x, f) => conv2dTransposeCustomGrad(x, f, out, stride),
      (x, f) => tf.conv2dTranspose(x, f, out, stride, 'same'),
      xs,
      fs,
    );
  });

  it('has the numeric gradient for the filter at stride 2', () => {
    const x = rand([1, 3, 2, 1], 8);
    const f = rand([4, 4, 2, 1], 9);
    const r = rand([1, 6, 4, 2], 10);
    const loss = (t: tf.Tensor) => tf.sum(tf.mul(conv2dTransposeCustomGrad(x, t as tf.Tensor4D, [1, 6, 4, 2], 2), r)) as tf.Scalar;
    const df = tf.grad(loss)(f).dataSync();
    for (const [i, v] of numericGradient(loss, f, 1e-2)) expect(df[i]).toBeCloseTo(v, 2);
  });

  it('names an output shape that the stride cannot produce', () => {
    expect(() => conv2dTransposeCustomGrad(rand([1, 4, 4, 2], 1), rand([3, 3, 2, 2], 2), [1, 9, 8, 2], 2)).toThrow(
      /conv2dTransposeCustomGrad: outputShape 9x8 at stride 2 \('same'\) would come from a 5x4 input, but x is 4x4/,
    );
  });
});

describe('depthwiseConv2dCustomGrad(x, filter, padding)', () => {
  it.each([
    [[2, 7, 9, 3], [3, 3, 3, 1], 'same'],
    [[1, 6, 5, 4], [7, 7, 4, 1], 'same'],
    [[2, 5, 6, 2], [4, 2, 2, 1], 'same'],
    [[2, 8, 7, 2], [3, 5, 2, 1], 'valid'],
  ] as [Shape4, Shape4, 'same' | 'valid'][])('equals tf.depthwiseConv2d and its native gradients for x %j, filter %j, %s', (xs, fs, padding) => {
    expectSameAsNative((x, f) => depthwiseConv2dCustomGrad(x, f, padding), (x, f) => tf.depthwiseConv2d(x, f, 1, padding), xs, fs);
  });

  it('names a channel multiplier other than 1', () => {
    expect(() => depthwiseConv2dCustomGrad(rand([1, 4, 4, 2], 1), rand([3, 3, 2, 2], 2), 'same')).toThrow(/channel multiplier 1 \(\[kh, kw, C, 1\]\), got \[3, 3, 2, 2\]/);
  });
});

describe("atrousConv2d(x, filter, rate, padding, 'custom')", () => {
  it.each([
    [[2, 9, 11, 2], [3, 3, 2, 3], 2, 'same'],
    [[1, 13, 10, 2], [3, 3, 2, 2], 3, 'same'],
    [[1, 12, 9, 1], [3, 2, 1, 2], 2, 'valid'],
  ] as [Shape4, Shape4, number, 'same' | 'valid'][])('matches the native path for x %j, filter %j, rate %i, %s', (xs, fs, rate, padding) => {
    expectSameAsNative((x, f) => atrousConv2d(x, f, rate, padding, 'custom'), (x, f) => atrousConv2d(x, f, rate, padding, 'native'), xs, fs);
  });
});

describe('trainableConv2d / trainableConv2dTranspose routing', () => {
  it('keeps the native kernels on cpu, which has every gradient kernel', () => {
    expect(hasNativeConvGradients('cpu')).toBe(true);
    const x = rand([1, 4, 4, 2], 1);
    const f = rand([3, 3, 2, 2], 2);
    expect(maxAbsDiff(trainableConv2d(x, f, 'same').dataSync(), tf.conv2d(x, f, 1, 'same').dataSync())).toBe(0);
    const up = trainableConv2dTranspose(x, f, [1, 8, 8, 2], 2);
    expect(maxAbsDiff(up.dataSync(), tf.conv2dTranspose(x, f, [1, 8, 8, 2], 2, 'same').dataSync())).toBe(0);
  });

  it("names a bad gradients option", () => {
    const x = rand([1, 4, 4, 2], 1);
    expect(() => trainableConv2d(x, rand([3, 3, 2, 2], 2), 'same', 'fast' as 'auto')).toThrow(/trainableConv2d: gradients must be 'auto', 'native' or 'custom', got 'fast'/);
  });
});
