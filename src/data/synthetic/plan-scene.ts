/** Planning a whole scene from an injected RNG (the only place scene randomness is drawn). */
import { chance, uniform, type Rng } from '../rng';
import { planProps } from './plan-props';
import { planCamera, planFacade, planFences, planLighting, planSky, planSkyline, planStreet, textureSeed } from './plan-street';
import type { ScenePlan } from './scene-plan';

/** Plans one street scene. The same RNG state always yields the same plan. */
export function planScene(rng: Rng): ScenePlan {
  const overcast = chance(rng, 0.35);
  const street = planStreet(rng);
  const camera = planCamera(rng, street);
  const lighting = planLighting(rng, overcast);
  const sky = planSky(rng, overcast);
  const farZ = uniform(rng, 110, 220);
  const leftX = -(street.roadHalf + street.pavementLeft + uniform(rng, 0, 1.5));
  const rightX = street.roadHalf + street.pavementRight + uniform(rng, 0, 1.5);
  const left = chance(rng, 0.88) ? planFacade(rng, leftX, farZ) : null;
  // At least one side keeps its buildings: a street without any would never teach the Building class.
  const right = chance(rng, 0.88) || left === null ? planFacade(rng, rightX, farZ) : null;
  return {
    camera,
    lighting,
    sky,
    street,
    left,
    right,
    skyline: planSkyline(rng, farZ),
    fences: planFences(rng, street),
    props: planProps(rng, street, camera.lateral),
    voidBorders: chance(rng, 0.5),
    noiseSeed: textureSeed(rng),
  };
}
