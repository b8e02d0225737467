/**
 * How close a map brought back from a pooled one is to the map before pooling (the map every
 * upsampler tries to get back to). Plain arrays, H x W row-major; each measure is defined in
 * the widget's caption in the same words:
 *
 * - Error = root-mean-square difference from the map before pooling, divided by that map's
 *   range (max - min): 0 is a perfect copy, and the number does not depend on the channel's
 *   scale. It rewards getting every value about right, so a dense, smooth guess beats a map
 *   that is exact in a quarter of the pixels and 0 elsewhere.
 * - Maxima in place = share of the 2 x 2 pooling windows in which the map's largest value is
 *   at the pixel that held the window's maximum before pooling (the recorded index; ties
 *   count as in place). It asks whether *where* things were survived, which error does not.
 * - Zeros = share of values that are exactly 0 (how sparse the map is).
 */

export interface UpsamplingScores {
  /** RMS difference from the original over its range; NaN when the original is constant. */
  relativeError: number;
  /** Share of pooling windows whose maximum stays where it was; NaN with no window. */
  maximaInPlace: number;
  /** Share of values that are exactly zero. */
  zeroShare: number;
}

/** The pooled grid and its window positions (0..3 = 2 * dy + dx), h x w. */
export interface PoolingWindows {
  height: number;
  width: number;
  indices: ArrayLike<number>;
}

function range(map: ArrayLike<number>): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < map.length; i++) {
    min = Math.min(min, map[i]!);
    max = Math.max(max, map[i]!);
  }
  return max - min;
}

/** Share of values exactly 0 (0 for an empty map). */
export function zeroShare(map: ArrayLike<number>): number {
  let zeros = 0;
  for (let i = 0; i < map.length; i++) if (map[i] === 0) zeros++;
  return map.length > 0 ? zeros / map.length : 0;
}

/** Share of 2 x 2 windows of an H x W map whose largest value is at the window's recorded maximum. */
export function maximaInPlace(map: ArrayLike<number>, height: number, width: number, windows: PoolingWindows): number {
  if (map.length !== height * width) throw new Error(`maximaInPlace: ${height}x${width} needs ${height * width} values, got ${map.length}`);
  if (windows.indices.length !== windows.height * windows.width) {
    throw new Error(`maximaInPlace: ${windows.height}x${windows.width} windows need ${windows.height * windows.width} indices, got ${windows.indices.length}`);
  }
  let inPlace = 0;
  for (let i = 0; i < windows.height; i++) {
    for (let j = 0; j < windows.width; j++) {
      const k = windows.indices[i * windows.width + j]!;
      const at = (2 * i + (k >> 1)) * width + 2 * j + (k & 1);
      let largest = -Infinity;
      for (let dy = 0; dy < 2 && 2 * i + dy < height; dy++) {
        for (let dx = 0; dx < 2 && 2 * j + dx < width; dx++) largest = Math.max(largest, map[(2 * i + dy) * width + 2 * j + dx]!);
      }
      if (map[at]! >= largest) inPlace++;
    }
  }
  const count = windows.height * windows.width;
  return count > 0 ? inPlace / count : NaN;
}

/** Scores of `map` against the original `reference`, both H x W, with the pooling's windows. */
export function upsamplingScores(map: ArrayLike<number>, reference: ArrayLike<number>, height: number, width: number, windows: PoolingWindows): UpsamplingScores {
  if (map.length !== reference.length) throw new Error(`upsamplingScores: map has ${map.length} values, reference ${reference.length}`);
  const span = range(reference);
  let squared = 0;
  for (let i = 0; i < map.length; i++) {
    const d = map[i]! - reference[i]!;
    squared += d * d;
  }
  return {
    relativeError: span > 0 ? Math.sqrt(squared / map.length) / span : NaN,
    maximaInPlace: maximaInPlace(map, height, width, windows),
    zeroShare: zeroShare(map),
  };
}
