import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryReport, TUTORIAL_CLASS_WEIGHTS, weightedCrossEntropy, medianFrequencyWeights } from '../../../src/segnet';
import { numericGradient, seededRandom, useCpu } from '../helpers';

beforeAll(useCpu);

describe('memoryReport(config)', () => {
  const report = memoryReport({ encoder: 'basic', decoder: 'segnet', height: 360, width: 480 });

  it('counts SegNet-Basic\'s pooling windows at 360x480 (pooled maps 180x240, 90x120, 45x60, 23x30)', () => {
    const windows = 64 * (180 * 240 + 90 * 120 + 45 * 60 + 23 * 30);
    expect(report.indices.windows).toBe(windows);
    expect(report.indices.paperBytes).toBe(Math.ceil(windows / 4)); // 2 bits each
    expect(report.indices.heldBytes).toBe(windows * 4); // int32 in TF.js
  });

  it('charges FCN one 11-channel float map per skip and SegNet its indices', () => {
    const fcn = report.decoders.find((d) => d.decoder === 'fcn')!;
    expect(fcn.stored.bytes).toBe(11 * 4 * (180 * 240 + 90 * 120 + 45 * 60));
    const segnet = report.decoders.find((d) => d.decoder === 'segnet')!;
    expect(segnet.storageRelativeToIndices).toBe(1);
    expect(fcn.storageRelativeToIndices).toBeGreaterThan(2);
    expect(report.decoders.find((d) => d.decoder === 'deeplab-largefov')!.stored.bytes).toBe(0);
    // Full encoder maps (encoder addition) dwarf both.
    expect(report.encoderFeatureBytes).toBe(64 * 4 * (360 * 480 + 180 * 240 + 90 * 120 + 45 * 60));
  });

  it('reports parameters for every decoder without allocating VGG16', () => {
    const vgg = memoryReport({ encoder: 'vgg16', decoder: 'segnet', height: 360, width: 480 });
    const segnet = vgg.decoders.find((d) => d.decoder === 'segnet')!;
    expect(segnet.parameterBytes).toBe(segnet.parameters * 4);
    expect(segnet.activationBytes).toBeGreaterThan(segnet.parameterBytes / 2);
    expect(vgg.decoders).toHaveLength(5);
  });
});

/** Plain-TS reference of the weighted, void-ignoring cross-entropy. */
function referenceLoss(logits: Float32Array, labels: Int32Array, k: number, weights: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (let p = 0; p < labels.length; p++) {
    const y = labels[p]!;
    if (y >= k) continue;
    const z = logits.subarray(p * k, (p + 1) * k);
    const max = Math.max(...z);
    const logSum = Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
    sum += weights[y]! * (logSum - z[y]!);
    count += 1;
  }
  return sum / Math.max(count, 1);
}

describe('weightedCrossEntropy(logits, labels, classWeights)', () => {
  const rnd = seededRandom(9);
  const logits = Float32Array.from({ length: 2 * 3 * 4 * 11 }, () => 4 * rnd() - 2);
  const labels = Int32Array.from({ length: 2 * 3 * 4 }, () => Math.floor(rnd() * 12)); // includes void (11)

  it('matches the plain-TS reference, ignoring void pixels', () => {
    const loss = weightedCrossEntropy(tf.tensor4d(logits, [2, 3, 4, 11]), tf.tensor3d(labels, [2, 3, 4], 'int32'), TUTORIAL_CLASS_WEIGHTS);
    expect(labels.includes(11)).toBe(true);
    expect(loss.dataSync()[0]).toBeCloseTo(referenceLoss(logits, labels, 11, TUTORIAL_CLASS_WEIGHTS), 4);
  });

  it('ignores negative labels like void', () => {
    const z = tf.tensor4d(logits.slice(0, 4 * 11), [1, 2, 2, 11]);
    const withNegative = weightedCrossEntropy(z, tf.tensor3d([-1, 3, -5, 11], [1, 2, 2], 'int32'));
    const onlyValid = referenceLoss(logits.slice(0, 44), Int32Array.from([11, 3, 11, 11]), 11, Array(11).fill(1));
    expect(withNegative.dataSync()[0]).toBeCloseTo(onlyValid, 5);
  });

  it('is 0 on an all-void image instead of NaN', () => {
    const loss = weightedCrossEntropy(tf.zeros([1, 2, 2, 11]) as tf.Tensor4D, tf.fill([1, 2, 2], 11, 'int32') as tf.Tensor3D);
    expect(loss.dataSync()[0]).toBe(0);
  });

  it('has the numeric gradient', () => {
    const y = tf.tensor3d(labels, [2, 3, 4], 'int32');
    const f = (t: tf.Tensor) => weightedCrossEntropy(t as tf.Tensor4D, y, TUTORIAL_CLASS_WEIGHTS);
    const x = tf.tensor4d(logits, [2, 3, 4, 11]);
    const g = tf.grad(f)(x).dataSync();
    for (const [i, v] of numericGradient(f, x, 1e-2, 7)) expect(g[i]).toBeCloseTo(v, 2);
  });

  it('names a wrong label shape, dtype or weight count', () => {
    const z = tf.zeros([1, 2, 2, 11]) as tf.Tensor4D;
    expect(() => weightedCrossEntropy(z, tf.zeros([1, 2, 3], 'int32') as tf.Tensor3D)).toThrow(/labels shape \[1, 2, 3\] must be \[1, 2, 2\]/);
    expect(() => weightedCrossEntropy(z, tf.zeros([1, 2, 2]) as tf.Tensor3D)).toThrow(/labels must be int32, got float32/);
    expect(() => weightedCrossEntropy(z, tf.zeros([1, 2, 2], 'int32') as tf.Tensor3D, [1, 2])).toThrow(/classWeights has 2 values but logits have 11 classes/);
  });
});

describe('medianFrequencyWeights(frequencies)', () => {
  it('divides the median frequency by each class frequency; absent classes get 0', () => {
    // f = [0.5, 0.1, 0.2, -]: median of present = 0.2 -> weights 0.4, 2, 1, 0
    const w = medianFrequencyWeights({ pixelCounts: [50, 10, 20, 0], imagePixelCounts: [100, 100, 100, 100] });
    expect(w.map((v) => Number(v.toFixed(6)))).toEqual([0.4, 2, 1, 0]);
    expect(() => medianFrequencyWeights({ pixelCounts: [1], imagePixelCounts: [1, 2] })).toThrow(/pixelCounts has 1 classes but imagePixelCounts has 2/);
  });
});
