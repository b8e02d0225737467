/** Assembles a manifest from what a writer or generator produced (pure: no I/O). */
import { medianFrequencyWeights, TUTORIAL_CLASS_WEIGHTS, VOID_LABEL } from '../segnet/core';
import {
  DATASET_FORMAT,
  DATASET_FORMAT_VERSION,
  type ClassStats,
  type DatasetManifest,
  type SplitManifest,
} from './manifest';
import { CLASS_NAMES, PALETTE } from './palette';

/** Everything a manifest records that is not derived from the fixed label set. */
export interface ManifestInput {
  name: string;
  source: DatasetManifest['source'];
  height: number;
  width: number;
  splits: Record<string, SplitManifest>;
  classFrequencies: Record<string, ClassStats>;
  createdWith: { tool: string; version: string };
}

/**
 * The split whose statistics give the class weights: "train" when present, because weights
 * fitted on validation or test data would leak them into training.
 */
function chooseWeightsSplit(stats: Record<string, ClassStats>): string {
  if (stats.train) return 'train';
  const first = Object.keys(stats)[0];
  if (first === undefined) throw new Error('buildManifest: classFrequencies must hold at least one split');
  return first;
}

/** Builds a complete manifest, computing median-frequency weights from the train split. */
export function buildManifest(input: ManifestInput): DatasetManifest {
  const weightsSplit = chooseWeightsSplit(input.classFrequencies);
  const stats = input.classFrequencies[weightsSplit]!;
  if (stats.pixelCounts.every((n) => n === 0)) {
    throw new Error(`buildManifest: split "${weightsSplit}" has no labelled pixels, so no class weights can be computed`);
  }
  return {
    format: DATASET_FORMAT,
    formatVersion: DATASET_FORMAT_VERSION,
    name: input.name,
    source: input.source,
    height: input.height,
    width: input.width,
    classNames: [...CLASS_NAMES],
    palette: PALETTE.map((c) => [c[0], c[1], c[2]]),
    voidLabel: VOID_LABEL,
    splits: input.splits,
    classFrequencies: input.classFrequencies,
    medianFrequencyWeights: medianFrequencyWeights(stats),
    weightsSplit,
    tutorialClassWeights: [...TUTORIAL_CLASS_WEIGHTS],
    createdWith: input.createdWith,
  };
}
