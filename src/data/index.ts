/**
 * The public, browser-safe API of src/data: labels and palette, dataset format, the HTTP
 * loader, synthetic scenes, augmentation and batch planning.
 *
 * Not re-exported here, on purpose:
 * - ./batches (TF.js tensors): importing this index must not load TF.js, so widgets that only
 *   show data stay light. Import `src/data/batches` where training starts.
 * - ./node (fs, sharp): the disk loader, writers and the CamVid importer, for scripts and tests.
 */
export {
  CAMVID_NUM_CLASSES,
  CLASS_NAMES,
  PALETTE,
  VOID_COLOR,
  VOID_LABEL,
  VOID_NAME,
  labelColor,
  labelToRgba,
  type Rgb,
} from './palette';
export { chance, deriveSeed, mulberry32, pick, randInt, shuffleInPlace, uniform, type Rng } from './rng';
export { SPLIT_NAMES, exampleAt, type Example, type RoadSceneDataset, type SplitData, type SplitName } from './types';
export { formatImageSize, parseImageSize, type ImageSize } from './image-size';
export {
  DATASET_FORMAT,
  DATASET_FORMAT_VERSION,
  parseManifest,
  type CamvidSourceInfo,
  type ClassStats,
  type DatasetManifest,
  type ShardEntry,
  type SplitManifest,
  type SyntheticSourceInfo,
} from './manifest';
export { buildManifest, type ManifestInput } from './manifest-build';
export { ClassStatsAccumulator, classFrequencies } from './class-stats';
export { fnv1a32, shardChecksum } from './checksum';
export {
  SHARD_HEADER_BYTES,
  decodeShard,
  encodeShard,
  parseShard,
  shardByteLength,
  shardMismatch,
  verifyShardBytes,
  type DecodedShard,
} from './shard-codec';
export { DEFAULT_SHARD_BYTES, ShardPacker, examplesPerShard, shardFileName } from './shard-packer';
export { assembleDataset, type LoadOptions, type LoadProgress, type ShardReader } from './dataset-assembly';
export { DEFAULT_DATA_CACHE, fetchManifest, loadDataset, type BrowserLoadOptions } from './load-browser';
export { resizeImageArea } from './resize-image';
export { resizeLabels } from './resize-labels';
export { resizeSplit } from './resize-split';
export { augmentInto, augmentedSize, checkAugmentOptions, type AugmentOptions } from './augment';
export { assembleBatch, batchAugmentRng, batchesPerEpoch, epochBatches, type EpochOptions, type RawBatch } from './batch-assembly';
export { generateScene, renderScene } from './synthetic/generate-scene';
export { planScene } from './synthetic/plan-scene';
export {
  DEFAULT_SYNTHETIC_COUNTS,
  DEFAULT_SYNTHETIC_SEED,
  SYNTHETIC_GENERATOR_VERSION,
  generateSyntheticDataset,
  generateSyntheticSplit,
  syntheticDatasetName,
  syntheticExample,
  type SyntheticOptions,
} from './synthetic/synthetic-dataset';
