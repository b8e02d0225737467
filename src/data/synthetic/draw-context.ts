/** What every drawing function receives, and the shading rules they share. */
import type { Rgb } from '../palette';
import { projectX, projectY, type Camera } from './camera';
import { mix, scale } from './color';
import type { SceneRaster } from './raster';
import type { ScenePlan } from './scene-plan';

/** The raster being painted, its camera, and the plan being drawn. */
export interface DrawContext {
  raster: SceneRaster;
  cam: Camera;
  plan: ScenePlan;
}

/** Aerial perspective: distant colours fade towards the haze colour (1 - e^(-Z/d)). */
export function hazed(ctx: DrawContext, color: Rgb, z: number): Rgb {
  const { hazeColor, hazeDistance } = ctx.plan.lighting;
  return mix(color, hazeColor, 1 - Math.exp(-z / hazeDistance));
}

/** Light falling on a point across the street: shaded near the facade on the shade side. */
export function lightAt(ctx: DrawContext, x: number): number {
  const { shadeSide, shadeReach } = ctx.plan.lighting;
  const { street } = ctx.plan;
  const edge = shadeSide * (street.roadHalf + (shadeSide < 0 ? street.pavementLeft : street.pavementRight));
  return shadeSide * (edge - x) < shadeReach ? 0.62 : 1;
}

/** `color` lit for position x and hazed for depth z. */
export function shadeFor(ctx: DrawContext, color: Rgb, x: number, z: number): Rgb {
  return hazed(ctx, scale(color, lightAt(ctx, x)), z);
}

/**
 * A standing object's local frame: u metres to the right and v metres up from its foot at
 * world (x, 0, z), mapped to image pixels (objects are drawn as upright cut-outs).
 */
export interface Billboard {
  /** Pixels per metre at the object's depth. */
  s: number;
  px(u: number): number;
  py(v: number): number;
}

/** The cut-out frame of an object standing at world (x, z). */
export function billboard(cam: Camera, x: number, z: number): Billboard {
  const s = cam.focal / z;
  const fx = projectX(cam, x, z);
  const fy = projectY(cam, 0, z);
  return { s, px: (u) => fx + u * s, py: (v) => fy - v * s };
}
