/**
 * Area ("box") resizing of RGB frames, in plain TS. Area averaging is the right reduction for
 * downscaling photos (no aliasing, no ringing from lanczos), and each output pixel averages
 * exactly the source region whose majority label `resizeLabels` gives it.
 */
import { axisTaps, type AxisTaps } from './resample-taps';

/**
 * Resizes an interleaved RGB (3 channels) or grey (1 channel) image by area averaging.
 * @param src srcHeight*srcWidth*channels bytes, row-major.
 */
export function resizeImageArea(
  src: Uint8Array,
  srcHeight: number,
  srcWidth: number,
  dstHeight: number,
  dstWidth: number,
  channels = 3,
): Uint8Array {
  if (src.length !== srcHeight * srcWidth * channels) {
    throw new Error(`resizeImageArea: src has ${src.length} bytes, expected ${srcHeight}*${srcWidth}*${channels}`);
  }
  const tx = axisTaps(srcWidth, dstWidth);
  const ty = axisTaps(srcHeight, dstHeight);
  const mid = horizontalPass(src, srcHeight, srcWidth, dstWidth, channels, tx);
  return verticalPass(mid, dstHeight, dstWidth * channels, ty);
}

/** [srcHeight, srcWidth, C] -> [srcHeight, dstWidth, C] in float, so rounding happens once. */
function horizontalPass(src: Uint8Array, h: number, srcWidth: number, dstWidth: number, channels: number, tx: AxisTaps): Float32Array {
  const mid = new Float32Array(h * dstWidth * channels);
  const { start, length, weights, maxTaps } = tx;
  for (let y = 0; y < h; y++) {
    const row = y * srcWidth * channels;
    for (let x = 0; x < dstWidth; x++) {
      const o = (y * dstWidth + x) * channels;
      const base = row + start[x]! * channels;
      const wBase = x * maxTaps;
      const n = length[x]!;
      if (channels === 3) {
        // The common RGB case, with the channel loop unrolled: this pass dominates an import.
        let r = 0;
        let g = 0;
        let b = 0;
        for (let t = 0, s = base; t < n; t++, s += 3) {
          const w = weights[wBase + t]!;
          r += w * src[s]!;
          g += w * src[s + 1]!;
          b += w * src[s + 2]!;
        }
        mid[o] = r;
        mid[o + 1] = g;
        mid[o + 2] = b;
        continue;
      }
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let t = 0; t < n; t++) sum += weights[wBase + t]! * src[base + t * channels + c]!;
        mid[o + c] = sum;
      }
    }
  }
  return mid;
}

/** [srcHeight, rowLen] -> [dstHeight, rowLen], rounded to the nearest byte. */
function verticalPass(mid: Float32Array, dstHeight: number, rowLen: number, ty: AxisTaps): Uint8Array {
  const out = new Uint8Array(dstHeight * rowLen);
  const { start, length, weights, maxTaps } = ty;
  for (let y = 0; y < dstHeight; y++) {
    const n = length[y]!;
    const wBase = y * maxTaps;
    const first = start[y]! * rowLen;
    const o = y * rowLen;
    for (let i = 0; i < rowLen; i++) {
      let sum = 0;
      for (let t = 0; t < n; t++) sum += weights[wBase + t]! * mid[first + t * rowLen + i]!;
      out[o + i] = sum + 0.5; // Uint8Array truncates; the sum never exceeds 255 (weights sum to 1)
    }
  }
  return out;
}
