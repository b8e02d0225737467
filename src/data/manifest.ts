/**
 * manifest.json: what a dataset folder holds (see docs/data-format.md). Loaders trust nothing
 * in a shard that the manifest does not vouch for (count, byte length, checksum).
 */
import { CAMVID_NUM_CLASSES, VOID_LABEL } from '../segnet/core';
import {
  checkClassStats,
  checkClassWeights,
  checkCreatedWith,
  checkPalette,
  checkSource,
  checkSplit,
  fail,
  requireArray,
  requireInt,
  requireObject,
  requireString,
} from './manifest-checks';

/** The value of `format` in every manifest. */
export const DATASET_FORMAT = 'unpooled-road-scenes';

/** Bumped whenever the manifest or shard layout changes incompatibly. */
export const DATASET_FORMAT_VERSION = 1;

/** One shard file of a split. */
export interface ShardEntry {
  /** File name, relative to the dataset folder. */
  file: string;
  /** Examples in this shard. */
  count: number;
  /** Exact file size in bytes. */
  bytes: number;
  /** "fnv1a32:" + 8 hex digits, over the whole file. */
  checksum: string;
}

/** A split's examples, in shard order. */
export interface SplitManifest {
  count: number;
  shards: ShardEntry[];
}

/** Per-class pixel statistics of one split (the median-frequency inputs, plus void). */
export interface ClassStats {
  /** pixelCounts[c]: pixels labelled c, c = 0..10. */
  pixelCounts: number[];
  /** imagePixelCounts[c]: total pixels of the images in which class c appears. */
  imagePixelCounts: number[];
  /** Pixels labelled void (11). */
  voidPixels: number;
  /** All pixels of the split, void included. */
  totalPixels: number;
}

/** Where a CamVid import came from, exactly as requested. */
export interface CamvidSourceInfo {
  kind: 'camvid';
  /** The --from argument, verbatim (folder or URL). */
  from: string;
  /** The list files read, e.g. ["train.txt", "val.txt"]. */
  lists: string[];
  /** --limit (examples per split), or null for all. */
  limit: number | null;
  /** Size of the source frames, "HxW". */
  sourceSize: string;
}

/** The parameters that reproduce a synthetic dataset. */
export interface SyntheticSourceInfo {
  kind: 'synthetic';
  seed: number;
  /** Bumped whenever the generator draws different scenes for the same seed. */
  generatorVersion: number;
  counts: Record<string, number>;
}

/** The parsed manifest.json of a dataset folder. */
export interface DatasetManifest {
  format: typeof DATASET_FORMAT;
  formatVersion: number;
  /** Folder name, e.g. "camvid-180x240". */
  name: string;
  source: CamvidSourceInfo | SyntheticSourceInfo;
  height: number;
  width: number;
  classNames: string[];
  palette: Array<[number, number, number]>;
  voidLabel: number;
  splits: Record<string, SplitManifest>;
  /** Class statistics of every split. */
  classFrequencies: Record<string, ClassStats>;
  /** Median-frequency weights computed from `weightsSplit` (normally "train"). */
  medianFrequencyWeights: number[];
  weightsSplit: string;
  /** SegNet-Tutorial's shipped weights, for comparison. */
  tutorialClassWeights: number[];
  createdWith: { tool: string; version: string };
}

function checkClassNames(value: unknown, where: string): void {
  requireArray(value, 'classNames', where, CAMVID_NUM_CLASSES).forEach((v, c) => requireString(v, `classNames[${c}]`, where));
}

/** Every split has statistics, and the weights come from one of them. */
function checkStatistics(m: Partial<DatasetManifest>, where: string): void {
  const stats = requireObject(m.classFrequencies, 'classFrequencies', where);
  for (const name of Object.keys(m.splits ?? {})) {
    if (!(name in stats)) fail(where, `classFrequencies has no entry for split "${name}"`);
  }
  for (const [name, s] of Object.entries(stats)) checkClassStats(s, `classFrequencies.${name}`, where);
  const from = requireString(m.weightsSplit, 'weightsSplit', where);
  if (!(from in stats)) {
    fail(where, `weightsSplit must name a split of classFrequencies (${Object.keys(stats).join(', ') || 'none'}), got ${JSON.stringify(from)}`);
  }
  checkClassWeights(m.medianFrequencyWeights, 'medianFrequencyWeights', where);
  checkClassWeights(m.tutorialClassWeights, 'tutorialClassWeights', where);
}

/**
 * Validates a parsed manifest.json and returns it typed.
 * @param where names the manifest (path or URL) in error messages.
 */
export function parseManifest(json: unknown, where: string): DatasetManifest {
  if (typeof json !== 'object' || json === null) fail(where, 'manifest must be a JSON object');
  const m = json as Partial<DatasetManifest>;
  if (m.format !== DATASET_FORMAT) fail(where, `format must be "${DATASET_FORMAT}", got ${JSON.stringify(m.format)}`);
  if (m.formatVersion !== DATASET_FORMAT_VERSION) {
    fail(where, `formatVersion ${JSON.stringify(m.formatVersion)} is not supported (this loader reads ${DATASET_FORMAT_VERSION})`);
  }
  if (typeof m.name !== 'string' || m.name === '') fail(where, 'name must be a non-empty string');
  checkSource(m.source, where);
  requireInt(m.height, 'height', where, 1);
  requireInt(m.width, 'width', where, 1);
  checkClassNames(m.classNames, where);
  checkPalette(m.palette, where);
  if (m.voidLabel !== VOID_LABEL) fail(where, `voidLabel must be ${VOID_LABEL}, got ${JSON.stringify(m.voidLabel)}`);
  for (const [name, split] of Object.entries(requireObject(m.splits, 'splits', where))) checkSplit(split, name, where);
  checkStatistics(m, where);
  checkCreatedWith(m.createdWith, where);
  return m as DatasetManifest;
}
