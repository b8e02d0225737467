/**
 * Pedestrians (class Pedestrian) and cyclists with their bicycles (class Bicyclist), as
 * articulated cut-outs: limbs are thick segments, heads ellipses, poses set by the plan.
 */
import { CLASS } from './classes';
import { billboard, type Billboard, type DrawContext } from './draw-context';
import { flat } from './draw-furniture';
import type { Shader } from './color';
import type { PropPlan } from './scene-plan';

type Pedestrian = Extract<PropPlan, { kind: 'pedestrian' }>;
type Cyclist = Extract<PropPlan, { kind: 'cyclist' }>;

/** Draws limbs and bodies in a billboard's metric frame (u right, v up). */
function limbs(ctx: DrawContext, b: Billboard, label: number) {
  const r = ctx.raster;
  return {
    seg: (u0: number, v0: number, u1: number, v1: number, w: number, sh: Shader) => r.segment(b.px(u0), b.py(v0), b.px(u1), b.py(v1), w * b.s, label, sh),
    oval: (u: number, v: number, ru: number, rv: number, sh: Shader) => r.ellipse(b.px(u), b.py(v), Math.max(ru * b.s, 0.5), Math.max(rv * b.s, 0.5), label, sh),
    poly: (pts: number[], sh: Shader) => r.polygon(pts.map((p, k) => (k % 2 === 0 ? b.px(p) : b.py(p))), label, sh),
  };
}

export function drawPedestrian(ctx: DrawContext, p: Pedestrian): void {
  const b = billboard(ctx.cam, p.x, p.z);
  const d = limbs(ctx, b, CLASS.pedestrian);
  const h = p.height;
  const legs = flat(ctx, p.legs, p.x, p.z, 6, p.seed);
  const top = flat(ctx, p.top, p.x, p.z, 6, p.seed);
  const skin = flat(ctx, p.skin, p.x, p.z, 4, p.seed);
  const stride = p.stride * 0.18 * h;
  d.seg(-0.07, 0.5 * h, -0.07 - stride, 0.02, 0.14, legs);
  d.seg(0.07, 0.5 * h, 0.07 + stride, 0.02, 0.14, legs);
  d.poly([-0.2, 0.81 * h, 0.2, 0.81 * h, 0.16, 0.47 * h, -0.16, 0.47 * h], top);
  d.seg(-0.21, 0.79 * h, -0.25 + stride * 0.5, 0.47 * h, 0.09, top);
  d.seg(0.21, 0.79 * h, 0.25 - stride * 0.5, 0.47 * h, 0.09, top);
  d.oval(0, 0.835 * h, 0.05, 0.04, skin);
  d.oval(0, 0.92 * h, 0.1, 0.12, skin);
  d.poly([-0.1, 0.93 * h, 0.1, 0.93 * h, 0.08, 0.995 * h, -0.08, 0.995 * h], flat(ctx, [40, 30, 25], p.x, p.z, 6, p.seed));
}

function drawBikeSide(ctx: DrawContext, c: Cyclist, b: Billboard): void {
  const d = limbs(ctx, b, CLASS.bicyclist);
  const k = c.heading;
  const tyre = flat(ctx, [30, 30, 32], c.x, c.z, 4);
  const frame = flat(ctx, c.frame, c.x, c.z, 6);
  for (const u of [-0.52, 0.52]) {
    ctx.raster.ring(b.px(u * k), b.py(0.34), 0.34 * b.s, 0.34 * b.s, 0.06 * b.s, CLASS.bicyclist, tyre);
  }
  const hub = [-0.52 * k, 0.34] as const;
  const crank = [0, 0.3] as const;
  const seat = [-0.16 * k, 0.82] as const;
  const head = [0.4 * k, 0.84] as const;
  d.seg(hub[0], hub[1], crank[0], crank[1], 0.05, frame);
  d.seg(crank[0], crank[1], seat[0], seat[1], 0.05, frame);
  d.seg(seat[0], seat[1], head[0], head[1], 0.05, frame);
  d.seg(crank[0], crank[1], head[0], head[1], 0.05, frame);
  d.seg(hub[0], hub[1], seat[0], seat[1], 0.04, frame);
  d.seg(head[0], head[1], 0.52 * k, 0.34, 0.05, frame);
  d.seg(head[0], head[1], 0.45 * k, 1.0, 0.05, frame);
  const legs = flat(ctx, c.legs, c.x, c.z, 6);
  const pu = 0.17 * Math.cos(c.pedal);
  const pv = 0.3 + 0.17 * Math.sin(c.pedal);
  d.seg(seat[0], 0.9, (0.18 + pu * 0.3) * k, 0.62, 0.13, legs);
  d.seg((0.18 + pu * 0.3) * k, 0.62, pu * k, pv, 0.11, legs);
  const top = flat(ctx, c.top, c.x, c.z, 6);
  d.seg(seat[0], 0.95, 0.18 * k, 1.45, 0.34, top);
  d.seg(0.18 * k, 1.42, 0.45 * k, 1.02, 0.09, top);
  d.oval(0.26 * k, 1.62, 0.1, 0.12, flat(ctx, c.skin, c.x, c.z, 4));
}

function drawBikeRear(ctx: DrawContext, c: Cyclist, b: Billboard): void {
  const d = limbs(ctx, b, CLASS.bicyclist);
  const tyre = flat(ctx, [30, 30, 32], c.x, c.z, 4);
  const legs = flat(ctx, c.legs, c.x, c.z, 6);
  const top = flat(ctx, c.top, c.x, c.z, 6);
  d.oval(0, 0.34, 0.03, 0.34, tyre);
  const lift = 0.12 * Math.sin(c.pedal);
  d.seg(-0.1, 0.92, -0.12, 0.3 + lift, 0.13, legs);
  d.seg(0.1, 0.92, 0.12, 0.3 - lift, 0.13, legs);
  d.seg(-0.02, 0.55, 0.02, 0.95, 0.06, flat(ctx, c.frame, c.x, c.z, 6));
  d.poly([-0.19, 1.45, 0.19, 1.45, 0.15, 0.92, -0.15, 0.92], top);
  d.seg(-0.19, 1.42, -0.28, 1.02, 0.09, top);
  d.seg(0.19, 1.42, 0.28, 1.02, 0.09, top);
  d.seg(-0.32, 1.02, 0.32, 1.02, 0.04, tyre);
  d.oval(0, 1.6, 0.1, 0.12, flat(ctx, c.skin, c.x, c.z, 4));
  d.oval(0, 1.67, 0.11, 0.07, flat(ctx, [40, 40, 45], c.x, c.z, 4));
}

/** Draws a cyclist on a bicycle, seen from the side (crossing) or from behind. */
export function drawCyclist(ctx: DrawContext, c: Cyclist): void {
  const b = billboard(ctx.cam, c.x, c.z);
  if (c.view === 'side') drawBikeSide(ctx, c, b);
  else drawBikeRear(ctx, c, b);
}
