/**
 * The public API of the SegNet engine, TF.js included. Widgets, CLIs and tests import from
 * here, or from core.ts for the TF-free part (which this file re-exports): nothing else of
 * src/segnet is imported from outside it (a test checks it). Axis order is NHWC throughout
 * (see types.ts).
 *
 * Inside, imports point one way: ops -> layers -> model/encoder, decoders -> model; the
 * TF-free files at the top (types, config, plan, layer-names, run-config, class-weights)
 * import nothing that loads TF.js.
 */
export * from './core';

export { maxPoolWithIndices, maxUnpool, atrousConv2d, resizeBilinear, dilatedExtent } from './ops';
export type { UnpoolShape, ConvPadding } from './ops';
export {
  trainableConv2d,
  trainableConv2dTranspose,
  trainableDepthwiseConv2d,
  hasNativeConvGradients,
  conv2dCustomGrad,
  conv2dTransposeCustomGrad,
  depthwiseConv2dCustomGrad,
  batchNormTraining,
} from './ops';
export type { ConvGradients, SpatialPads, BatchNormTrainingResult } from './ops';

export { buildSegNet, countParameters, disposeActivations, SegNetModel } from './model/segnet-model';
export type { ForwardOptions, ForwardResult, ParameterCount, BuildOptions } from './model/segnet-model';
export type { Activation } from './layers/recorder';
export type { NamedVariable } from './layers/parameter-store';

export { weightedCrossEntropy } from './loss';
export { loadMatchingWeights } from './weights';

export { imagesToTensor, predictLabels, predictSegmentation } from './model/predict';

export { trainSteps, trainStep, NonFiniteLossError, type TrainBatch, type BatchSource, type TrainOptions, type TrainProgress, type StepResult, type StepOptions, type LearningRate } from './train/train-steps';
export { Optimizer, DEFAULT_OPTIMIZER, type OptimizerConfig } from './train/optimizer';

export { saveCheckpoint, readCheckpoint, applyCheckpoint, restoreCheckpoint, loadSegNet, captureCheckpoint, resolveBeside, SIBLING_MODEL, CHECKPOINT_FORMAT } from './checkpoint';
export type { CheckpointMeta, LoadedCheckpoint, SaveOptions, CapturedCheckpoint, RelativeIOHandler } from './checkpoint';
export { memoryReport } from './memory-report';
export { selectBackend, backendCanTrain, BACKEND_PREFERENCE, type BackendChoice, type BackendName, type BackendRejection, type SelectOptions } from './backend';
