/**
 * Vertical planes along the street (building facades, fences) and the skyline closing it.
 * A facade is drawn column by column: column x sees the plane at a single depth Z, which
 * fixes the wall's top and bottom rows and the window pattern's position along the street.
 */
import { CLASS } from './classes';
import { planeDepth, projectX, projectY } from './camera';
import { frac, grain, pack, scale } from './color';
import { hazed, type DrawContext } from './draw-context';
import type { BuildingPlan, FacadePlan, FencePlan } from './scene-plan';
import type { Rgb } from '../palette';

/** A building's colours, computed once rather than per pixel. */
interface FacadeColors {
  wall: Rgb;
  ledge: Rgb;
  corner: Rgb;
  shopGlass: Rgb;
  shopFrame: Rgb;
  window: Rgb;
  bright: Rgb;
}

function facadeColors(b: BuildingPlan): FacadeColors {
  return {
    wall: b.wall,
    ledge: scale(b.wall, 0.72),
    corner: scale(b.wall, 0.8),
    shopGlass: scale(b.window, 0.8),
    shopFrame: scale(b.wall, 0.7),
    window: b.window,
    bright: [200, 205, 190],
  };
}

/** The wall colour at distance `along` the building and height `y` above the ground. */
function facadeColor(b: BuildingPlan, k: FacadeColors, along: number, y: number): Rgb {
  const inBay = frac(along / b.bayWidth);
  if (y > b.height - 0.45) return k.ledge;
  if (along < 0.15 || b.z1 - b.z0 - along < 0.15) return k.corner;
  if (b.shopfront && y < b.floorHeight * 0.85) return inBay > 0.1 && inBay < 0.9 && y > 0.3 ? k.shopGlass : k.shopFrame;
  const floor = Math.floor(y / b.floorHeight);
  const inFloor = frac(y / b.floorHeight);
  const isWindow = floor >= 1 && inBay > 0.25 && inBay < 0.75 && inFloor > 0.3 && inFloor < 0.8;
  if (!isWindow) return k.wall;
  return grain(Math.floor(along / b.bayWidth), floor, b.seed) < b.brightWindows ? k.bright : k.window;
}

/** Draws one side's buildings (class Building). */
export function drawFacade(ctx: DrawContext, facade: FacadePlan): void {
  const { raster, cam } = ctx;
  const { shadeSide, hazeColor, hazeDistance } = ctx.plan.lighting;
  const light = Math.sign(facade.x) === shadeSide ? 0.66 : 1.05;
  const colors = new Map(facade.buildings.map((b) => [b, facadeColors(b)]));
  for (let i = 0; i < raster.width; i++) {
    const z = planeDepth(cam, facade.x, i + 0.5);
    const b = facade.buildings.find((bb) => z >= bb.z0 && z < bb.z1);
    if (!b) continue;
    const haze = 1 - Math.exp(-z / hazeDistance);
    const lit = light * (1 - haze);
    const from = Math.max(0, Math.ceil(projectY(cam, b.height, z) - 0.5));
    const to = Math.min(raster.height, Math.ceil(projectY(cam, 0, z) - 0.5));
    for (let j = from; j < to; j++) {
      const y = cam.eyeHeight - ((j + 0.5 - cam.horizon) * z) / cam.focal;
      const c = facadeColor(b, colors.get(b)!, z - b.z0, y);
      const g = (grain(i, j, b.seed) - 0.5) * 12;
      raster.put(i, j, CLASS.building, pack(c[0] * lit + hazeColor[0] * haze + g, c[1] * lit + hazeColor[1] * haze + g, c[2] * lit + hazeColor[2] * haze + g));
    }
  }
}

/** Draws the blocks facing the camera at the end of the street (class Building). */
export function drawSkyline(ctx: DrawContext): void {
  const skyline = ctx.plan.skyline;
  if (!skyline) return;
  const { raster, cam } = ctx;
  for (const block of skyline.blocks) {
    const c = hazed(ctx, block.wall, skyline.z);
    const seed = Math.round(block.x0 * 1000);
    raster.rect(
      projectX(cam, block.x0, skyline.z),
      projectY(cam, block.height, skyline.z),
      projectX(cam, block.x1, skyline.z),
      projectY(cam, 0, skyline.z),
      CLASS.building,
      (i, j) => {
        const g = (grain(i, j, seed) - 0.5) * 10;
        return pack(c[0] + g, c[1] + g, c[2] + g);
      },
    );
  }
}

/** Whether a fence covers height y at distance `along`; -1 where it is see-through. */
function fenceShade(f: FencePlan, along: number, y: number): number {
  const t = frac(along / f.spacing);
  if (f.style === 'railings') {
    const rail = y > f.height - 0.07 || Math.abs(y - 0.15) < 0.04;
    return rail ? 1 : t < 0.3 ? 0.9 : -1;
  }
  return t < 0.06 ? 0.7 : y > 0.08 ? 1 : -1; // panels between posts, a gap at the ground
}

/** Draws a fence (class Fence), leaving its gaps see-through. */
export function drawFence(ctx: DrawContext, f: FencePlan): void {
  const { raster, cam } = ctx;
  for (let i = 0; i < raster.width; i++) {
    const z = planeDepth(cam, f.x, i + 0.5);
    if (!(z >= f.z0 && z < f.z1)) continue;
    const from = Math.max(0, Math.ceil(projectY(cam, f.height, z) - 0.5));
    const to = Math.min(raster.height, Math.ceil(projectY(cam, 0, z) - 0.5));
    const c = hazed(ctx, f.color, z);
    for (let j = from; j < to; j++) {
      const y = cam.eyeHeight - ((j + 0.5 - cam.horizon) * z) / cam.focal;
      const k = fenceShade(f, z - f.z0, y);
      if (k < 0) continue;
      const g = (grain(i, j, 77) - 0.5) * 10;
      raster.put(i, j, CLASS.fence, pack(c[0] * k + g, c[1] * k + g, c[2] * k + g));
    }
  }
}
