/**
 * Seeded pseudo-random numbers. Everything random in src/data (scene generation, shuffling,
 * augmentation) takes an injected `Rng`, so a seed reproduces a dataset or an epoch exactly.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a tiny 32-bit generator (Tommy Ettinger), fast and good enough for data
 * generation; not for cryptography.
 */
export function mulberry32(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`mulberry32: seed must be a finite number, got ${seed}`);
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed derived from a base seed and a list of salts (numbers or strings), so that
 * independent streams (per split, per scene, per epoch) do not depend on each other's length.
 */
export function deriveSeed(seed: number, ...salts: Array<number | string>): number {
  let h = hash32((seed >>> 0) ^ 0x9e3779b9);
  for (const salt of salts) {
    if (typeof salt === 'number') {
      h = hash32(h ^ hash32(salt >>> 0));
    } else {
      for (let i = 0; i < salt.length; i++) h = hash32(h ^ salt.charCodeAt(i));
    }
  }
  return h;
}

/** A 32-bit integer hash (lowbias32 by Chris Wellons): well mixed, cheap per pixel. */
export function hash32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** A uniform integer in [lo, hi] (both inclusive). */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** One element of a non-empty list, chosen uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: items must not be empty');
  return items[Math.floor(rng() * items.length)]!;
}

/** Fisher-Yates shuffle in place; returns the same array. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}
