import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { epochSource, iterateBatches } from '../../../src/data/batches';

import type { SplitData } from '../../../src/data/types';
import { seededRandom, useCpu } from '../helpers';

beforeAll(useCpu);

function split(count: number, h: number, w: number): SplitData {
  const rnd = seededRandom(9);
  return {
    name: 'train', count, height: h, width: w,
    images: Uint8Array.from({ length: count * h * w * 3 }, () => Math.floor(rnd() * 256)),
    labels: Uint8Array.from({ length: count * h * w }, () => Math.floor(rnd() * 12)),
  };
}

describe('epochSource(split, options) (src/data/batches.ts)', () => {
  it('resumes an augmented epoch on the very batches an uninterrupted run sees', async () => {
    const data = split(7, 4, 6);
    const augment = { flip: true, colorJitter: 0.2 };
    const full = [...iterateBatches(data, { batchSize: 2, seed: 4, epoch: 3, augment })];
    const resumed = [...(epochSource(data, { batchSize: 2, seed: 4, augment })(3, 1) as Iterable<{ images: tf.Tensor; labels: tf.Tensor }>)];
    expect(resumed).toHaveLength(full.length - 1);
    resumed.forEach((b, i) => {
      expect(Array.from(b.images.dataSync())).toEqual(Array.from(full[i + 1]!.images.dataSync()));
      expect(Array.from(b.labels.dataSync())).toEqual(Array.from(full[i + 1]!.labels.dataSync()));
    });
    tf.dispose([...full.flatMap((b) => [b.images, b.labels]), ...resumed.flatMap((b) => [b.images, b.labels])]);
  });

  it('names a bad augmentation before the first batch', () => {
    expect(() => epochSource(split(2, 4, 4), { batchSize: 1, seed: 1, augment: { colorJitter: 2 } })).toThrow(/augment.colorJitter must be in \[0, 1\), got 2/);
  });
});
