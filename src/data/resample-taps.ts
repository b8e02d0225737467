/**
 * Area resampling along one axis. Output pixel i covers the source interval
 * [i*s, (i+1)*s), s = srcSize/dstSize; each source pixel contributes its overlap with that
 * interval. Downscaling by 2 averages pairs; upscaling reduces to nearest neighbour with a
 * blend at the seams.
 */

/** The source pixels feeding each output pixel, with their overlap weights (summing to 1). */
export interface AxisTaps {
  /** First source index of output i. */
  start: Int32Array;
  /** Number of source pixels of output i. */
  length: Int32Array;
  /** Weights, `maxTaps` per output pixel (unused slots are 0). */
  weights: Float64Array;
  maxTaps: number;
}

/** Precomputes the taps that map `srcSize` pixels onto `dstSize`. */
export function axisTaps(srcSize: number, dstSize: number): AxisTaps {
  if (!Number.isInteger(srcSize) || srcSize < 1) throw new Error(`axisTaps: srcSize must be a positive integer, got ${srcSize}`);
  if (!Number.isInteger(dstSize) || dstSize < 1) throw new Error(`axisTaps: dstSize must be a positive integer, got ${dstSize}`);
  const scale = srcSize / dstSize;
  const maxTaps = Math.ceil(scale) + 1;
  const start = new Int32Array(dstSize);
  const length = new Int32Array(dstSize);
  const weights = new Float64Array(dstSize * maxTaps);
  for (let i = 0; i < dstSize; i++) {
    const lo = i * scale;
    const hi = Math.min(srcSize, (i + 1) * scale);
    const first = Math.floor(lo);
    let n = 0;
    for (let s = first; s < hi && n < maxTaps; s++) {
      const overlap = Math.min(hi, s + 1) - Math.max(lo, s);
      if (overlap <= 1e-12) continue;
      if (n === 0) start[i] = s;
      weights[i * maxTaps + n] = overlap / (hi - lo);
      n++;
    }
    length[i] = n;
  }
  return { start, length, weights, maxTaps };
}
