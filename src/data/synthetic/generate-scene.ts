/** One synthetic street scene: plan it from the RNG, then rasterise image and labels together. */
import type { Rng } from '../rng';
import type { Example } from '../types';
import { cameraFor } from './camera';
import type { DrawContext } from './draw-context';
import { drawFacade, drawFence, drawSkyline } from './draw-facades';
import { drawBush, drawClutter, drawPole, drawTree } from './draw-furniture';
import { drawGround, drawSky } from './draw-ground';
import { drawCyclist, drawPedestrian } from './draw-people';
import { drawCar } from './draw-vehicles';
import { finishScene } from './finish';
import { planScene } from './plan-scene';
import { SceneRaster } from './raster';
import type { PropPlan, ScenePlan } from './scene-plan';

function drawProp(ctx: DrawContext, prop: PropPlan): void {
  switch (prop.kind) {
    case 'tree':
      return drawTree(ctx, prop);
    case 'bush':
      return drawBush(ctx, prop);
    case 'pole':
      return drawPole(ctx, prop);
    case 'car':
      return drawCar(ctx, prop);
    case 'pedestrian':
      return drawPedestrian(ctx, prop);
    case 'cyclist':
      return drawCyclist(ctx, prop);
    case 'clutter':
      return drawClutter(ctx, prop);
  }
}

/**
 * Rasterises a plan at height x width. Deterministic: the plan fixes everything, so the
 * same plan gives the same scene at any size.
 */
export function renderScene(plan: ScenePlan, height: number, width: number): Example {
  const raster = new SceneRaster(width, height);
  const ctx: DrawContext = { raster, cam: cameraFor(plan.camera, height, width), plan };
  drawSky(ctx);
  drawGround(ctx);
  drawSkyline(ctx);
  if (plan.left) drawFacade(ctx, plan.left);
  if (plan.right) drawFacade(ctx, plan.right);
  for (const fence of plan.fences) drawFence(ctx, fence);
  // Painter's algorithm: far props first, so near ones cover them.
  const props = [...plan.props].sort((a, b) => b.z - a.z);
  for (const prop of props) drawProp(ctx, prop);
  finishScene(raster, plan.lighting, plan.voidBorders, plan.noiseSeed);
  return { image: raster.rgb, labels: raster.labels };
}

/** Plans and renders one scene, drawing every random choice from `rng`. */
export function generateScene(rng: Rng, height: number, width: number): Example {
  for (const [name, v] of [['height', height], ['width', width]] as const) {
    if (!Number.isInteger(v) || v < 8 || v > 4096) throw new Error(`generateScene: ${name} must be an integer in 8..4096, got ${v}`);
  }
  return renderScene(planScene(rng), height, width);
}
