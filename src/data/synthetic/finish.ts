/**
 * The camera's last touches after painting: void borders around things, lens softness,
 * exposure and white balance, vignetting and sensor noise. Only the void borders change labels.
 */
import { CLASS } from './classes';
import { grain, toByte } from './color';
import type { SceneRaster } from './raster';
import type { LightingPlan } from './scene-plan';

const THINGS = new Set<number>([CLASS.car, CLASS.pedestrian, CLASS.bicyclist]);

/**
 * Marks background pixels touching a car, person or cyclist as void: annotators leave such
 * seams unlabelled, and the model must learn that void is ignored, not a class.
 */
export function addVoidBorders(raster: SceneRaster): void {
  const { width, height, labels } = raster;
  const mark = new Uint8Array(labels.length);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const p = j * width + i;
      if (!THINGS.has(labels[p]!)) continue;
      for (const q of [p - 1, p + 1, p - width, p + width]) {
        const sameRow = q === p - 1 ? i > 0 : q === p + 1 ? i < width - 1 : q >= 0 && q < labels.length;
        if (sameRow && !THINGS.has(labels[q]!)) mark[q] = 1;
      }
    }
  }
  for (let p = 0; p < labels.length; p++) if (mark[p]) labels[p] = CLASS.void;
}

/** The mean of a value and its existing neighbours at offsets -step and +step. */
function mean3(a: ArrayLike<number>, p: number, step: number, hasPrev: boolean, hasNext: boolean): number {
  let sum = a[p]!;
  let n = 1;
  if (hasPrev) {
    sum += a[p - step]!;
    n++;
  }
  if (hasNext) {
    sum += a[p + step]!;
    n++;
  }
  return sum / n;
}

/**
 * Blends each pixel with its 3x3 mean (separable), by `amount` in 0..1: real lenses never
 * draw perfectly hard edges. Results are rounded to the nearest byte.
 */
export function soften(raster: SceneRaster, amount: number): void {
  const { width, height, rgb } = raster;
  const row = width * 3;
  const horiz = new Float32Array(rgb.length);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const p = j * row + i * 3;
      for (let c = 0; c < 3; c++) horiz[p + c] = mean3(rgb, p + c, 3, i > 0, i < width - 1);
    }
  }
  for (let j = 0; j < height; j++) {
    for (let p = j * row; p < (j + 1) * row; p++) {
      rgb[p] = toByte(rgb[p]! * (1 - amount) + mean3(horiz, p, row, j > 0, j < height - 1) * amount);
    }
  }
}

/** Exposure, white balance, vignetting and sensor noise. */
function expose(raster: SceneRaster, light: LightingPlan, seed: number): void {
  const { width, height, rgb } = raster;
  const cx = width / 2;
  const cy = height / 2;
  const r2 = cx * cx + cy * cy;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const vignette = 1 - 0.25 * (((i - cx) ** 2 + (j - cy) ** 2) / r2);
      for (let c = 0; c < 3; c++) {
        const p = (j * width + i) * 3 + c;
        const noise = (grain(i, j, seed + c) + grain(j, i, seed - c) - 1) * light.sensorNoise;
        const v = rgb[p]! * light.exposure * light.tint[c]! * vignette + noise;
        rgb[p] = toByte(v);
      }
    }
  }
}

/** Applies the finishing passes in camera order. */
export function finishScene(raster: SceneRaster, light: LightingPlan, voidBorders: boolean, seed: number): void {
  if (voidBorders) addVoidBorders(raster);
  soften(raster, light.softness);
  expose(raster, light, seed);
}
