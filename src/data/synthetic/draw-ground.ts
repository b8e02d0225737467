/** Sky and ground: the layers every pixel starts from (Sky, Road, Pavement). */
import { CLASS } from './classes';
import { groundDepth, worldX } from './camera';
import { frac, grain, mix, pack, valueNoise } from './color';
import { lightAt, type DrawContext } from './draw-context';
import type { Rgb } from '../palette';
import type { StreetPlan } from './scene-plan';

const CLOUD: Rgb = [238, 238, 240];

/** Paints the sky down to the horizon (the ground covers the rest): a gradient with value-noise clouds. */
export function drawSky(ctx: DrawContext): void {
  const { raster, cam } = ctx;
  const { top, bottom, cloudiness, seed } = ctx.plan.sky;
  const cell = raster.width / 5;
  const rows = Math.min(raster.height, Math.ceil(cam.horizon + 1));
  for (let j = 0; j < rows; j++) {
    const base = mix(top, bottom, Math.min(1, (j + 0.5) / Math.max(cam.horizon, 1)));
    for (let i = 0; i < raster.width; i++) {
      let cover = 0;
      if (cloudiness > 0) {
        const n = 0.65 * valueNoise(i, j * 2, cell, seed) + 0.35 * valueNoise(i, j * 2, cell / 3, seed + 1);
        cover = Math.max(0, Math.min(1, (n - (1 - cloudiness)) * 3)) * 0.9;
      }
      const g = (grain(i, j, seed) - 0.5) * 4;
      const r = base[0] + (CLOUD[0] - base[0]) * cover + g;
      const gg = base[1] + (CLOUD[1] - base[1]) * cover + g;
      const b = base[2] + (CLOUD[2] - base[2]) * cover + g;
      raster.put(i, j, CLASS.sky, pack(r, gg, b));
    }
  }
}

/** Lane lines, edge lines and zebra stripes: paint on the road (still class Road). */
function isMarking(street: StreetPlan, x: number, z: number): boolean {
  const ax = Math.abs(x);
  const laneWidth = street.roadHalf / street.lanesPerSide;
  if (ax > street.roadHalf - 0.38 && ax < street.roadHalf - 0.24) return true;
  if (street.crossingZ !== null && z > street.crossingZ && z < street.crossingZ + 3.2) {
    return Math.floor((x + street.roadHalf) / 0.55) % 2 === 0 && ax < street.roadHalf - 0.5;
  }
  const dashed = frac(z / 9) < 0.45;
  if (street.lanesPerSide === 1) return ax < 0.07 && dashed;
  if (ax > 0.05 && ax < 0.17) return true; // double centre line
  for (let k = 1; k < street.lanesPerSide; k++) if (Math.abs(ax - k * laneWidth) < 0.07 && dashed) return true;
  return false;
}

/** Label of the ground at (x, z); its colour goes to `out`. */
function groundColor(ctx: DrawContext, x: number, z: number, i: number, j: number, out: number[]): number {
  const { street } = ctx.plan;
  const ax = Math.abs(x);
  const stain = valueNoise(x * 2 + 1000, z * 2, 3, street.seed) - 0.5;
  if (ax < street.roadHalf) {
    const c = isMarking(street, x, z) ? street.marking : street.asphalt;
    for (let k = 0; k < 3; k++) out[k] = c[k]! + stain * 24;
    return CLASS.road;
  }
  const slab = frac(x / 0.9) < 0.06 || frac(z / 0.9) < 0.06 ? 0.8 : 1;
  const kerb = ax < street.roadHalf + 0.22 ? 1.18 : 1;
  const k = slab * kerb * (1 + stain * 0.12) + (grain(i, j, street.seed) - 0.5) * 0.02;
  for (let c = 0; c < 3; c++) out[c] = street.paving[c]! * k;
  return CLASS.pavement;
}

/** Paints everything below the horizon as road or pavement, with lane marks, slabs and shade. */
export function drawGround(ctx: DrawContext): void {
  const { raster, cam } = ctx;
  const { seed } = ctx.plan.street;
  const { hazeColor, hazeDistance } = ctx.plan.lighting;
  const color = [0, 0, 0];
  const first = Math.max(0, Math.floor(cam.horizon + 0.5));
  for (let j = first; j < raster.height; j++) {
    const yc = j + 0.5;
    if (yc <= cam.horizon + 0.25) continue;
    const z = groundDepth(cam, yc);
    const haze = 1 - Math.exp(-z / hazeDistance);
    for (let i = 0; i < raster.width; i++) {
      const x = worldX(cam, i + 0.5, z);
      const label = groundColor(ctx, x, z, i, j, color);
      const lit = lightAt(ctx, x) * (1 - haze);
      const g = (grain(i, j, seed) - 0.5) * 14;
      raster.put(i, j, label, pack(color[0]! * lit + hazeColor[0] * haze + g, color[1]! * lit + hazeColor[1] * haze + g, color[2]! * lit + hazeColor[2] * haze + g));
    }
  }
}
