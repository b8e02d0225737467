/** Segmentation metrics of the SegNet paper: G, C, mIoU (pixel scores) and BF (boundary F1). */
export { argmaxClasses } from './argmax';
export { BoundaryF1Accumulator } from './boundary-f1-accumulator';
export {
  boundaryF1,
  boundaryTolerancePx,
  PAPER_TOLERANCE_FRACTION,
  type BoundaryF1Options,
  type BoundaryF1Result,
} from './boundary-f1';
export { ConfusionMatrix } from './confusion';
export { squaredDistanceTransform } from './distance-transform';
export {
  evaluateSegmentation,
  SegmentationEvaluator,
  type SegmentationEvaluation,
  type SegmentationFrame,
} from './evaluate';
export { segmentationScores, type SegmentationScores } from './scores';
export type { LabelSpaceOptions } from './validate';
