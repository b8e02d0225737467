/** Heat maps of feature values: viridis from 0 (or a map's minimum, dark purple) to a shared maximum (yellow). */
import { interpolateViridis } from 'd3-scale-chromatic';

let lut: Uint8Array | null = null;

/** 256 RGB entries of viridis, built once. */
export function viridisLut(): Uint8Array {
  if (!lut) {
    lut = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) {
      const hex = interpolateViridis(i / 255); // "#rrggbb"
      for (let k = 0; k < 3; k++) lut[i * 3 + k] = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
    }
  }
  return lut;
}

/** RGBA of a map on the scale [min, max] (min 0 unless given); values outside are clamped. */
export function heatmapRgba(values: ArrayLike<number>, max: number, min = 0): Uint8ClampedArray {
  const colours = viridisLut();
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const t = max > min ? Math.min(1, Math.max(0, (values[i]! - min) / (max - min))) : 0;
    const j = Math.round(t * 255) * 3;
    out[i * 4] = colours[j]!;
    out[i * 4 + 1] = colours[j + 1]!;
    out[i * 4 + 2] = colours[j + 2]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** A width x 1 strip of the scale, for the colour bar. */
export function scaleStrip(width = 128): Uint8ClampedArray {
  return heatmapRgba(Array.from({ length: width }, (_, i) => i / (width - 1)), 1);
}

/** Smallest value over several maps (0 when all are empty or non-negative). */
export function sharedMin(maps: readonly ArrayLike<number>[]): number {
  let min = 0;
  for (const m of maps) for (let i = 0; i < m.length; i++) if (m[i]! < min) min = m[i]!;
  return min;
}

/** Largest value over several maps (0 when all are empty or non-positive). */
export function sharedMax(maps: readonly ArrayLike<number>[]): number {
  let max = 0;
  for (const m of maps) for (let i = 0; i < m.length; i++) if (m[i]! > max) max = m[i]!;
  return max;
}
