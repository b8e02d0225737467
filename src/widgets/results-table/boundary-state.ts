/** State of the boundary-F1 illustration, and how it is written in the URL (`<id>.frame`, `<id>.compare`, `<id>.class`, `<id>.tol`). */
import { CAMVID_NUM_CLASSES } from '../../data';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES } from '../model/demo-frames';

export const COMPARISONS = ['model', 'blocky'] as const;
/** What is scored against the ground truth: the network's prediction, or the truth at 1/8 resolution. */
export type Comparison = (typeof COMPARISONS)[number];

/** The blocky comparison keeps one label per BLOCK x BLOCK pixels. */
export const BLOCK = 8;

/** Tolerance as a fraction of the image diagonal, in hundredths of a percent (75 = the paper's 0.75 %). */
export const TOLERANCE_RANGE = { min: 25, max: 500, step: 25, paper: 75 } as const;

export interface BoundaryState {
  frame: number;
  compare: Comparison;
  /** A class index, or -1 for every class. */
  cls: number;
  tol: number;
}

export const boundaryCodec: StateCodec<BoundaryState> = {
  // Opens on the 1/8-resolution comparison, which needs no network (so a phone that holds the
  // network still shows the score at work) and is the one chapter 7 describes first.
  defaults: { frame: 0, compare: 'blocky', cls: -1, tol: TOLERANCE_RANGE.paper },
  parse: (f) =>
    definedFields<BoundaryState>({
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
      compare: choiceField(f.compare, COMPARISONS),
      cls: intField(f.cls, -1, CAMVID_NUM_CLASSES - 1),
      tol: intField(f.tol, TOLERANCE_RANGE.min, TOLERANCE_RANGE.max),
    }),
  serialize: (s) => ({ frame: String(s.frame), compare: s.compare, cls: String(s.cls), tol: String(s.tol) }),
};

/** theta as a fraction of the diagonal. */
export const toleranceFraction = (tol: number): number => tol / 10000;
