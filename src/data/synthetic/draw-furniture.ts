/** Trees and bushes (class Tree), poles (Pole), the signs they carry (SignSymbol), and clutter (void). */
import { CLASS } from './classes';
import { grain, pack, packRgb, scale, valueNoise, type Shader } from './color';
import { billboard, shadeFor, type DrawContext } from './draw-context';
import type { Rgb } from '../palette';
import type { PropPlan, SignPlan } from './scene-plan';

type Prop<K extends PropPlan['kind']> = Extract<PropPlan, { kind: K }>;

/** A flat shaded colour with grain, for an object at world (x, z). */
export function flat(ctx: DrawContext, color: Rgb, x: number, z: number, grainAmount = 8, seed = 1): Shader {
  const c = shadeFor(ctx, color, x, z);
  return (i, j) => {
    const g = (grain(i, j, seed) - 0.5) * 2 * grainAmount;
    return pack(c[0] + g, c[1] + g, c[2] + g);
  };
}

/** Leaves: clumps of light and dark (value noise at about 0.4 m) over the base colour. */
function leafShader(ctx: DrawContext, leaves: Rgb, x: number, z: number, s: number, seed: number): Shader {
  const c = shadeFor(ctx, leaves, x, z);
  const cell = Math.max(1.5, s * 0.4);
  return (i, j) => {
    const k = 0.6 + 0.7 * valueNoise(i, j, cell, seed) + (grain(i, j, seed) - 0.5) * 0.25;
    return pack(c[0] * k, c[1] * k, c[2] * k);
  };
}

/** A wobbly outline: 1 + a few random harmonics, fixed by the seed. */
function wobble(seed: number): (angle: number) => number {
  const p1 = grain(1, 2, seed) * 6.28;
  const p2 = grain(3, 4, seed) * 6.28;
  return (a) => 1 + 0.12 * Math.sin(3 * a + p1) + 0.08 * Math.sin(5 * a + p2) + 0.04 * Math.sin(11 * a + p1);
}

export function drawTree(ctx: DrawContext, t: Prop<'tree'>): void {
  const b = billboard(ctx.cam, t.x, t.z);
  const r = t.crownRadius;
  const trunkW = 0.16 + r * 0.04;
  ctx.raster.rect(b.px(-trunkW), b.py(t.trunkHeight + r * 0.4), b.px(trunkW), b.py(0), CLASS.tree, flat(ctx, [85, 70, 55], t.x, t.z, 8, t.seed), 1);
  const shader = leafShader(ctx, t.leaves, t.x, t.z, b.s, t.seed);
  ctx.raster.blob(b.px(0), b.py(t.trunkHeight + r * 0.85), r * b.s, r * 0.9 * b.s, wobble(t.seed), CLASS.tree, shader);
}

export function drawBush(ctx: DrawContext, t: Prop<'bush'>): void {
  const b = billboard(ctx.cam, t.x, t.z);
  const shader = leafShader(ctx, t.leaves, t.x, t.z, b.s, t.seed);
  ctx.raster.blob(b.px(0), b.py(t.radius * 0.55), t.radius * 1.3 * b.s, t.radius * 0.75 * b.s, wobble(t.seed), CLASS.tree, shader);
}

function drawSign(ctx: DrawContext, p: Prop<'pole'>, sign: SignPlan): void {
  const b = billboard(ctx.cam, p.x, p.z);
  const { raster } = ctx;
  const face = flat(ctx, sign.face, p.x, p.z, 5);
  const rim = flat(ctx, sign.rim, p.x, p.z, 5);
  const h = sign.size / 2;
  const cx = b.px(0);
  const cy = b.py(sign.y);
  const R = h * b.s;
  if (sign.shape === 'disc') {
    raster.ellipse(cx, cy, R, R, CLASS.sign, rim);
    raster.ellipse(cx, cy, R * 0.72, R * 0.72, CLASS.sign, face);
  } else if (sign.shape === 'triangle') {
    raster.polygon([cx, cy - R, cx + R, cy + R * 0.75, cx - R, cy + R * 0.75], CLASS.sign, rim);
    raster.polygon([cx, cy - R * 0.45, cx + R * 0.55, cy + R * 0.5, cx - R * 0.55, cy + R * 0.5], CLASS.sign, face);
  } else if (sign.shape === 'board') {
    raster.rect(cx - R, cy - R * 0.65, cx + R, cy + R * 0.65, CLASS.sign, rim, 1);
    raster.rect(cx - R * 0.88, cy - R * 0.53, cx + R * 0.88, cy + R * 0.53, CLASS.sign, face);
  } else {
    raster.rect(cx - R * 0.35, cy - R, cx + R * 0.35, cy + R, CLASS.sign, face, 1);
    const lit = Math.floor(grain(Math.round(p.z * 10), 0, 5) * 3);
    const lamps: Rgb[] = [[230, 40, 30], [240, 170, 30], [40, 220, 90]];
    lamps.forEach((c, k) => {
      const shade = k === lit ? c : scale(c, 0.3);
      raster.ellipse(cx, cy + (k - 1) * R * 0.62, R * 0.22, R * 0.22, CLASS.sign, () => packRgb(shade));
    });
  }
}

export function drawPole(ctx: DrawContext, p: Prop<'pole'>): void {
  const b = billboard(ctx.cam, p.x, p.z);
  const w = p.width / 2;
  const metal = flat(ctx, p.color, p.x, p.z, 6);
  ctx.raster.rect(b.px(-w), b.py(p.height), b.px(w), b.py(0), CLASS.pole, metal, 1);
  if (p.armToward !== 0) {
    ctx.raster.segment(b.px(0), b.py(p.height - 0.1), b.px(p.armToward), b.py(p.height + 0.15), 0.09 * b.s, CLASS.pole, metal);
    ctx.raster.ellipse(b.px(p.armToward), b.py(p.height + 0.05), 0.3 * b.s, 0.12 * b.s, CLASS.pole, metal);
  }
  if (p.sign) drawSign(ctx, p, p.sign);
}

/** Bins and boxes: real objects that CamVid leaves unlabelled (void). */
export function drawClutter(ctx: DrawContext, c: Prop<'clutter'>): void {
  const b = billboard(ctx.cam, c.x, c.z);
  const w = c.width / 2;
  ctx.raster.rect(b.px(-w), b.py(c.height), b.px(w), b.py(0), CLASS.void, flat(ctx, c.color, c.x, c.z, 6), 1);
  ctx.raster.rect(b.px(-w * 1.1), b.py(c.height + 0.06), b.px(w * 1.1), b.py(c.height - 0.04), CLASS.void, flat(ctx, scale(c.color, 0.6), c.x, c.z, 4));
}
