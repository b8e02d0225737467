/** Simple statistics of label maps (class indices 0..10, 11 = void). */
import { CAMVID_NUM_CLASSES } from '../../segnet/core';

/** Share of labelled pixels where `predicted` equals `truth` (void truth pixels left out); NaN if none. */
export function pixelAccuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let labelled = 0;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    if (t >= CAMVID_NUM_CLASSES) continue;
    labelled++;
    if (predicted[i] === t) correct++;
  }
  return labelled > 0 ? correct / labelled : NaN;
}
