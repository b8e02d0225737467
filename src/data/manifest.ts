/**
 * manifest.json: what a dataset folder holds (see docs/data-format.md). Loaders trust nothing
 * in a shard that the manifest does not vouch for (count, byte length, checksum).
 */
import { CAMVID_NUM_CLASSES, VOID_LABEL } from '../segnet/class-weights';

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

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

function requireInt(value: unknown, field: string, where: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(where, `${field} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkShard(entry: unknown, field: string, where: string): void {
  const s = entry as Partial<ShardEntry> | null;
  if (typeof s !== 'object' || s === null) fail(where, `${field} must be an object`);
  if (typeof s.file !== 'string' || !/^[\w.-]+$/.test(s.file) || s.file.startsWith('.')) {
    fail(where, `${field}.file must be a plain file name, got ${JSON.stringify(s.file)}`);
  }
  requireInt(s.count, `${field}.count`, where, 1);
  requireInt(s.bytes, `${field}.bytes`, where, 1);
  if (typeof s.checksum !== 'string' || !/^fnv1a32:[0-9a-f]{8}$/.test(s.checksum)) {
    fail(where, `${field}.checksum must look like "fnv1a32:0123abcd", got ${JSON.stringify(s.checksum)}`);
  }
}

function checkSplit(split: unknown, name: string, where: string): void {
  const s = split as Partial<SplitManifest> | null;
  if (typeof s !== 'object' || s === null) fail(where, `splits.${name} must be an object`);
  const count = requireInt(s.count, `splits.${name}.count`, where, 0);
  if (!Array.isArray(s.shards)) fail(where, `splits.${name}.shards must be an array`);
  s.shards.forEach((entry, i) => checkShard(entry, `splits.${name}.shards[${i}]`, where));
  const sum = s.shards.reduce((acc, e: ShardEntry) => acc + e.count, 0);
  if (s.shards.length > 0 && sum !== count) {
    fail(where, `splits.${name}.count is ${count} but its shards hold ${sum} examples`);
  }
}

/**
 * Validates a parsed manifest.json and returns it typed.
 * @param where names the manifest (path or URL) in error messages.
 */
export function parseManifest(json: unknown, where: string): DatasetManifest {
  const m = json as Partial<DatasetManifest> | null;
  if (typeof m !== 'object' || m === null) fail(where, 'manifest must be a JSON object');
  if (m.format !== DATASET_FORMAT) fail(where, `format must be "${DATASET_FORMAT}", got ${JSON.stringify(m.format)}`);
  if (m.formatVersion !== DATASET_FORMAT_VERSION) {
    fail(where, `formatVersion ${JSON.stringify(m.formatVersion)} is not supported (this loader reads ${DATASET_FORMAT_VERSION})`);
  }
  if (typeof m.name !== 'string' || m.name === '') fail(where, 'name must be a non-empty string');
  requireInt(m.height, 'height', where, 1);
  requireInt(m.width, 'width', where, 1);
  if (!Array.isArray(m.classNames) || m.classNames.length !== CAMVID_NUM_CLASSES) {
    fail(where, `classNames must list ${CAMVID_NUM_CLASSES} classes`);
  }
  if (m.voidLabel !== VOID_LABEL) fail(where, `voidLabel must be ${VOID_LABEL}, got ${JSON.stringify(m.voidLabel)}`);
  if (typeof m.splits !== 'object' || m.splits === null) fail(where, 'splits must be an object');
  for (const [name, split] of Object.entries(m.splits)) checkSplit(split, name, where);
  return m as DatasetManifest;
}
