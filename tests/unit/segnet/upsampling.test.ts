import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bilinearUpsamplingFilter } from '../../../src/segnet/decoders';
import { resizeBilinear } from '../../../src/segnet';
import { refResizeBilinear } from '../../../src/segnet/reference';
import { maxAbsDiff, numericGradient, randomGrid, toTensor, useCpu } from '../helpers';

beforeAll(useCpu);

describe('bilinearUpsamplingFilter(k, channels)', () => {
  it.each([4, 7, 3])('keeps a constant map constant away from the border (k = %i, stride 2)', (k) => {
    const x = tf.ones([1, 6, 6, 2]) as tf.Tensor4D;
    const up = tf.conv2dTranspose(x, bilinearUpsamplingFilter(k, 2), [1, 12, 12, 2], 2, 'same');
    const interior = tf.slice(up, [0, 3, 3, 0], [1, 6, 6, 2]).dataSync();
    expect(Math.max(...interior)).toBeCloseTo(1, 5);
    expect(Math.min(...interior)).toBeCloseTo(1, 5);
  });

  it('does not mix channels', () => {
    const f = bilinearUpsamplingFilter(4, 3).arraySync();
    expect(f[1]![1]![0]![1]).toBe(0);
    expect(f[1]![1]![2]![2]).toBeGreaterThan(0);
  });
});

describe('resizeBilinear(x, height, width)', () => {
  it('matches the reference in both directions', () => {
    const g = randomGrid([2, 5, 7, 3], 61);
    for (const [h, w] of [[12, 16], [3, 4]] as const) {
      expect(maxAbsDiff(resizeBilinear(toTensor(g), h, w).dataSync(), refResizeBilinear(g, h, w).data)).toBeLessThan(1e-5);
    }
  });

  it('has the numeric gradient on a non-square map (TF.js cpu gets this one wrong)', () => {
    const x = toTensor(randomGrid([1, 3, 5, 2], 62));
    const w = toTensor(randomGrid([1, 7, 4, 2], 63));
    const f = (t: tf.Tensor) => tf.sum(tf.mul(resizeBilinear(t as tf.Tensor4D, 7, 4), w)) as tf.Scalar;
    const g = tf.grad(f)(x).dataSync();
    for (const [i, v] of numericGradient(f, x, 1e-2)) expect(g[i]).toBeCloseTo(v, 2);
  });
});
