/** What the boundary-F1 illustration draws and reports for one frame, comparison and class. */
import { boundaryF1, boundaryTolerancePx } from '../../segnet/core';
import { pageMessages, type Messages } from '../../i18n';
import { pixelAccuracy } from '../shared/label-stats';
import { boundaryMasks, EDGE, type BoundaryMasks } from './boundary-masks';

/** Okabe–Ito blue (within theta) and vermilion (not), on a pale yellow band. */
export const BOUNDARY_COLOURS = {
  matched: [0, 114, 178],
  unmatched: [213, 94, 0],
  band: [240, 228, 66],
} as const;

export interface BoundaryInput {
  image: Uint8Array;
  truth: ArrayLike<number>;
  prediction: ArrayLike<number>;
  height: number;
  width: number;
  /** A class index, or -1 for every class. */
  cls: number;
  toleranceFraction: number;
}

/** One number with its words. */
export interface BoundaryScore {
  label: string;
  value: string;
}

export interface BoundaryView {
  width: number;
  height: number;
  /** True boundaries over the band: recalled or missed. */
  recallRgba: Uint8ClampedArray;
  /** Predicted boundaries over the band: within theta or not. */
  precisionRgba: Uint8ClampedArray;
  tolerancePx: number;
  /** The number the true-boundary picture shows: the share of true boundary pixels recalled (recall). */
  recallScore: BoundaryScore;
  /** The number the predicted-boundary picture shows: the share of predicted boundary pixels within θ (precision). */
  precisionScore: BoundaryScore;
  /** What the two combine into (BF, or the class's F1), then pixel accuracy for contrast. */
  scores: BoundaryScore[];
  /** The class shown, or "every class", in the view's language. */
  subject: string;
  /** False when the chosen class is in neither map (nothing to draw). */
  present: boolean;
}

/** The photograph, greyed and dimmed so the boundary colours stand out. */
function dimmedPhoto(image: Uint8Array, px: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(px * 4);
  for (let i = 0; i < px; i++) {
    const grey = 0.3 * image[i * 3]! + 0.59 * image[i * 3 + 1]! + 0.11 * image[i * 3 + 2]!;
    for (let k = 0; k < 3; k++) out[i * 4 + k] = 40 + 0.55 * (0.7 * grey + 0.3 * image[i * 3 + k]!);
    out[i * 4 + 3] = 255;
  }
  return out;
}

function paintEdges(base: Uint8ClampedArray, masks: BoundaryMasks, edges: Uint8Array): Uint8ClampedArray {
  const out = base.slice();
  for (let i = 0; i < edges.length; i++) {
    let c: readonly number[] | null = null;
    if (edges[i] === EDGE.matched) c = BOUNDARY_COLOURS.matched;
    else if (edges[i] === EDGE.unmatched) c = BOUNDARY_COLOURS.unmatched;
    else if (masks.band[i]) {
      for (let k = 0; k < 3; k++) out[i * 4 + k] = 0.5 * out[i * 4 + k]! + 0.5 * BOUNDARY_COLOURS.band[k]!;
    }
    if (c) out.set([c[0]!, c[1]!, c[2]!, 255], i * 4);
  }
  return out;
}

const pct = (v: number): string => (Number.isNaN(v) ? '–' : `${Math.round(v * 100)}%`);
const score = (v: number): string => (Number.isNaN(v) ? '–' : v.toFixed(2));

/** The view of one frame, its words from `words` (the page's language by default). */
export function boundaryView(input: BoundaryInput, words: Messages = pageMessages()): BoundaryView {
  const m = words.boundaryF1;
  const names = words.classes.names;
  const { image, truth, prediction, height, width, cls } = input;
  const tolerancePx = boundaryTolerancePx(height, width, input.toleranceFraction);
  const masks = boundaryMasks(truth, prediction, height, width, tolerancePx, cls < 0 ? null : cls);
  const bf = boundaryF1(truth, prediction, height, width, { tolerancePx });
  const base = dimmedPhoto(image, height * width);
  const { counts } = masks;
  const every = cls < 0;
  const recallScore = every
    ? { label: m.truthRecalled, value: pct(counts.truthMatched / counts.truth) }
    : { label: m.recall(names[cls]!), value: score(bf.perClassRecall[cls]!) };
  const precisionScore = every
    ? { label: m.predictedWithin, value: pct(counts.predictedMatched / counts.predicted) }
    : { label: m.precision(names[cls]!), value: score(bf.perClassPrecision[cls]!) };
  const scores = [
    every ? { label: m.bfMean, value: score(bf.meanF1) } : { label: m.f1(names[cls]!), value: score(bf.perClassF1[cls]!) },
    { label: m.pixelAccuracy, value: pct(pixelAccuracy(truth, prediction)) },
  ];
  return {
    width,
    height,
    recallRgba: paintEdges(base, masks, masks.truth),
    precisionRgba: paintEdges(base, masks, masks.predicted),
    tolerancePx,
    recallScore,
    precisionScore,
    scores,
    subject: cls < 0 ? m.everyClass : names[cls]!,
    present: counts.truth + counts.predicted > 0,
  };
}
