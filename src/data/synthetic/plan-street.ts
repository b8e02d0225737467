/** Planning the fixed parts of a street: camera, light, sky, road, facades, skyline, fences. */
import { chance, pick, randInt, uniform, type Rng } from '../rng';
import type { Rgb } from '../palette';
import type { CameraPlan } from './camera';
import type { BuildingPlan, FacadePlan, FencePlan, LightingPlan, SkyPlan, SkylinePlan, StreetPlan } from './scene-plan';

/** A colour near `base`: each channel moved by up to +-amount. */
export function jitter(rng: Rng, base: Rgb, amount: number): Rgb {
  return [base[0] + uniform(rng, -amount, amount), base[1] + uniform(rng, -amount, amount), base[2] + uniform(rng, -amount, amount)];
}

/** A 32-bit seed for hash-based texture. */
export function textureSeed(rng: Rng): number {
  return Math.floor(rng() * 4294967296) >>> 0;
}

const WALLS: readonly Rgb[] = [
  [150, 70, 55], [175, 95, 70], [200, 185, 160], [160, 160, 155], [225, 220, 205],
  [120, 110, 100], [190, 150, 90], [95, 90, 95], [170, 130, 120], [210, 200, 180],
];
const LEAVES: readonly Rgb[] = [[60, 95, 40], [85, 115, 45], [45, 75, 40], [110, 120, 50], [70, 100, 60]];

/** A camera riding in a lane of the street. */
export function planCamera(rng: Rng, street: StreetPlan): CameraPlan {
  const laneWidth = street.roadHalf / street.lanesPerSide;
  return {
    lateral: (chance(rng, 0.5) ? -1 : 1) * laneWidth * uniform(rng, 0.3, 0.7),
    focalFrac: uniform(rng, 0.7, 0.95),
    horizonFrac: uniform(rng, 0.36, 0.5),
    cxFrac: uniform(rng, 0.4, 0.6),
    eyeHeight: uniform(rng, 1.2, 1.7),
  };
}

export function planLighting(rng: Rng, overcast: boolean): LightingPlan {
  const warm = uniform(rng, -0.08, 0.08);
  return {
    exposure: uniform(rng, 0.75, 1.2),
    tint: [1 + warm, 1, 1 - warm],
    hazeColor: overcast ? jitter(rng, [185, 188, 192], 10) : jitter(rng, [175, 190, 210], 12),
    hazeDistance: uniform(rng, 120, 500),
    shadeSide: chance(rng, 0.5) ? -1 : 1,
    shadeReach: overcast ? 0 : uniform(rng, 0, 12),
    sensorNoise: uniform(rng, 2, 8),
    softness: uniform(rng, 0.2, 0.6),
  };
}

export function planSky(rng: Rng, overcast: boolean): SkyPlan {
  const top: Rgb = overcast ? jitter(rng, [165, 170, 178], 15) : jitter(rng, [85, 135, 205], 20);
  return {
    top,
    bottom: overcast ? jitter(rng, [205, 208, 212], 12) : jitter(rng, [185, 205, 228], 15),
    cloudiness: overcast ? uniform(rng, 0.1, 0.3) : uniform(rng, 0, 0.8),
    seed: textureSeed(rng),
  };
}

export function planStreet(rng: Rng): StreetPlan {
  const roadHalf = uniform(rng, 3.2, 7.5);
  return {
    roadHalf,
    lanesPerSide: roadHalf > 5.5 ? 2 : 1,
    pavementLeft: uniform(rng, 1.5, 4.5),
    pavementRight: uniform(rng, 1.5, 4.5),
    asphalt: jitter(rng, [88, 88, 92], 14),
    paving: jitter(rng, pick(rng, [[150, 145, 140], [170, 160, 150], [150, 120, 110], [130, 132, 135]] as Rgb[]), 10),
    marking: jitter(rng, [225, 225, 215], 12),
    crossingZ: chance(rng, 0.3) ? uniform(rng, 8, 30) : null,
    seed: textureSeed(rng),
  };
}

function planBuilding(rng: Rng, z0: number, z1: number): BuildingPlan {
  const floorHeight = uniform(rng, 2.8, 3.6);
  return {
    z0,
    z1,
    height: floorHeight * randInt(rng, 2, 8) + uniform(rng, 0, 1.5),
    wall: jitter(rng, pick(rng, WALLS), 14),
    window: jitter(rng, pick(rng, [[45, 55, 70], [70, 85, 100], [35, 40, 45]] as Rgb[]), 10),
    brightWindows: uniform(rng, 0, 0.35),
    floorHeight,
    bayWidth: uniform(rng, 2.2, 4),
    shopfront: chance(rng, 0.5),
    seed: textureSeed(rng),
  };
}

/** Buildings along one side of the street; gaps between them show what lies behind. */
export function planFacade(rng: Rng, x: number, farZ: number): FacadePlan {
  const buildings: BuildingPlan[] = [];
  let z = uniform(rng, 0.5, 4);
  while (z < farZ) {
    const length = uniform(rng, 8, 32);
    if (chance(rng, 0.12)) {
      z += uniform(rng, 5, 15);
      continue;
    }
    buildings.push(planBuilding(rng, z, Math.min(z + length, farZ)));
    z += length;
  }
  return { x, buildings };
}

/** A row of blocks closing the view at the end of the street (or null: open sky). */
export function planSkyline(rng: Rng, farZ: number): SkylinePlan | null {
  if (!chance(rng, 0.7)) return null;
  const blocks: SkylinePlan['blocks'] = [];
  let x = -farZ * 0.6;
  while (x < farZ * 0.6) {
    const w = uniform(rng, 10, 40);
    blocks.push({ x0: x, x1: x + w, height: uniform(rng, 6, 35), wall: jitter(rng, pick(rng, WALLS), 14) });
    x += w;
  }
  return { z: farZ, blocks };
}

/** Fences along the pavement's outer edge or the kerb. */
export function planFences(rng: Rng, street: StreetPlan): FencePlan[] {
  const fences: FencePlan[] = [];
  const n = chance(rng, 0.6) ? randInt(rng, 1, 2) : 0;
  for (let k = 0; k < n; k++) {
    const side = chance(rng, 0.5) ? -1 : 1;
    const pavement = side < 0 ? street.pavementLeft : street.pavementRight;
    const atKerb = chance(rng, 0.35);
    const z0 = uniform(rng, 3, 25);
    const railings = chance(rng, 0.6);
    fences.push({
      x: side * (street.roadHalf + (atKerb ? 0.25 : pavement - 0.15)),
      z0,
      z1: z0 + uniform(rng, 8, 60),
      height: uniform(rng, 0.9, 1.6),
      color: jitter(rng, pick(rng, [[70, 75, 80], [110, 90, 70], [150, 150, 145], [40, 60, 45]] as Rgb[]), 10),
      style: railings ? 'railings' : 'panels',
      spacing: railings ? uniform(rng, 0.12, 0.2) : uniform(rng, 1.5, 2.5),
    });
  }
  return fences;
}

/** Leaf colours shared by trees and bushes. */
export function leafColor(rng: Rng): Rgb {
  return jitter(rng, pick(rng, LEAVES), 12);
}
