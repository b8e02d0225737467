import { describe, expect, it } from 'vitest';
import { toByte } from '../../../src/data/synthetic/color';
import { soften } from '../../../src/data/synthetic/finish';
import { SceneRaster } from '../../../src/data/synthetic/raster';

/** A raster of 1 row whose pixels are grey levels `greys`. */
function greyRow(greys: number[]): SceneRaster {
  const raster = new SceneRaster(greys.length, 1);
  greys.forEach((g, i) => raster.rgb.fill(g, i * 3, i * 3 + 3));
  return raster;
}

describe('synthetic rasters round to the nearest byte (no truncation, no darkening)', () => {
  it('toByte(v) rounds and clamps to 0..255', () => {
    expect([-3, 0.49, 0.5, 2.7, 254.6, 300].map(toByte)).toEqual([0, 0, 1, 3, 255, 255]);
  });

  it('soften(raster [0, 255], 0.5) gives [64, 191]: 63.75 rounds up, 191.25 down', () => {
    // Horizontal 3-tap means of [0, 255] are both 127.5; one row, so no vertical neighbours.
    const raster = greyRow([0, 255]);
    soften(raster, 0.5);
    expect([...raster.rgb]).toEqual([64, 64, 64, 191, 191, 191]);
  });

  it('soften(raster, a) equals the rounded blend of each pixel with its 3x3 mean (plain-TS reference)', () => {
    const greys = [10, 0, 5, 200, 13, 7, 255];
    const raster = greyRow(greys);
    soften(raster, 0.3);
    const mean = (i: number): number => {
      const near = greys.slice(Math.max(0, i - 1), i + 2);
      return near.reduce((a, b) => a + b, 0) / near.length;
    };
    const expected = greys.map((g, i) => Math.round(g * 0.7 + mean(i) * 0.3));
    expect([...raster.rgb].filter((_, k) => k % 3 === 0)).toEqual(expected);
  });

  it('SceneRaster.darken(square, 0.9) turns 3 into 3 (2.7 rounded), not 2', () => {
    const raster = greyRow([3, 100]);
    raster.darken([0, 0, 1, 0, 1, 1, 0, 1], 0.9);
    expect([...raster.rgb]).toEqual([3, 3, 3, 100, 100, 100]);
  });
});
