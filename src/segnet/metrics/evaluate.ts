/**
 * Everything the paper reports for a set of frames (G, C, mIoU, BF) in one pass, for CLIs
 * and widgets: SegmentationEvaluator accumulates frame by frame (e.g. while a test set
 * streams in), evaluateSegmentation scores a whole collection at once.
 */
import { BoundaryF1Accumulator } from './boundary-f1-accumulator';
import { resolveBoundarySettings, type BoundaryF1Options } from './boundary-f1';
import { ConfusionMatrix } from './confusion';
import { segmentationScores, type SegmentationScores } from './scores';

/** One image: row-major height x width truth labels and predicted classes. */
export interface SegmentationFrame {
  labels: ArrayLike<number>;
  predictions: ArrayLike<number>;
  height: number;
  width: number;
}

/** Scores of a set of frames. */
export interface SegmentationEvaluation {
  /** G, C, mIoU and per-class scores over all labelled pixels of all frames. */
  scores: SegmentationScores;
  /** Dataset BF: mean over frames of the per-frame BF; NaN when no frame had a labelled pixel. */
  boundaryF1: number;
  /** Per class: mean F1_c over the frames whose truth contains c; NaN where there is none. */
  perClassBoundaryF1: number[];
  /** The accumulated confusion matrix (a copy: later frames do not change it). */
  confusion: ConfusionMatrix;
  /** Frames added, including any without a labelled pixel. */
  frameCount: number;
}

export class SegmentationEvaluator {
  private readonly confusion: ConfusionMatrix;
  private readonly boundary: BoundaryF1Accumulator;
  private frames = 0;

  constructor(options: BoundaryF1Options = {}) {
    resolveBoundarySettings('SegmentationEvaluator', options);
    this.confusion = new ConfusionMatrix(options);
    this.boundary = new BoundaryF1Accumulator(options);
  }

  /** Adds one frame. A bad frame throws and changes nothing. */
  add(frame: SegmentationFrame): this {
    return this.addAs('SegmentationEvaluator.add', frame);
  }

  /** add, with error messages starting with `caller`. */
  addAs(caller: string, frame: SegmentationFrame): this {
    const { labels, predictions, height, width } = frame;
    // BF checks the frame first (sizes, label and prediction values); the matrix cannot fail after it.
    this.boundary.addAs(caller, labels, predictions, height, width);
    this.confusion.add(labels, predictions);
    this.frames++;
    return this;
  }

  /** The scores of the frames added so far. */
  result(): SegmentationEvaluation {
    return {
      scores: segmentationScores(this.confusion),
      boundaryF1: this.boundary.meanF1,
      perClassBoundaryF1: this.boundary.perClassF1(),
      confusion: this.confusion.clone(),
      frameCount: this.frames,
    };
  }
}

/** G, C, mIoU, BF and the confusion matrix of a collection of frames. */
export function evaluateSegmentation(
  frames: Iterable<SegmentationFrame>,
  options: BoundaryF1Options = {},
): SegmentationEvaluation {
  resolveBoundarySettings('evaluateSegmentation', options);
  const evaluator = new SegmentationEvaluator(options);
  let index = 0;
  for (const frame of frames) evaluator.addAs(`evaluateSegmentation: frames[${index++}]`, frame);
  return evaluator.result();
}
