import { describe, expect, it } from 'vitest';
import { mulberry32, type SplitData } from '../../../../src/data';
import { resizeSplit } from '../../../../src/data';
import { headOfSplit } from '../../../../src/widgets/training-studio/data-prep';

/** Two 8x12 frames of blocky labels (with void) and noisy pixels. */
function split(): SplitData {
  const rnd = mulberry32(7);
  const h = 8;
  const w = 12;
  const labels = new Uint8Array(2 * h * w);
  for (let n = 0; n < 2; n++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) labels[(n * h + y) * w + x] = [3, 5, 11, 8][(Math.floor(y / 3) + Math.floor(x / 5) + n) % 4]!;
  const images = Uint8Array.from({ length: 2 * h * w * 3 }, () => Math.floor(rnd() * 256));
  return { name: 'val', count: 2, height: h, width: w, images, labels };
}

describe('resizeSplit(split, height, width)', () => {
  it('halves images by area averaging: each pixel is the rounded mean of its 2x2 source block', () => {
    const s = split();
    const half = resizeSplit(s, 4, 6);
    expect([half.count, half.height, half.width, half.images.length, half.labels.length]).toEqual([2, 4, 6, 2 * 4 * 6 * 3, 2 * 4 * 6]);
    const src = (n: number, y: number, x: number, c: number) => s.images[((n * 8 + y) * 12 + x) * 3 + c]!;
    for (const [n, y, x, c] of [[0, 0, 0, 0], [1, 3, 5, 2], [0, 2, 4, 1]] as const) {
      const mean = (src(n, 2 * y, 2 * x, c) + src(n, 2 * y, 2 * x + 1, c) + src(n, 2 * y + 1, 2 * x, c) + src(n, 2 * y + 1, 2 * x + 1, c)) / 4;
      expect(Math.abs(half.images[((n * 4 + y) * 6 + x) * 3 + c]! - mean)).toBeLessThanOrEqual(0.5);
    }
  });

  it('never invents a class: every label comes from its own 2x2 source block', () => {
    const s = split();
    const half = resizeSplit(s, 4, 6);
    for (let n = 0; n < 2; n++)
      for (let y = 0; y < 4; y++)
        for (let x = 0; x < 6; x++) {
          const block = [0, 1, 2, 3].map((k) => s.labels[(n * 8 + 2 * y + (k >> 1)) * 12 + 2 * x + (k & 1)]!);
          expect(block).toContain(half.labels[(n * 4 + y) * 6 + x]!);
        }
  });

  it('returns the split itself at its own size, and headOfSplit keeps the first examples', () => {
    const s = split();
    expect(resizeSplit(s, 8, 12)).toBe(s);
    const head = headOfSplit(s, 1);
    expect(head.count).toBe(1);
    expect([...head.labels]).toEqual([...s.labels.subarray(0, 96)]);
    expect(headOfSplit(s, 5).count).toBe(2);
  });
});
