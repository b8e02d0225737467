/** Seeded 16 x 16 frames for the decoder comparison's tests on the cpu backend. */
import type { SplitData } from '../../../../src/data';
import { seededRandom } from '../../helpers';

export const SIZE = 16;

/** A split of `count` seeded frames whose labels follow the image (so there is something to learn). */
export function tinySplit(count: number, seed: number, name = 'tiny', size = SIZE): SplitData {
  const rnd = seededRandom(seed);
  const px = size * size;
  const images = new Uint8Array(count * px * 3);
  const labels = new Uint8Array(count * px);
  for (let i = 0; i < count * px; i++) {
    const c = Math.floor(rnd() * 4);
    labels[i] = c;
    images.set([c * 60, 255 - c * 60, Math.floor(rnd() * 255)], i * 3);
  }
  return { name, count, height: size, width: size, images, labels };
}
