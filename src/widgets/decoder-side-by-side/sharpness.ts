/**
 * How sharp an upsampled feature map is, and how far it is from the encoder's map before
 * pooling (the map every upsampler tries to get back to). Plain arrays, H x W row-major.
 *
 * Edge energy E(m) = mean over pixels of |grad m|, with |grad m| = sqrt(dx^2 + dy^2) and
 * forward differences dx = m[y][x+1] - m[y][x], dy = m[y+1][x] - m[y][x] (0 on the last
 * column and row). A map that changes abruptly between neighbours has a high E; a smooth one
 * a low E. Each method reports E(method) / E(before pooling): above 1, sharper (or noisier)
 * than the original; below 1, blurrier.
 *
 * Error = root-mean-square difference from the map before pooling, divided by that map's
 * range (max - min), so 0 is a perfect reconstruction and the number does not depend on the
 * channel's scale.
 */

export interface UpsamplingScores {
  /** E(method) / E(before pooling); NaN when the original is constant. */
  relativeEdgeEnergy: number;
  /** RMS difference from the original over its range; NaN when the original is constant. */
  relativeError: number;
  /** Share of values that are exactly zero. */
  zeroShare: number;
}

/** Mean gradient magnitude of an H x W map (forward differences). */
export function edgeEnergy(map: ArrayLike<number>, height: number, width: number): number {
  if (map.length !== height * width) throw new Error(`edgeEnergy: ${height}x${width} needs ${height * width} values, got ${map.length}`);
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const dx = x + 1 < width ? map[i + 1]! - map[i]! : 0;
      const dy = y + 1 < height ? map[i + width]! - map[i]! : 0;
      sum += Math.sqrt(dx * dx + dy * dy);
    }
  }
  return sum / (height * width);
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

/** Scores of `map` against the original `reference`, both H x W. */
export function upsamplingScores(map: ArrayLike<number>, reference: ArrayLike<number>, height: number, width: number): UpsamplingScores {
  if (map.length !== reference.length) throw new Error(`upsamplingScores: map has ${map.length} values, reference ${reference.length}`);
  const base = edgeEnergy(reference, height, width);
  const span = range(reference);
  let squared = 0;
  let zeros = 0;
  for (let i = 0; i < map.length; i++) {
    const d = map[i]! - reference[i]!;
    squared += d * d;
    if (map[i] === 0) zeros++;
  }
  return {
    relativeEdgeEnergy: base > 0 ? edgeEnergy(map, height, width) / base : NaN,
    relativeError: span > 0 ? Math.sqrt(squared / map.length) / span : NaN,
    zeroShare: map.length > 0 ? zeros / map.length : 0,
  };
}
