import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { augmentInto } from '../../../src/data/augment';
import { assembleBatch, epochBatches } from '../../../src/data/batch-assembly';
import { batchesPerEpoch, iterateBatches, type Batch } from '../../../src/data/batches';
import { mulberry32, randInt } from '../../../src/data/rng';
import type { SplitData } from '../../../src/data/types';
import { randomSplit } from './helpers/random-split';

/**
 * A split whose pixels spell out where they came from: R = label * 20, G = source column,
 * B = source row. After any flip or crop, each pixel must still carry its own label.
 */
function coordinateSplit(count: number, height: number, width: number): SplitData {
  const rng = mulberry32(1);
  const px = height * width;
  const labels = Uint8Array.from({ length: count * px }, () => randInt(rng, 0, 11));
  const images = new Uint8Array(count * px * 3);
  for (let p = 0; p < count * px; p++) {
    images[p * 3] = labels[p]! * 20;
    images[p * 3 + 1] = p % width;
    images[p * 3 + 2] = Math.floor((p % px) / width);
  }
  return { name: 'coords', count, height, width, images, labels };
}

describe('augmentation (uint8, before tensors)', () => {
  const split = coordinateSplit(4, 20, 30);

  it('flip and crop keep every label on its own pixel, and cut one contiguous window', () => {
    const rng = mulberry32(5);
    const h = 12;
    const w = 16;
    const dst = { images: new Uint8Array(h * w * 3), labels: new Uint8Array(h * w) };
    let flips = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = trial % 4;
      augmentInto(split, n, { flip: true, crop: { height: h, width: w } }, rng, dst, 0);
      const x0 = dst.images[1]!;
      const flipped = dst.images[4]! < x0; // pixel 1's source column
      flips += flipped ? 1 : 0;
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          const d = r * w + c;
          const sx = dst.images[d * 3 + 1]!;
          const sy = dst.images[d * 3 + 2]!;
          expect(dst.images[d * 3]).toBe(dst.labels[d]! * 20);
          expect(dst.labels[d]).toBe(split.labels[n * 600 + sy * 30 + sx]);
          expect(sy).toBe(dst.images[2]! + r);
          expect(sx).toBe(flipped ? x0 - c : x0 + c);
        }
      }
    }
    expect(flips).toBeGreaterThan(5);
    expect(flips).toBeLessThan(35);
  });

  it('colour jitter changes the image monotonically and leaves labels untouched', () => {
    const s = randomSplit('s', 1, 10, 10, 3);
    const dst = { images: new Uint8Array(300), labels: new Uint8Array(100) };
    augmentInto(s, 0, { colorJitter: 0.2 }, mulberry32(2), dst, 0);
    expect(dst.labels).toEqual(s.labels);
    expect(dst.images).not.toEqual(s.images);
    for (let c = 0; c < 3; c++) {
      const pairs = Array.from({ length: 100 }, (_, p) => [s.images[p * 3 + c]!, dst.images[p * 3 + c]!] as const).sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < pairs.length; k++) expect(pairs[k]![1]).toBeGreaterThanOrEqual(pairs[k - 1]![1]);
    }
  });
});

describe('epoch order', () => {
  const split = randomSplit('train', 10, 2, 2, 1);

  it('epochBatches is reproducible per (seed, epoch), new per epoch, and visits each example once', () => {
    const a = epochBatches(split, { batchSize: 3, seed: 7, epoch: 0 });
    expect(epochBatches(split, { batchSize: 3, seed: 7, epoch: 0 })).toEqual(a);
    expect(epochBatches(split, { batchSize: 3, seed: 7, epoch: 1 })).not.toEqual(a);
    expect(epochBatches(split, { batchSize: 3, seed: 8, epoch: 0 })).not.toEqual(a);
    expect(a).toHaveLength(3);
    expect(a.every((b) => b.length === 3)).toBe(true);
    expect(new Set(a.flat()).size).toBe(9);
    const all = epochBatches(split, { batchSize: 3, seed: 7, dropLast: false });
    expect(all.map((b) => b.length)).toEqual([3, 3, 3, 1]);
    expect(all.flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epochBatches(split, { batchSize: 4, seed: 1, shuffle: false }).flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(batchesPerEpoch(10, 3)).toBe(3);
    expect(batchesPerEpoch(10, 3, false)).toBe(4);
  });

  it('epochBatches(split, { skip: k }) is the tail of the full epoch from batch k', () => {
    const full = epochBatches(split, { batchSize: 3, seed: 7, epoch: 2, dropLast: false });
    for (let k = 0; k <= full.length; k++) {
      expect(epochBatches(split, { batchSize: 3, seed: 7, epoch: 2, dropLast: false, skip: k })).toEqual(full.slice(k));
    }
  });

  it('validates options, naming the parameter and value', () => {
    expect(() => epochBatches(split, { batchSize: 0, seed: 1 })).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => epochBatches(split, { batchSize: 11, seed: 1 })).toThrow(/batchSize 11 exceeds the 10 examples of split "train"/);
    expect(() => epochBatches(split, { batchSize: 2, seed: 1, epoch: -1 })).toThrow(/epoch must be a non-negative integer, got -1/);
    expect(() => epochBatches(split, { batchSize: 3, seed: 1, skip: 4 })).toThrow(/skip must be an integer in 0..3 \(batches per epoch\), got 4/);
    expect(() => epochBatches(split, { batchSize: 3, seed: 1, skip: 1.5 })).toThrow(/skip must be an integer in 0..3 \(batches per epoch\), got 1.5/);
    expect(() => assembleBatch(split, [10], {}, mulberry32(1))).toThrow(/index 10 is outside split "train"/);
  });
});

