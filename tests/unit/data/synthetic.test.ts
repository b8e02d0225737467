import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardChecksum } from '../../../src/data/checksum';
import { labelToRgba } from '../../../src/data/palette';
import { mulberry32 } from '../../../src/data/rng';
import { generateScene } from '../../../src/data/synthetic/generate-scene';
import {
  SYNTHETIC_GENERATOR_VERSION,
  generateSyntheticDataset,
  generateSyntheticSplit,
  syntheticExample,
  type SyntheticOptions,
} from '../../../src/data/synthetic/synthetic-dataset';
import { syntheticDatasetIsCurrent, writeSyntheticDataset } from '../../../src/data/synthetic/write-synthetic';
import { loadDatasetFromDir } from '../../../src/data/load-node';
import type { SplitData } from '../../../src/data/types';
import { makeTempDir, removeDir } from './helpers/temp-dir';

const small: SyntheticOptions = { height: 48, width: 64, seed: 1 };

function histogram(labels: Uint8Array): number[] {
  const h = new Array<number>(12).fill(0);
  for (const l of labels) h[l]!++;
  return h.map((n) => n / labels.length);
}

describe('synthetic scenes', () => {
  let train: SplitData;
  beforeAll(() => {
    train = generateSyntheticSplit('train', 16, { height: 96, width: 128, seed: 1 });
  });

  it('syntheticExample(split, n, options) is deterministic per seed and differs across seeds, scenes and splits', () => {
    const a = syntheticExample('train', 3, small);
    expect(syntheticExample('train', 3, small)).toEqual(a);
    expect(syntheticExample('train', 3, { ...small, seed: 2 }).image).not.toEqual(a.image);
    expect(syntheticExample('train', 4, small).image).not.toEqual(a.image);
    expect(syntheticExample('val', 3, small).image).not.toEqual(a.image);
    expect(generateScene(mulberry32(9), 40, 50)).toEqual(generateScene(mulberry32(9), 40, 50));
  });

  it('generator version 2 draws train scene 0 (48x64, seed 1) with pinned checksums', () => {
    // A tripwire: when the generator draws other pixels, bump SYNTHETIC_GENERATOR_VERSION (so
    // `npm run data:ensure` regenerates public/data/synthetic-*) and update both pins together.
    const ex = syntheticExample('train', 0, small);
    expect(SYNTHETIC_GENERATOR_VERSION).toBe(2);
    expect([shardChecksum(ex.image), shardChecksum(ex.labels)]).toEqual(['fnv1a32:0c72d62e', 'fnv1a32:9b84bc19']);
  });

  it('16 scenes at 96x128 show all 11 classes (seeds 1 and 2)', () => {
    for (const split of [train, generateSyntheticSplit('train', 16, { height: 96, width: 128, seed: 2 })]) {
      const present = new Set(split.labels);
      for (let c = 0; c <= 10; c++) expect(present.has(c), `class ${c} with seed ${split === train ? 1 : 2}`).toBe(true);
    }
  });

  it('uses labels 0..11 only, with a little void and class frequencies of a street', () => {
    expect(train.labels.reduce((m, v) => Math.max(m, v), 0)).toBeLessThanOrEqual(11);
    const h = histogram(train.labels);
    expect(h[11]).toBeGreaterThan(0);
    expect(h[11]).toBeLessThan(0.05);
    expect(h[3]).toBeGreaterThan(0.15); // road
    expect(h[1]).toBeGreaterThan(0.1); // buildings
    expect(h[0]).toBeGreaterThan(0.05); // sky
    for (const c of [2, 6, 9, 10]) expect(h[c]).toBeLessThan(0.05); // small things stay small
  });

  it('draws textured photos, not palette maps: a nearest-mean-colour classifier stays below 60% accuracy', () => {
    const px = 96 * 128;
    const sums = Array.from({ length: 11 }, () => [0, 0, 0, 0]);
    for (let p = 0; p < 12 * px; p++) {
      const l = train.labels[p]!;
      if (l < 11) for (let c = 0; c < 4; c++) sums[l]![c]! += c < 3 ? train.images[p * 3 + c]! : 1;
    }
    const means = sums.map((s) => [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!]);
    let right = 0;
    let total = 0;
    for (let p = 12 * px; p < 16 * px; p++) {
      const l = train.labels[p]!;
      if (l === 11) continue;
      let best = 0;
      let bestD = Infinity;
      means.forEach((m, k) => {
        const d = (train.images[p * 3]! - m[0]!) ** 2 + (train.images[p * 3 + 1]! - m[1]!) ** 2 + (train.images[p * 3 + 2]! - m[2]!) ** 2;
        if (d < bestD) [best, bestD] = [k, d];
      });
      right += best === l ? 1 : 0;
      total++;
    }
    expect(right / total).toBeLessThan(0.6);
    const first = train.images.subarray(0, px * 3);
    const paletteImage = labelToRgba(train.labels.subarray(0, px), 128, 96).filter((_, i) => i % 4 !== 3);
    expect(first).not.toEqual(Uint8Array.from(paletteImage));
  });

  it('draws the same scene at any size: class histograms at 48x64 and 96x128 agree', () => {
    for (let n = 0; n < 3; n++) {
      const big = histogram(syntheticExample('val', n, { height: 96, width: 128, seed: 4 }).labels);
      const tiny = histogram(syntheticExample('val', n, { height: 48, width: 64, seed: 4 }).labels);
      const l1 = big.reduce((s, v, c) => s + Math.abs(v - tiny[c]!), 0);
      expect(l1).toBeLessThan(0.1);
    }
  });

  it('generateSyntheticDataset builds splits and a manifest with weights from train', () => {
    const ds = generateSyntheticDataset({ height: 24, width: 32, seed: 3, counts: { train: 4, val: 2 } });
    expect(Object.keys(ds.splits)).toEqual(['train', 'val']);
    expect(ds.splits.train!.images).toHaveLength(4 * 24 * 32 * 3);
    expect(ds.manifest.name).toBe('synthetic-24x32');
    expect(ds.manifest.splits.val).toEqual({ count: 2, shards: [] });
    expect(ds.manifest.medianFrequencyWeights).toHaveLength(11);
    expect(ds.manifest.source).toMatchObject({ kind: 'synthetic', seed: 3, counts: { train: 4, val: 2 } });
  });

  it('validates sizes and counts, naming the parameter', () => {
    expect(() => generateScene(mulberry32(1), 4, 64)).toThrow(/height must be an integer in 8..4096, got 4/);
    expect(() => generateSyntheticSplit('train', 0, small)).toThrow(/count of split "train" must be an integer in 1..100000, got 0/);
  });
});

describe('writeSyntheticDataset', () => {
  let out: string;
  beforeAll(async () => {
    out = await makeTempDir();
  });
  afterAll(() => removeDir(out));

  it('writes what generateSyntheticDataset makes, and syntheticDatasetIsCurrent tells when to regenerate', async () => {
    const options = { outDir: out, height: 24, width: 32, seed: 8, counts: { train: 3, val: 1, test: 1 } };
    expect(await syntheticDatasetIsCurrent(options)).toBe(false);
    const { dir } = await writeSyntheticDataset(options);
    const loaded = await loadDatasetFromDir(dir);
    expect(loaded.splits).toEqual(generateSyntheticDataset(options).splits);
    expect(await syntheticDatasetIsCurrent(options)).toBe(true);
    expect(await syntheticDatasetIsCurrent({ ...options, seed: 9 })).toBe(false);
    expect(await syntheticDatasetIsCurrent({ ...options, counts: { train: 4, val: 1, test: 1 } })).toBe(false);
    await unlink(join(dir, 'val-000.bin'));
    expect(await syntheticDatasetIsCurrent(options)).toBe(false);
  });
});
