/**
 * Sample street pictures for the own-image widget: synthetic scenes rendered at a photo's size
 * with supersampling (drawn at `supersample` times the size, then area-averaged down), so that
 * edges are anti-aliased and the sensor noise is fine-grained as in a photo. They come from the
 * site's own generator, so the site may ship them (no third-party rights; see
 * public/samples/LICENSE.md). Their seeds are salted with "sample", so no sample is a frame of
 * the synthetic train, val or test splits.
 */
import { resizeImageArea } from '../resize-image';
import { deriveSeed, mulberry32 } from '../rng';
import type { Example } from '../types';
import { generateScene } from './generate-scene';

export interface StreetSampleOptions {
  height: number;
  width: number;
  /** Drawn at this multiple of the size, then area-averaged down (1 = no supersampling). */
  supersample?: number;
}

/** Sample `seed` as an RGB picture with its labels (labels are taken from the full-size drawing's centre samples). */
export function streetSample(seed: number, { height, width, supersample = 3 }: StreetSampleOptions): Example {
  if (!Number.isInteger(supersample) || supersample < 1 || supersample > 4) {
    throw new Error(`streetSample: supersample must be an integer in 1..4, got ${supersample}`);
  }
  const rng = mulberry32(deriveSeed(seed, 'sample'));
  const big = generateScene(rng, height * supersample, width * supersample);
  if (supersample === 1) return big;
  const image = resizeImageArea(big.image, height * supersample, width * supersample, height, width);
  const labels = new Uint8Array(height * width);
  const mid = Math.floor(supersample / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) labels[y * width + x] = big.labels[(y * supersample + mid) * width * supersample + x * supersample + mid]!;
  }
  return { image, labels };
}
