import { describe, expect, it } from 'vitest';
import { centreCrop, cropWarning, describeCrop, fitScale, scaleRect } from '../../../../src/widgets/own-image/geometry';

describe('centreCrop', () => {
  it('centreCrop(1600, 900, 128, 96) cuts the sides of a wide picture to 4:3', () => {
    expect(centreCrop(1600, 900, 128, 96)).toEqual({ x: 200, y: 0, width: 1200, height: 900 });
  });

  it('centreCrop(900, 1600, 128, 96) cuts top and bottom of a portrait picture', () => {
    // 900 / (4/3) = 675 rows, centred: (1600 - 675) / 2 = 462.5 -> 462
    expect(centreCrop(900, 1600, 128, 96)).toEqual({ x: 0, y: 462, width: 900, height: 675 });
  });

  it('keeps a picture that already has the aspect ratio whole', () => {
    expect(centreCrop(640, 480, 128, 96)).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(centreCrop(128, 96, 128, 96)).toEqual({ x: 0, y: 0, width: 128, height: 96 });
  });

  it('always returns a region inside the picture with the target aspect (within a pixel)', () => {
    for (const [w, h] of [[1, 1], [3, 1000], [1000, 3], [4032, 3024], [1080, 1920], [333, 777]] as const) {
      const c = centreCrop(w, h, 128, 96);
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.y).toBeGreaterThanOrEqual(0);
      expect(c.x + c.width).toBeLessThanOrEqual(w);
      expect(c.y + c.height).toBeLessThanOrEqual(h);
      expect(c.width === w || c.height === h).toBe(true);
      if (c.width > 10 && c.height > 10) expect(Math.abs(c.width * 96 - c.height * 128)).toBeLessThanOrEqual(128);
      // centred: the margins on either side differ by at most one pixel
      expect(Math.abs(w - c.width - 2 * c.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(h - c.height - 2 * c.y)).toBeLessThanOrEqual(1);
    }
  });

  it('centreCrop(0, 10, 128, 96) names the bad argument', () => {
    expect(() => centreCrop(0, 10, 128, 96)).toThrow('centreCrop: width must be a positive number, got 0');
    expect(() => centreCrop(10, 10, 128, Number.NaN)).toThrow('targetHeight must be a positive number, got NaN');
  });
});

describe('describeCrop', () => {
  it('says which edges were cut and the sizes involved', () => {
    expect(describeCrop(1600, 900, centreCrop(1600, 900, 128, 96), 128, 96)).toBe(
      'The network sees the outlined centre, 900 × 1200 of 900 × 1600 pixels (the left and right edges are cut off), scaled to 96 × 128.',
    );
    expect(describeCrop(900, 1600, centreCrop(900, 1600, 128, 96), 128, 96)).toContain('the top and bottom edges are cut off');
    expect(describeCrop(640, 480, centreCrop(640, 480, 128, 96), 128, 96)).toBe('The whole picture (480 × 640 pixels) is used, scaled to 96 × 128.');
  });
});

describe('fitScale and scaleRect', () => {
  it('fits inside the box without enlarging', () => {
    expect(fitScale(1600, 900, 320, 240)).toBe(0.2);
    expect(fitScale(900, 1600, 320, 240)).toBe(0.15);
    expect(fitScale(100, 50, 320, 240)).toBe(1);
  });

  it('scales every side of a rectangle', () => {
    expect(scaleRect({ x: 200, y: 0, width: 1200, height: 900 }, 0.2)).toEqual({ x: 40, y: 0, width: 240, height: 180 });
  });
});

describe('cropWarning(width, height, crop, 128, 96)', () => {
  it('warns for a 1 x 5000 strip (a 1 x 1 centre, enlarged) and a small picture, and not for an ordinary photo', () => {
    const warn = (w: number, h: number) => cropWarning(w, h, centreCrop(w, h, 128, 96), 128, 96);
    expect(warn(1, 5000)).toBe('Note: it is far taller than 4:3, so only 1% of it is used (a 1 × 1 centre, enlarged 128 times to 96 × 128: expect a blur the network was never trained on).');
    expect(warn(20, 15)).toBe('Note: it is small (a 15 × 20 centre, enlarged 6 times to 96 × 128: expect a blur the network was never trained on).');
    expect(warn(4000, 500)).toBe('Note: it is far wider than 4:3, so only 17% of it is used (a 500 × 667 centre).');
    expect(warn(4032, 3024)).toBeNull();
    expect(warn(1080, 1920)).toBeNull();
  });
});
