/** Planning what stands in the street: trees, poles and signs, cars, people, cyclists, clutter. */
import { chance, pick, randInt, uniform, type Rng } from '../rng';
import type { Rgb } from '../palette';
import type { PropPlan, SignPlan, StreetPlan } from './scene-plan';
import { jitter, leafColor, textureSeed } from './plan-street';

const CAR_PAINT: readonly Rgb[] = [
  [225, 225, 228], [170, 172, 178], [35, 35, 40], [150, 25, 25], [35, 55, 125], [40, 80, 55], [215, 180, 40], [110, 70, 45],
];
const CLOTHES: readonly Rgb[] = [
  [30, 30, 35], [60, 60, 110], [150, 30, 35], [200, 200, 195], [90, 70, 50], [50, 90, 60], [180, 140, 60], [120, 120, 125],
];
const SKIN: readonly Rgb[] = [[230, 190, 160], [200, 150, 115], [150, 105, 75], [100, 70, 50]];

/** Depth, log-uniform: as many objects between 5 and 10 m as between 20 and 40 m. */
function depth(rng: Rng, near: number, far: number): number {
  return Math.exp(uniform(rng, Math.log(near), Math.log(far)));
}

/** A random side of the street, -1 (left) or 1 (right). */
function side(rng: Rng): -1 | 1 {
  return chance(rng, 0.5) ? -1 : 1;
}

function pavementOf(street: StreetPlan, s: -1 | 1): number {
  return s < 0 ? street.pavementLeft : street.pavementRight;
}

function planSign(rng: Rng, poleHeight: number): SignPlan {
  const shape = pick(rng, ['disc', 'board', 'triangle', 'lights'] as const);
  const face: Rgb = shape === 'lights' ? [25, 25, 28] : pick(rng, [[235, 235, 230], [30, 70, 160], [240, 200, 40], [40, 120, 60]] as Rgb[]);
  return {
    shape,
    y: Math.min(poleHeight - 0.3, uniform(rng, 2.1, 3.2)),
    size: shape === 'board' ? uniform(rng, 0.6, 1.1) : uniform(rng, 0.5, 0.8),
    face: jitter(rng, face, 8),
    rim: shape === 'disc' || shape === 'triangle' ? [190, 30, 30] : jitter(rng, face, 20),
  };
}

function planPoles(rng: Rng, street: StreetPlan): PropPlan[] {
  const poles: PropPlan[] = [];
  const n = randInt(rng, 2, 6);
  for (let k = 0; k < n; k++) {
    const s = side(rng);
    const short = chance(rng, 0.3);
    const height = short ? uniform(rng, 2.6, 3.4) : uniform(rng, 4, 8);
    const lamp = !short && chance(rng, 0.5);
    const signed = short || chance(rng, 0.45) || k === 0;
    poles.push({
      kind: 'pole',
      x: s * (street.roadHalf + uniform(rng, 0.3, 0.8)),
      z: depth(rng, 4, 80),
      height,
      width: short ? uniform(rng, 0.07, 0.1) : uniform(rng, 0.12, 0.25),
      color: jitter(rng, pick(rng, [[120, 122, 125], [60, 65, 60], [160, 160, 150]] as Rgb[]), 10),
      armToward: lamp ? -s * uniform(rng, 1, 2) : 0,
      sign: signed ? planSign(rng, height) : null,
    });
  }
  return poles;
}

function planVegetation(rng: Rng, street: StreetPlan): PropPlan[] {
  const out: PropPlan[] = [];
  const trees = chance(rng, 0.9) ? randInt(rng, 1, 8) : 0;
  for (let k = 0; k < trees; k++) {
    const s = side(rng);
    const crownRadius = uniform(rng, 1.2, 3.5);
    out.push({
      kind: 'tree',
      x: s * (street.roadHalf + pavementOf(street, s) - uniform(rng, 0.3, 1)),
      z: depth(rng, 5, 90),
      trunkHeight: uniform(rng, 1.8, 4),
      crownRadius,
      leaves: leafColor(rng),
      seed: textureSeed(rng),
    });
  }
  for (let k = randInt(rng, 0, 3); k > 0; k--) {
    const s = side(rng);
    out.push({
      kind: 'bush',
      x: s * (street.roadHalf + pavementOf(street, s) - 0.5),
      z: depth(rng, 4, 60),
      radius: uniform(rng, 0.5, 1.3),
      leaves: leafColor(rng),
      seed: textureSeed(rng),
    });
  }
  return out;
}

