/**
 * A validation pass: the network (in inference mode) over the run's validation frames, one
 * frame at a time with a pause for the page between frames. Gives the confusion matrix,
 * per-class IoU and mIoU, and the predictions of the frames shown in the strip.
 */
import type { StudioRun } from './run';
import type { Validation } from './curves';
import { yieldToPage } from '../shared/yield';

export interface ValidationResult {
  validation: Validation;
  /** Predicted labels of the first `stripFrames` validation frames. */
  predictions: Uint8Array[];
}

export async function validateRun(run: StudioRun, stripFrames: number): Promise<ValidationResult> {
  const { segnet } = run.engine;
  const { val } = run.data;
  const { height, width, numClasses } = run.model.config;
  const px = height * width;
  const confusion = new segnet.ConfusionMatrix({ numClasses });
  const predictions: Uint8Array[] = [];
  for (let n = 0; n < val.count; n++) {
    const image = segnet.imagesToTensor(val.images, 1, height, width, n); // [1, H, W, 3]
    let predicted: Uint8Array;
    try {
      predicted = await segnet.predictLabels(run.model, image); // [H * W]
    } finally {
      image.dispose();
    }
    const truth = val.labels.subarray(n * px, (n + 1) * px);
    confusion.add(truth, predicted);
    if (n < stripFrames) predictions.push(predicted);
    await yieldToPage();
  }
  const scores = segnet.segmentationScores(confusion);
  return {
    validation: {
      step: run.progress.step,
      classIoU: scores.perClassIoU.map((v) => (Number.isNaN(v) ? null : v)),
      confusion: confusion.toArray(),
      meanIoU: scores.meanIoU,
    },
    predictions,
  };
}
