import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, randInt, shuffleInPlace } from '../../../src/data/rng';

describe('rng', () => {
  it('mulberry32(seed) repeats exactly for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
  });

  it('mulberry32 stays in [0, 1) with a mean near 1/2', () => {
    const rng = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const v = rng();
      expect(v >= 0 && v < 1).toBe(true);
      sum += v;
    }
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.01);
  });

  it('deriveSeed separates salts: ("a", 1) differs from ("a", 2) and from ("b", 1)', () => {
    const s = new Set([deriveSeed(1, 'a', 1), deriveSeed(1, 'a', 2), deriveSeed(1, 'b', 1), deriveSeed(2, 'a', 1)]);
    expect(s.size).toBe(4);
    expect(deriveSeed(1, 'a', 1)).toBe(deriveSeed(1, 'a', 1));
  });

  it('randInt(rng, 2, 4) covers 2, 3 and 4 only; shuffleInPlace is a permutation', () => {
    const rng = mulberry32(3);
    const seen = new Set(Array.from({ length: 200 }, () => randInt(rng, 2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
    const xs = shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), rng);
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('mulberry32 rejects a non-finite seed', () => {
    expect(() => mulberry32(Number.NaN)).toThrow(/seed must be a finite number, got NaN/);
  });
});