function planCars(rng: Rng, street: StreetPlan, keepRight: boolean, cameraX: number): PropPlan[] {
  const cars: PropPlan[] = [];
  const laneWidth = street.roadHalf / street.lanesPerSide;
  for (let n = randInt(rng, 1, 7), tries = 0; cars.length < n && tries < 40; tries++) {
    const s = side(rng);
    const parked = chance(rng, 0.35);
    const x = parked ? s * (street.roadHalf - uniform(rng, 0.9, 1.2)) : s * laneWidth * (randInt(rng, 0, street.lanesPerSide - 1) + uniform(rng, 0.4, 0.6));
    const z = depth(rng, 5, 70);
    const length = uniform(rng, 3.8, 4.8);
    const clash = cars.some((c) => Math.abs(c.x - x) < 2.2 && Math.abs(c.z - z) < length + 1.5);
    if (clash || (Math.abs(x - cameraX) < 2 && z < 7)) continue;
    const away = (s > 0) === keepRight;
    cars.push({
      kind: 'car',
      x,
      z,
      width: uniform(rng, 1.65, 1.95),
      height: uniform(rng, 1.35, 1.7),
      length,
      body: jitter(rng, pick(rng, CAR_PAINT), 10),
      facing: away ? 'away' : 'toward',
      seed: textureSeed(rng),
    });
  }
  return cars;
}

function planPeople(rng: Rng, street: StreetPlan): PropPlan[] {
  const people: PropPlan[] = [];
  for (let n = randInt(rng, 1, 6); n > 0; n--) {
    const s = side(rng);
    const crossing = chance(rng, 0.15);
    const x = crossing ? uniform(rng, -street.roadHalf, street.roadHalf) : s * (street.roadHalf + uniform(rng, 0.4, pavementOf(street, s) - 0.3));
    people.push({
      kind: 'pedestrian', x, z: crossing ? depth(rng, 8, 40) : depth(rng, 4, 50), height: uniform(rng, 1.5, 1.92),
      top: jitter(rng, pick(rng, CLOTHES), 15), legs: jitter(rng, pick(rng, CLOTHES), 15), skin: jitter(rng, pick(rng, SKIN), 8),
      stride: uniform(rng, -1, 1), seed: textureSeed(rng),
    });
  }
  return people;
}

function planCyclists(rng: Rng, street: StreetPlan): PropPlan[] {
  const out: PropPlan[] = [];
  for (let n = chance(rng, 0.8) ? randInt(rng, 1, 2) : 0; n > 0; n--) {
    const view = chance(rng, 0.4) ? 'side' : 'rear';
    const s = side(rng);
    out.push({
      kind: 'cyclist', view, heading: side(rng),
      x: view === 'side' ? uniform(rng, -street.roadHalf + 1, street.roadHalf - 1) : s * (street.roadHalf - uniform(rng, 0.5, 1.2)),
      z: depth(rng, 6, 45), frame: jitter(rng, pick(rng, CAR_PAINT), 20), top: jitter(rng, pick(rng, CLOTHES), 15),
      legs: jitter(rng, pick(rng, CLOTHES), 15), skin: jitter(rng, pick(rng, SKIN), 8), pedal: uniform(rng, 0, Math.PI * 2),
    });
  }
  return out;
}

function planClutter(rng: Rng, street: StreetPlan): PropPlan[] {
  const out: PropPlan[] = [];
  for (let n = randInt(rng, 0, 2); n > 0; n--) {
    const s = side(rng);
    out.push({
      kind: 'clutter',
      x: s * (street.roadHalf + uniform(rng, 0.4, pavementOf(street, s) - 0.4)),
      z: depth(rng, 4, 40),
      width: uniform(rng, 0.4, 0.9),
      height: uniform(rng, 0.6, 1.2),
      color: jitter(rng, [60, 80, 60], 30),
    });
  }
  return out;
}

/** Everything standing in the street, in planning order (drawing sorts by depth). */
export function planProps(rng: Rng, street: StreetPlan, cameraX: number): PropPlan[] {
  const keepRight = chance(rng, 0.5);
  return [
    ...planVegetation(rng, street),
    ...planPoles(rng, street),
    ...planCars(rng, street, keepRight, cameraX),
    ...planPeople(rng, street),
    ...planCyclists(rng, street),
    ...planClutter(rng, street),
  ];
}
