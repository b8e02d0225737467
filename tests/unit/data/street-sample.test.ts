import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { streetSample } from '../../../src/data/synthetic/street-sample';
import { syntheticExample } from '../../../src/data/synthetic/synthetic-dataset';
import { parseSampleManifest } from '../../../src/data/sample-manifest';

describe('streetSample', () => {
  it('draws the same street for the same seed, a different one for another, at the size asked', () => {
    const a = streetSample(3, { height: 36, width: 48 });
    const b = streetSample(3, { height: 36, width: 48 });
    const c = streetSample(4, { height: 36, width: 48 });
    expect(a.image.length).toBe(36 * 48 * 3);
    expect(a.labels.length).toBe(36 * 48);
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
    expect(Buffer.from(a.image).equals(Buffer.from(c.image))).toBe(false);
  });

  it('is no frame of the synthetic splits of the same seed', () => {
    const sample = streetSample(1, { height: 24, width: 32, supersample: 1 });
    for (const split of ['train', 'val', 'test']) {
      expect(Buffer.from(sample.image).equals(Buffer.from(syntheticExample(split, 1, { height: 24, width: 32, seed: 1 }).image))).toBe(false);
    }
  });

  it('supersampling smooths jagged edges and coarse noise: less pixel-to-pixel change, same scene', () => {
    const plain = streetSample(5, { height: 60, width: 80, supersample: 1 });
    const smooth = streetSample(5, { height: 60, width: 80, supersample: 3 });
    /** Mean absolute difference between horizontal neighbours, over all channels. */
    const roughness = (rgb: Uint8Array): number => {
      let sum = 0;
      for (let p = 3; p < rgb.length; p++) if (Math.floor(p / 3) % 80 >= 1) sum += Math.abs(rgb[p]! - rgb[p - 3]!);
      return sum / rgb.length;
    };
    expect(roughness(smooth.image)).toBeLessThan(0.9 * roughness(plain.image));
    // Mostly the same labels (the same scene), differing only along edges.
    const same = plain.labels.filter((l, i) => l === smooth.labels[i]).length;
    expect(same / plain.labels.length).toBeGreaterThan(0.9);
  });

  it('refuses a supersampling factor out of range, naming it', () => {
    expect(() => streetSample(1, { height: 8, width: 8, supersample: 0 })).toThrow(/supersample must be an integer in 1..4, got 0/);
  });
});

describe('the shipped samples (public/samples)', () => {
  const dir = 'public/samples';
  it('have a valid manifest, pictures of its size, and a licence', async () => {
    const manifest = parseSampleManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    expect(manifest.samples.length).toBeGreaterThanOrEqual(3);
    for (const s of manifest.samples) {
      const meta = await sharp(join(dir, s.file)).metadata();
      expect([meta.format, meta.height, meta.width]).toEqual(['jpeg', manifest.height, manifest.width]);
      expect(existsSync(join(dir, s.thumb))).toBe(true);
    }
    expect(readFileSync(join(dir, 'LICENSE.md'), 'utf8')).toContain('CC0 1.0');
  });

  it('reject a manifest with a bad entry, naming it', () => {
    expect(() => parseSampleManifest({ height: 1, width: 1, samples: [{ seed: 1, file: '../x.jpg', thumb: 't.jpg' }] })).toThrow(/sample 1 needs/);
    expect(() => parseSampleManifest({ height: 0, width: 1, samples: [] })).toThrow(/height must be a positive integer/);
  });
});
