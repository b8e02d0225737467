/**
 * Cars (class Car) as boxes in true perspective: the side facing the camera, then the near
 * end (rear or front) with its window, lights, plate and tyres, over a contact shadow.
 */
import { CLASS } from './classes';
import { projectX, projectY, type Camera } from './camera';
import { grain, pack, scale, type Shader } from './color';
import { shadeFor, type DrawContext } from './draw-context';
import type { Rgb } from '../palette';
import type { PropPlan } from './scene-plan';

type Car = Extract<PropPlan, { kind: 'car' }>;

const GLASS: Rgb = [50, 60, 72];
const TYRE: Rgb = [28, 28, 30];

/** Flat points [x, y, ...] of world points (X, Y, Z). */
function project(cam: Camera, pts: ReadonlyArray<readonly [number, number, number]>): number[] {
  return pts.flatMap(([X, Y, Z]) => [projectX(cam, X, Z), projectY(cam, Y, Z)]);
}

/** Paint with a soft vertical highlight: car bodies are glossy, lighter towards the top. */
function paint(ctx: DrawContext, color: Rgb, car: Car, k: number): Shader {
  const c = shadeFor(ctx, scale(color, k), car.x, car.z);
  return (i, j) => {
    const g = (grain(i, j, car.seed) - 0.5) * 6;
    return pack(c[0] + g, c[1] + g, c[2] + g);
  };
}

/** The side nearer the camera's line of sight, if the camera can see it. */
function drawSide(ctx: DrawContext, car: Car, belt: number): void {
  const { cam, raster } = ctx;
  const half = car.width / 2;
  const sideX = car.x - half > cam.lateral ? car.x - half : car.x + half < cam.lateral ? car.x + half : null;
  if (sideX === null) return;
  const z0 = car.z;
  const z1 = car.z + car.length;
  const L = car.length;
  raster.polygon(project(cam, [[sideX, 0.25, z0], [sideX, belt, z0], [sideX, belt, z1], [sideX, 0.25, z1]]), CLASS.car, paint(ctx, car.body, car, 0.8));
  const inX = sideX + Math.sign(car.x - sideX) * 0.12;
  const cabin: Array<[number, number, number]> = [
    [inX, belt, z0 + 0.22 * L],
    [inX, car.height, z0 + 0.35 * L],
    [inX, car.height, z0 + 0.75 * L],
    [inX, belt, z0 + 0.88 * L],
  ];
  raster.polygon(project(cam, cabin), CLASS.car, paint(ctx, GLASS, car, 1.1));
  for (const wz of [z0 + 0.18 * L, z0 + 0.82 * L]) {
    const wheel: Array<[number, number, number]> = [];
    for (let k = 0; k < 14; k++) {
      const a = (k / 14) * Math.PI * 2;
      wheel.push([sideX, 0.33 + 0.33 * Math.sin(a), wz + 0.33 * Math.cos(a)]);
    }
    raster.polygon(project(cam, wheel), CLASS.car, paint(ctx, TYRE, car, 1));
  }
}

/** The end facing the camera: body, cabin and window, lights, plate, tyres. */
function drawEnd(ctx: DrawContext, car: Car, belt: number): void {
  const { cam, raster } = ctx;
  const z = car.z;
  const half = car.width / 2;
  const rect = (x0: number, y0: number, x1: number, y1: number, zz: number, shader: Shader): void =>
    raster.rect(projectX(cam, car.x + x0, zz), projectY(cam, y1, zz), projectX(cam, car.x + x1, zz), projectY(cam, y0, zz), CLASS.car, shader, 1);
  rect(-half + 0.05, 0, -half + 0.32, 0.3, z + 0.3, paint(ctx, TYRE, car, 1));
  rect(half - 0.32, 0, half - 0.05, 0.3, z + 0.3, paint(ctx, TYRE, car, 1));
  rect(-half, 0.22, half, belt, z, paint(ctx, car.body, car, 1));
  const cz = z + 0.45;
  const ci = half * 0.82;
  // The cabin leans back from the body's end; its window is inset by about 10 cm.
  const cabin = (inset: number, lift: number, dz: number): number[] =>
    project(cam, [
      [car.x - half + inset, belt + lift, z + dz],
      [car.x - ci + inset * 0.7, car.height - lift * 1.4, cz],
      [car.x + ci - inset * 0.7, car.height - lift * 1.4, cz],
      [car.x + half - inset, belt + lift, z + dz],
    ]);
  raster.polygon(cabin(0, 0, 0), CLASS.car, paint(ctx, car.body, car, 1.08));
  raster.polygon(cabin(0.12, 0.05, 0.04), CLASS.car, paint(ctx, GLASS, car, 1.2));
  const lamp: Rgb = car.facing === 'away' ? [200, 30, 30] : [235, 230, 200];
  rect(-half + 0.06, belt - 0.2, -half + 0.36, belt - 0.06, z - 0.01, paint(ctx, lamp, car, 1));
  rect(half - 0.36, belt - 0.2, half - 0.06, belt - 0.06, z - 0.01, paint(ctx, lamp, car, 1));
  rect(-0.26, 0.32, 0.26, 0.44, z - 0.01, paint(ctx, [225, 225, 215], car, 1));
}

/** Draws a car standing on the ground at (x, z), its near end at depth z. */
export function drawCar(ctx: DrawContext, car: Car): void {
  const { cam, raster } = ctx;
  const half = car.width / 2 + 0.1;
  const z1 = car.z + car.length;
  raster.darken(project(cam, [[car.x - half, 0, car.z - 0.2], [car.x + half, 0, car.z - 0.2], [car.x + half, 0, z1], [car.x - half, 0, z1]]), 0.45);
  const belt = car.height * 0.6;
  drawSide(ctx, car, belt);
  drawEnd(ctx, car, belt);
}