describe('iterateBatches (TF.js tensors)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const split = coordinateSplit(6, 10, 12);

  it('yields [B, H, W, 3] float32 in [0, 1] and [B, H, W] int32, matching the split without augmentation', () => {
    const batches = [...iterateBatches(split, { batchSize: 2, seed: 1, shuffle: false })];
    expect(batches).toHaveLength(3);
    const first = batches[0]!;
    expect(first.images.shape).toEqual([2, 10, 12, 3]);
    expect(first.images.dtype).toBe('float32');
    expect(first.labels.shape).toEqual([2, 10, 12]);
    expect(first.labels.dtype).toBe('int32');
    const pixels = first.images.dataSync();
    for (let i = 0; i < pixels.length; i++) expect(pixels[i]).toBeCloseTo(split.images[i]! / 255, 6);
    expect([...first.labels.dataSync()]).toEqual([...split.labels.subarray(0, 240)]);
    for (const b of batches) tf.dispose([b.images, b.labels]);
  });

  it('crops set the batch shape, and the same seed and epoch give identical augmented batches', () => {
    const options = { batchSize: 3, seed: 4, epoch: 2, augment: { flip: true, crop: { height: 8, width: 8 }, colorJitter: 0.1 } };
    const a = [...iterateBatches(split, options)];
    const b = [...iterateBatches(split, options)];
    expect(a[0]!.images.shape).toEqual([3, 8, 8, 3]);
    a.forEach((batch, k) => {
      expect(batch.indices).toEqual(b[k]!.indices);
      expect(batch.images.dataSync()).toEqual(b[k]!.images.dataSync());
      expect(batch.labels.dataSync()).toEqual(b[k]!.labels.dataSync());
    });
    for (const batch of [...a, ...b]) tf.dispose([batch.images, batch.labels]);
  });

  it('iterateBatches(split, { skip: k }) yields exactly batches k.. of the full epoch, augmentation on', () => {
    const options = { batchSize: 2, seed: 9, epoch: 3, augment: { flip: true, crop: { height: 6, width: 7 }, colorJitter: 0.2 } };
    const arrays = (batches: Batch[]) =>
      batches.map((b) => {
        const out = { indices: b.indices, images: [...b.images.dataSync()], labels: [...b.labels.dataSync()] };
        tf.dispose([b.images, b.labels]);
        return out;
      });
    const full = arrays([...iterateBatches(split, options)]);
    expect(full).toHaveLength(3);
    for (let k = 1; k <= 3; k++) expect(arrays([...iterateBatches(split, { ...options, skip: k })])).toEqual(full.slice(k));
  });

  it('leaks no tensors: tf.memory().numTensors is unchanged after three epochs of disposed batches', () => {
    const before = tf.memory().numTensors;
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const batch of iterateBatches(split, { batchSize: 2, seed: 1, epoch, augment: { flip: true } })) {
        expect(tf.memory().numTensors).toBe(before + 2);
        tf.dispose([batch.images, batch.labels]);
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a crop larger than the frame when called, not at the first batch', () => {
    expect(() => iterateBatches(split, { batchSize: 2, seed: 1, augment: { crop: { height: 11, width: 8 } } })).toThrow(
      /augment.crop.height must be an integer in 1..10 for split "coords", got 11/,
    );
    expect(() => iterateBatches(split, { batchSize: 2, seed: 1, augment: { colorJitter: 1.5 } })).toThrow(/colorJitter must be in \[0, 1\), got 1.5/);
    const dst = { images: new Uint8Array(360), labels: new Uint8Array(120) };
    expect(() => augmentInto(split, 0, { colorJitter: -0.1 }, mulberry32(1), dst, 0)).toThrow(/augment.colorJitter must be in \[0, 1\), got -0.1/);
  });
});
