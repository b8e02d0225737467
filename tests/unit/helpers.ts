/** Test helpers: the cpu backend, seeded random data, grid <-> tensor, numeric gradients. */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../src/data/rng';
import { makeGrid, type Grid } from '../../src/segnet/core';

export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** A seeded PRNG (the project's mulberry32), so every test input is reproducible. */
export const seededRandom = mulberry32;

export function randomGrid(shape: [number, number, number, number], seed: number, lo = -1, hi = 1): Grid {
  const rnd = seededRandom(seed);
  const g = makeGrid(shape);
  for (let i = 0; i < g.data.length; i++) g.data[i] = lo + (hi - lo) * rnd();
  return g;
}

export function toTensor(g: Grid): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from(g.data), g.shape);
}

export function toGrid(t: tf.Tensor): Grid {
  return makeGrid(t.shape as [number, number, number, number], t.dataSync());
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/**
 * Central-difference gradient of a scalar function of one tensor, evaluated at `x`,
 * for a subset of coordinates (every `every`-th), in float32.
 */
export function numericGradient(f: (x: tf.Tensor) => tf.Scalar, x: tf.Tensor, eps = 1e-2, every = 1): Map<number, number> {
  const base = x.dataSync().slice();
  const out = new Map<number, number>();
  for (let i = 0; i < base.length; i += every) {
    const eval1 = (d: number) =>
      tf.tidy(() => {
        const v = base.slice();
        v[i] = v[i]! + d;
        return f(tf.tensor(v, x.shape)).dataSync()[0]!;
      });
    out.set(i, (eval1(eps) - eval1(-eps)) / (2 * eps));
  }
  return out;
}
