/** Class indices by name, so drawing code reads `CLASS.car` rather than a bare 8. */
import { VOID_LABEL } from '../../segnet/core';

/** Label values of the 11 CamVid classes and void, as in palette.ts. */
export const CLASS = Object.freeze({
  sky: 0,
  building: 1,
  pole: 2,
  road: 3,
  pavement: 4,
  tree: 5,
  sign: 6,
  fence: 7,
  car: 8,
  pedestrian: 9,
  bicyclist: 10,
  void: VOID_LABEL,
});
