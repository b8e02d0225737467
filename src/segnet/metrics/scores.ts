/**
 * The paper's pixel scores, read off a confusion matrix. All values are fractions in [0, 1].
 *
 * With n_tp = counts[t][p], T_c = sum_p n_cp (true pixels of c), P_c = sum_t n_tc (pixels
 * predicted as c) and N = sum T_c (labelled pixels):
 *   G       = sum_c n_cc / N                                  (global accuracy)
 *   acc_c   = n_cc / T_c                                      (per-class accuracy = recall)
 *   prec_c  = n_cc / P_c                                      (per-class precision)
 *   IoU_c   = n_cc / (T_c + P_c - n_cc)                       (TP / (TP + FP + FN))
 *   C       = mean of acc_c over classes with T_c > 0
 *   mIoU    = mean of IoU_c over classes with T_c > 0
 *
 * Rules for absent classes:
 * - A class never in the ground truth (T_c = 0) is left out of C and mIoU, as is usual for
 *   CamVid (a test set without bicyclists cannot be scored on them). It still costs the other
 *   classes through their false positives.
 * - acc_c is NaN when T_c = 0; prec_c is NaN when P_c = 0; IoU_c is NaN when the class is
 *   absent from both truth and prediction (T_c = P_c = 0), and 0 when it was predicted but
 *   never true. NaN (not null) keeps the arrays numeric; JSON.stringify writes it as null.
 * - With no labelled pixel at all, G, C and mIoU are NaN.
 */
import type { ConfusionMatrix } from './confusion';

/** The pixel scores of a segmentation over one or many frames. */
export interface SegmentationScores {
  /** G: correctly classified labelled pixels / labelled pixels. */
  globalAccuracy: number;
  /** C: mean per-class accuracy over the classes present in the ground truth. */
  classAverageAccuracy: number;
  /** mIoU: mean IoU over the classes present in the ground truth. */
  meanIoU: number;
  /** IoU_c = TP / (TP + FP + FN); NaN for a class absent from truth and prediction. */
  perClassIoU: number[];
  /** acc_c = TP / (TP + FN), the recall of class c; NaN when c is absent from the truth. */
  perClassAccuracy: number[];
  /** prec_c = TP / (TP + FP); NaN when c was never predicted on a labelled pixel. */
  perClassPrecision: number[];
  /** N: labelled (non-void) pixels counted. */
  pixelCount: number;
}

/** G, C, mIoU and the per-class scores of an accumulated confusion matrix. */
export function segmentationScores(confusion: ConfusionMatrix): SegmentationScores {
  const k = confusion.numClasses;
  const m = confusion.counts;
  const truth = new Float64Array(k);
  const predicted = new Float64Array(k);
  let correct = 0;
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const n = m[t * k + p]!;
      truth[t] = truth[t]! + n;
      predicted[p] = predicted[p]! + n;
    }
    correct += m[t * k + t]!;
  }
  const perClassIoU: number[] = [];
  const perClassAccuracy: number[] = [];
  const perClassPrecision: number[] = [];
  let pixelCount = 0;
  for (let c = 0; c < k; c++) {
    const tp = m[c * k + c]!;
    const tc = truth[c]!;
    const pc = predicted[c]!;
    pixelCount += tc;
    perClassAccuracy.push(tc > 0 ? tp / tc : NaN);
    perClassPrecision.push(pc > 0 ? tp / pc : NaN);
    perClassIoU.push(tc + pc > 0 ? tp / (tc + pc - tp) : NaN);
  }
  const present = (c: number): boolean => truth[c]! > 0;
  return {
    globalAccuracy: pixelCount > 0 ? correct / pixelCount : NaN,
    classAverageAccuracy: meanWhere(perClassAccuracy, present),
    meanIoU: meanWhere(perClassIoU, present),
    perClassIoU,
    perClassAccuracy,
    perClassPrecision,
    pixelCount,
  };
}

/** Mean of values[c] over the c for which keep(c); NaN when there is none. */
export function meanWhere(values: readonly number[], keep: (c: number) => boolean): number {
  let sum = 0;
  let n = 0;
  values.forEach((v, c) => {
    if (keep(c)) {
      sum += v;
      n++;
    }
  });
  return n > 0 ? sum / n : NaN;
}
