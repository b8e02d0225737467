/**
 * The public API of the SegNet engine. Widgets, CLIs and tests import from here only.
 * Axis order is NHWC throughout (see types.ts).
 */
export type { DecoderKind, EncoderKind, PoolResult, Segmentation } from './types';
export { DECODER_KINDS, ENCODER_KINDS } from './types';

export { maxPoolWithIndices, maxUnpool, atrousConv2d, resizeBilinear, pooledSize, dilatedExtent } from './ops';
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
export * as reference from './reference';

export { buildSegNet, countParameters, disposeActivations, SegNetModel } from './model/segnet-model';
export type { ForwardOptions, ForwardResult, ParameterCount, BuildOptions } from './model/segnet-model';
export { DEFAULT_CONFIG, type SegNetConfig, type SegNetOptions } from './model/config';
export { encoderPlan, stageSizes, type EncoderPlan } from './model/encoder';
export { mirroredStage } from './decoders';
export type { Activation } from './model/recorder';
export type { NamedVariable } from './layers/parameter-store';

export { weightedCrossEntropy } from './loss';
export {
  CAMVID_NUM_CLASSES,
  VOID_LABEL,
  TUTORIAL_CLASS_WEIGHTS,
  medianFrequencyWeights,
  type ClassFrequencies,
} from './class-weights';
export * from './metrics';

export { trainSteps, NonFiniteLossError, type TrainBatch, type BatchSource, type TrainOptions, type TrainProgress } from './train/train-steps';
export { TrainingController, type TrainingState } from './train/controller';
export { Optimizer, DEFAULT_OPTIMIZER, type OptimizerConfig } from './train/optimizer';
export { learningRateAt, type LearningRateSchedule } from './train/schedule';

export { saveCheckpoint, readCheckpoint, applyCheckpoint, restoreCheckpoint, loadSegNet, CHECKPOINT_FORMAT } from './checkpoint';
export type { CheckpointMeta, LoadedCheckpoint, SaveOptions } from './checkpoint';
export { memoryReport, type MemoryReport, type DecoderMemory } from './memory';
export { selectBackend, backendCanTrain, BACKEND_PREFERENCE, type BackendChoice, type BackendName } from './backend';
