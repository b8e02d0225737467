/**
 * Colour helpers for the synthetic scenes. Colours are packed 0xRRGGBB integers while
 * rasterising (no per-pixel allocation), and Rgb triples while planning.
 */
import { hash32 } from '../rng';
import type { Rgb } from '../palette';

/**
 * A channel value as a byte: rounded to the nearest integer and clamped to 0..255. Storing a
 * fraction straight into a Uint8Array would truncate it (and wrap values outside 0..255).
 */
export function toByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

/** Packs a colour, clamping each channel to 0..255. */
export function pack(r: number, g: number, b: number): number {
  return (toByte(r) << 16) | (toByte(g) << 8) | toByte(b);
}

/** Packs an Rgb triple. */
export function packRgb(c: Rgb): number {
  return pack(c[0], c[1], c[2]);
}

/** Linear mix a*(1-t) + b*t. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Each channel times k. */
export function scale(c: Rgb, k: number): Rgb {
  return [c[0] * k, c[1] * k, c[2] * k];
}

/** A deterministic per-pixel number in [0, 1): texture grain that costs no RNG draws. */
export function grain(x: number, y: number, seed: number): number {
  return hash32((x * 73856093) ^ (y * 19349663) ^ seed) / 4294967296;
}

/**
 * Smooth value noise in [0, 1): lattice values every `cell` pixels, bilinearly blended.
 * Used for low-frequency variation (stains, cloud cover, leaf clumps).
 */
export function valueNoise(x: number, y: number, cell: number, seed: number): number {
  const fx = x / cell;
  const fy = y / cell;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const tx = fx - ix;
  const ty = fy - iy;
  const sx = tx * tx * (3 - 2 * tx);
  const sy = ty * ty * (3 - 2 * ty);
  const a = grain(ix, iy, seed);
  const b = grain(ix + 1, iy, seed);
  const c = grain(ix, iy + 1, seed);
  const d = grain(ix + 1, iy + 1, seed);
  return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
}

/** A paint function: the packed colour of pixel (x, y), or -1 to leave it untouched. */
export type Shader = (x: number, y: number) => number;

/** The fractional part, in [0, 1) also for negative values (repeating patterns in world units). */
export function frac(v: number): number {
  return v - Math.floor(v);
}
