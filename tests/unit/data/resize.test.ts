import { describe, expect, it } from 'vitest';
import { axisTaps } from '../../../src/data/resample-taps';
import { resizeImageArea } from '../../../src/data/resize-image';
import { resizeLabels } from '../../../src/data/resize-labels';
import { mulberry32, randInt } from '../../../src/data/rng';

function randomBytes(n: number, seed: number, max = 255): Uint8Array {
  const rng = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => randInt(rng, 0, max));
}

describe('resizeImageArea', () => {
  it('resizeImageArea(img, 4, 4, 2, 2) averages each 2x2 block', () => {
    const src = randomBytes(4 * 4 * 3, 1);
    const out = resizeImageArea(src, 4, 4, 2, 2);
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 2; x++) {
        for (let c = 0; c < 3; c++) {
          const at = (yy: number, xx: number): number => src[(yy * 4 + xx) * 3 + c]!;
          const mean = (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) / 4;
          expect(Math.abs(out[(y * 2 + x) * 3 + c]! - mean)).toBeLessThanOrEqual(0.5 + 1e-6);
        }
      }
    }
  });

  it('keeps a constant image constant and the mean of a random one (360x480 -> 180x240, 96x128)', () => {
    expect(new Set(resizeImageArea(new Uint8Array(30 * 40 * 3).fill(77), 30, 40, 17, 23)).size).toBe(1);
    const src = randomBytes(360 * 480 * 3, 2);
    const mean = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    for (const [h, w] of [[180, 240], [96, 128]] as const) {
      expect(Math.abs(mean(resizeImageArea(src, 360, 480, h, w)) - mean(src))).toBeLessThan(0.6);
    }
  });

  it('is the identity at the same size', () => {
    const src = randomBytes(5 * 7 * 3, 3);
    expect(resizeImageArea(src, 5, 7, 5, 7)).toEqual(src);
  });

  it('axisTaps weights sum to 1 for down- and upscaling', () => {
    for (const [s, d] of [[480, 128], [360, 96], [7, 3], [3, 7]] as const) {
      const t = axisTaps(s, d);
      for (let i = 0; i < d; i++) {
        let sum = 0;
        for (let k = 0; k < t.length[i]!; k++) sum += t.weights[i * t.maxTaps + k]!;
        expect(sum).toBeCloseTo(1, 9);
      }
    }
  });
});

/** The labels of the source pixels overlapping output pixel (x, y). */
function regionLabels(src: Uint8Array, sh: number, sw: number, dh: number, dw: number, y: number, x: number): Set<number> {
  const set = new Set<number>();
  const y0 = Math.floor((y * sh) / dh);
  const y1 = Math.ceil(((y + 1) * sh) / dh);
  const x0 = Math.floor((x * sw) / dw);
  const x1 = Math.ceil(((x + 1) * sw) / dw);
  for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) set.add(src[yy * sw + xx]!);
  return set;
}

describe('resizeLabels', () => {
  it('never invents a class: every output label occurs in its source region (random grids, many ratios)', () => {
    const rng = mulberry32(11);
    for (let trial = 0; trial < 60; trial++) {
      const sh = randInt(rng, 1, 40);
      const sw = randInt(rng, 1, 40);
      const dh = randInt(rng, 1, 40);
      const dw = randInt(rng, 1, 40);
      const src = randomBytes(sh * sw, trial, 11);
      const out = resizeLabels(src, sh, sw, dh, dw);
      for (let y = 0; y < dh; y++) {
        for (let x = 0; x < dw; x++) {
          expect(regionLabels(src, sh, sw, dh, dw, y, x).has(out[y * dw + x]!)).toBe(true);
        }
      }
    }
  });

  it('takes the majority of each 2x2 block: [5,5 / 5,2] -> 5', () => {
    expect([...resizeLabels(Uint8Array.from([5, 5, 5, 2]), 2, 2, 1, 1)]).toEqual([5]);
    expect([...resizeLabels(Uint8Array.from([1, 4, 4, 4, 4, 9, 9, 0, 3]), 3, 3, 1, 1)]).toEqual([4]);
  });

  it('breaks a tie towards the centre pixel when it is among the tied labels', () => {
    // 2x2 -> 1x1: the centre (1, 1) is the bottom-right pixel.
    expect([...resizeLabels(Uint8Array.from([3, 7, 3, 7]), 2, 2, 1, 1)]).toEqual([7]);
    // 4x1 -> 1x1: the centre is row 2.
    expect([...resizeLabels(Uint8Array.from([4, 4, 11, 11]), 4, 1, 1, 1)]).toEqual([11]);
    expect([...resizeLabels(Uint8Array.from([11, 2, 2, 11]), 4, 1, 1, 1)]).toEqual([2]);
  });

  it('otherwise breaks a tie towards the smaller label, so a class beats void (11)', () => {
    // 5x1 -> 1x1: the centre (row 2) holds a label with a single vote.
    expect([...resizeLabels(Uint8Array.from([8, 8, 7, 3, 3]), 5, 1, 1, 1)]).toEqual([3]);
    expect([...resizeLabels(Uint8Array.from([11, 11, 7, 4, 4]), 5, 1, 1, 1)]).toEqual([4]);
  });

  it('upscales by nearest neighbour (2x: each label becomes a 2x2 block)', () => {
    const src = randomBytes(3 * 4, 5, 11);
    const out = resizeLabels(src, 3, 4, 6, 8);
    for (let y = 0; y < 6; y++) for (let x = 0; x < 8; x++) expect(out[y * 8 + x]).toBe(src[Math.floor(y / 2) * 4 + Math.floor(x / 2)]);
  });

  it('rejects a src whose length does not match its size', () => {
    expect(() => resizeLabels(new Uint8Array(5), 2, 2, 1, 1)).toThrow(/src has 5 labels, expected 2\*2/);
  });
});
