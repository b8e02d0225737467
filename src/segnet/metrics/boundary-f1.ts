/**
 * Boundary F1 (BF) of one image (Csurka et al. 2013, used by SegNet, arXiv 1511.00561 §4).
 *
 * For each class c present in the truth or the prediction, take its boundary pixels in the
 * truth (B_t) and in the prediction (B_p), as defined in boundaries.ts, then
 *   precision_c = |{p in B_p : d(p, B_t) <= theta}| / |B_p|
 *   recall_c    = |{t in B_t : d(t, B_p) <= theta}| / |B_t|
 *   F1_c        = 2 precision_c recall_c / (precision_c + recall_c)   (0 when both are 0)
 * with d the Euclidean distance in pixels and theta = 0.75 % of the image diagonal, NOT
 * rounded: a pixel matches when d^2 <= theta^2 (+1e-9 for float error). At 360 x 480,
 * theta = 4.5 px, so offsets with d^2 <= 20 match.
 *
 * Degenerate cases: F1_c = 0 when c is in only one of truth and prediction; F1_c = 1 when it
 * is in both but neither has a boundary pixel (both cover the whole labelled image); F1_c = 0
 * when exactly one of B_t, B_p is empty. precision_c (recall_c) is NaN when B_p (B_t) is
 * empty; all three are NaN for a class absent from both.
 *
 * The image's BF is the mean of F1_c over the classes present in the ground truth (NaN when
 * the image has no labelled pixel); the dataset BF is the mean over images.
 */
import { classBoundaries, normaliseFrame, type ClassBoundaries, type NormalisedFrame } from './boundaries';
import { meanWhere } from './scores';
import { ToleranceMatcher } from './tolerance-match';
import { checkFrame, resolveLabelSpace, type LabelSpace, type LabelSpaceOptions } from './validate';

/** The paper's tolerance: 0.75 % of the image diagonal. */
export const PAPER_TOLERANCE_FRACTION = 0.0075;

export interface BoundaryF1Options extends LabelSpaceOptions {
  /** theta as a fraction of the image diagonal sqrt(H^2 + W^2). Default 0.0075 (the paper). */
  toleranceFraction?: number;
  /** theta in pixels; when given, toleranceFraction is not used. */
  tolerancePx?: number;
}

/** BF of one image. */
export interface BoundaryF1Result {
  /** The image's BF: mean of perClassF1 over classes present in the ground truth. */
  meanF1: number;
  /** F1_c; NaN for a class absent from truth and prediction. */
  perClassF1: number[];
  /** precision_c; NaN when class c has no predicted boundary pixel. */
  perClassPrecision: number[];
  /** recall_c; NaN when class c has no true boundary pixel. */
  perClassRecall: number[];
  /** inTruth[c]: class c has a labelled pixel in the ground truth (so it counts in meanF1). */
  inTruth: boolean[];
  /** theta used, in pixels. */
  tolerancePx: number;
}

/** Checked options, shared with the accumulator. */
export interface BoundarySettings extends LabelSpace {
  toleranceFraction: number;
  tolerancePx: number | undefined;
}

export function resolveBoundarySettings(fn: string, options: BoundaryF1Options = {}): BoundarySettings {
  const space = resolveLabelSpace(fn, options);
  const { toleranceFraction = PAPER_TOLERANCE_FRACTION, tolerancePx } = options;
  if (!Number.isFinite(toleranceFraction) || toleranceFraction < 0) {
    throw new Error(`${fn}: toleranceFraction must be a finite number >= 0, got ${toleranceFraction}`);
  }
  if (tolerancePx !== undefined && (!Number.isFinite(tolerancePx) || tolerancePx < 0)) {
    throw new Error(`${fn}: tolerancePx must be a finite number >= 0, got ${tolerancePx}`);
  }
  return { ...space, toleranceFraction, tolerancePx };
}

/** theta in pixels for a height x width image: fraction * sqrt(height^2 + width^2), unrounded. */
export function boundaryTolerancePx(height: number, width: number, fraction = PAPER_TOLERANCE_FRACTION): number {
  return fraction * Math.hypot(height, width);
}

/** BF of one image; labels and predictions are row-major height x width label maps. */
export function boundaryF1(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  height: number,
  width: number,
  options: BoundaryF1Options = {},
): BoundaryF1Result {
  const fn = 'boundaryF1';
  const settings = resolveBoundarySettings(fn, options);
  checkFrame(fn, labels, predictions, height, width);
  return frameBoundaryF1(fn, labels, predictions, height, width, settings, new ToleranceMatcher(height, width));
}

/**
 * boundaryF1 with checked settings and reusable buffers, for a frame whose size the caller
 * has checked with checkFrame (the matcher must have that size).
 */
export function frameBoundaryF1(
  fn: string,
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  height: number,
  width: number,
  settings: BoundarySettings,
  matcher: ToleranceMatcher,
): BoundaryF1Result {
  const frame = normaliseFrame(fn, labels, predictions, settings);
  const k = settings.numClasses;
  const truthEdges = classBoundaries(frame.truth, frame.truth, height, width, k);
  const predictedEdges = classBoundaries(frame.prediction, frame.truth, height, width, k);
  const tolerancePx = settings.tolerancePx ?? boundaryTolerancePx(height, width, settings.toleranceFraction);
  const tolerance2 = tolerancePx * tolerancePx + 1e-9;
  const result: BoundaryF1Result = {
    meanF1: NaN,
    perClassF1: [],
    perClassPrecision: [],
    perClassRecall: [],
    inTruth: Array.from(frame.inTruth, (v) => v === 1),
    tolerancePx,
  };
  for (let c = 0; c < k; c++) {
    const { precision, recall, f1 } = classF1(c, frame, truthEdges, predictedEdges, matcher, tolerance2);
    result.perClassPrecision.push(precision);
    result.perClassRecall.push(recall);
    result.perClassF1.push(f1);
  }
  result.meanF1 = meanWhere(result.perClassF1, (c) => result.inTruth[c]!);
  return result;
}

/** precision_c, recall_c and F1_c with the degenerate cases of the file comment. */
function classF1(
  c: number,
  frame: NormalisedFrame,
  truthEdges: ClassBoundaries,
  predictedEdges: ClassBoundaries,
  matcher: ToleranceMatcher,
  tolerance2: number,
): { precision: number; recall: number; f1: number } {
  const inTruth = frame.inTruth[c] === 1;
  const inPrediction = frame.inPrediction[c] === 1;
  if (!inTruth && !inPrediction) return { precision: NaN, recall: NaN, f1: NaN };
  const [t0, t1] = [truthEdges.offsets[c]!, truthEdges.offsets[c + 1]!];
  const [p0, p1] = [predictedEdges.offsets[c]!, predictedEdges.offsets[c + 1]!];
  const both = t1 > t0 && p1 > p0;
  const t = truthEdges.pixels;
  const p = predictedEdges.pixels;
  const precision = p1 > p0 ? (both ? matcher.countWithin(t, t0, t1, p, p0, p1, tolerance2) : 0) / (p1 - p0) : NaN;
  const recall = t1 > t0 ? (both ? matcher.countWithin(p, p0, p1, t, t0, t1, tolerance2) : 0) / (t1 - t0) : NaN;
  let f1: number;
  if (!inTruth || !inPrediction) f1 = 0;
  else if (t1 === t0 && p1 === p0) f1 = 1;
  else if (!both || precision + recall === 0) f1 = 0;
  else f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
