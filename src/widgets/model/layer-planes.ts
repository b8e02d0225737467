/** Reading single channels out of a layer's H*W*C values (channel axis last). */

/** One channel of an H*W*C array, as H*W values. */
export function channelPlane(values: Float32Array | Int32Array, channels: number, c: number): Float32Array {
  if (!Number.isInteger(c) || c < 0 || c >= channels) throw new Error(`channelPlane: channel must be in 0..${channels - 1}, got ${c}`);
  const n = values.length / channels;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i * channels + c]!;
  return out;
}

/** Index (0-based) of the channel whose map has the largest variance (ties: the first). */
export function mostVariedChannel(values: Float32Array, channels: number): number {
  let best = 0;
  let bestVariance = -1;
  for (let c = 0; c < channels; c++) {
    const plane = channelPlane(values, channels, c);
    const mean = plane.reduce((a, v) => a + v, 0) / plane.length;
    const variance = plane.reduce((a, v) => a + (v - mean) ** 2, 0) / plane.length;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = c;
    }
  }
  return best;
}
