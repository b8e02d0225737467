import { describe, expect, it } from 'vitest';
import { CAMVID_NUM_CLASSES } from '../../../../src/data';
import type { Segmentation } from '../../../../src/segnet/core';
import { classAt, pixelSentence, pointerPixel } from '../../../../src/widgets/own-image/probe';

/** A 2 x 3 prediction whose pixel i has label i with probability 0.4 + 0.1 * i. */
function segmentation(): Segmentation {
  const k = CAMVID_NUM_CLASSES;
  const probabilities = new Float32Array(6 * k);
  for (let i = 0; i < 6; i++) {
    for (let c = 0; c < k; c++) probabilities[i * k + c] = (0.6 - 0.1 * i) / (k - 1);
    probabilities[i * k + i] = 0.4 + 0.1 * i;
  }
  return { height: 2, width: 3, numClasses: k, labels: Uint8Array.from([0, 1, 2, 3, 4, 5]), probabilities };
}

describe('classAt', () => {
  it('classAt(seg, 2, 1) reads row 1, column 2: the sixth pixel', () => {
    const c = classAt(segmentation(), 2, 1);
    expect(c).toMatchObject({ x: 2, y: 1, label: 5, name: 'Tree' });
    expect(c.probability).toBeCloseTo(0.9, 6);
  });

  it('classAt(seg, 0, 0) reads the first pixel, and row-major order holds', () => {
    expect(classAt(segmentation(), 0, 0)).toMatchObject({ label: 0, name: 'Sky' });
    expect(classAt(segmentation(), 0, 1).label).toBe(3);
    expect(classAt(segmentation(), 1, 0).label).toBe(1);
  });

  it('classAt(seg, 3, 0) is outside and says so', () => {
    expect(() => classAt(segmentation(), 3, 0)).toThrow('classAt: pixel (3, 0) is outside the 3 x 2 prediction');
    expect(() => classAt(segmentation(), 0, -1)).toThrow('outside');
  });

  it('pixelSentence rounds the probability to a percentage', () => {
    expect(pixelSentence(classAt(segmentation(), 1, 1))).toBe('Pixel (row 1, column 1): Pavement, 80% probable.');
  });
});

describe('pointerPixel', () => {
  const box = { left: 100, top: 50, width: 512, height: 384 }; // 128 x 96 drawn 4 times larger

  it('maps the pointer to the grid pixel under it', () => {
    expect(pointerPixel(100, 50, box, 128, 96)).toEqual({ x: 0, y: 0 });
    expect(pointerPixel(103.9, 53.9, box, 128, 96)).toEqual({ x: 0, y: 0 });
    expect(pointerPixel(104, 54, box, 128, 96)).toEqual({ x: 1, y: 1 });
    expect(pointerPixel(611.9, 433.9, box, 128, 96)).toEqual({ x: 127, y: 95 });
  });

  it('is null outside the box or for an empty box', () => {
    expect(pointerPixel(99, 60, box, 128, 96)).toBeNull();
    expect(pointerPixel(612, 60, box, 128, 96)).toBeNull();
    expect(pointerPixel(200, 434, box, 128, 96)).toBeNull();
    expect(pointerPixel(0, 0, { left: 0, top: 0, width: 0, height: 0 }, 128, 96)).toBeNull();
  });
});
