/**
 * The engine's TF-free entry: everything a page can use before (or without) loading TF.js.
 * Types, the run config, class weights, the encoder plan and stage sizes, layer names,
 * labels, the plain-TS reference ops, the metrics (confusion matrix, scores, boundary F1)
 * and small helpers. Nothing here imports TF.js at run time (a test checks it); index.ts
 * re-exports all of it next to the TF.js parts.
 */
export type { DecoderKind, EncoderKind, PoolResult, Segmentation, StageOutput } from './types';
export { DECODER_KINDS, ENCODER_KINDS } from './types';
export { DEFAULT_CONFIG, resolveConfig, configDifferences, type SegNetConfig, type SegNetOptions } from './config';
export { CAMVID_NUM_CLASSES, VOID_LABEL, TUTORIAL_CLASS_WEIGHTS, medianFrequencyWeights, classWeightsFor, type ClassFrequencies } from './class-weights';
export { encoderPlan, stageSizes, pooledSize, type EncoderPlan, type ConvSpec } from './plan';
export { mirroredStage } from './decoders/mirror';
export { layerName, stageLayer, convStepName, parseLayerName, isEncoderName, LOGITS_LAYER, type NetworkPart, type ParsedLayerName } from './layer-names';
export { DECODER_LABELS, encoderLabel } from './labels';
export {
  DEFAULT_RUN,
  DEFAULT_DATASET,
  RUN_FIELDS,
  OPTIMIZER_KINDS,
  SCHEDULE_KINDS,
  CLASS_WEIGHTINGS,
  RESOLUTIONS,
  trainingSize,
  halfSize,
  validateRunConfig,
  runNetwork,
  runExtra,
  runFromExtra,
  type RunConfig,
  type OptimizerKind,
  type ScheduleKind,
  type ClassWeighting,
  type Resolution,
} from './run-config';
export { learningRateAt, validateSchedule, type LearningRateSchedule } from './train/schedule';
export { TrainingController, type TrainingState } from './train/controller';
export { matchWeights, type WeightCopyReport, type WeightMatchOptions, type TensorShape } from './weight-match';
export { errorMessage } from './errors';
export { memoryReportWith, type MemoryReport, type DecoderMemory, type ParameterCounter } from './memory';
export { siteUrl } from './site-url';
export * as reference from './reference';
export * from './reference';
export * from './metrics';
