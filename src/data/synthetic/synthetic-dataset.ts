/**
 * Synthetic road-scene datasets, in memory: the default data of the site, generated rather
 * than downloaded. Scene n of a split depends only on (seed, split, n), so growing a split
 * never changes the scenes it already had, and splits never share a scene.
 */
import { classFrequencies } from '../class-stats';
import { formatImageSize, type ImageSize } from '../image-size';
import type { ClassStats, SplitManifest } from '../manifest';
import { buildManifest } from '../manifest-build';
import { deriveSeed, mulberry32 } from '../rng';
import type { Example, RoadSceneDataset, SplitData } from '../types';
import { generateScene } from './generate-scene';

/**
 * Bumped whenever the same seed starts to produce different scenes (2: soften and contact
 * shadows round to the nearest byte instead of truncating).
 */
export const SYNTHETIC_GENERATOR_VERSION = 2;

/** Default split sizes: small enough to generate in a few seconds, enough to learn from. */
export const DEFAULT_SYNTHETIC_COUNTS: Readonly<Record<string, number>> = Object.freeze({ train: 64, val: 16, test: 16 });

/** Default seed of the site's synthetic data. */
export const DEFAULT_SYNTHETIC_SEED = 1;

/** Size and seed of a synthetic dataset. */
export interface SyntheticOptions extends ImageSize {
  seed?: number;
}

/** The folder name of a synthetic dataset, e.g. "synthetic-96x128". */
export function syntheticDatasetName(size: ImageSize): string {
  return `synthetic-${formatImageSize(size)}`;
}

/** Scene `index` of split `split` for a seed. */
export function syntheticExample(split: string, index: number, options: SyntheticOptions): Example {
  const rng = mulberry32(deriveSeed(options.seed ?? DEFAULT_SYNTHETIC_SEED, split, index));
  return generateScene(rng, options.height, options.width);
}

function checkCount(name: string, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new Error(`count of split "${name}" must be an integer in 1..100000, got ${count}`);
  }
}

/** Generates a split in memory. */
export function generateSyntheticSplit(name: string, count: number, options: SyntheticOptions): SplitData {
  checkCount(name, count);
  const { height, width } = options;
  const px = height * width;
  const images = new Uint8Array(count * px * 3);
  const labels = new Uint8Array(count * px);
  for (let n = 0; n < count; n++) {
    const ex = syntheticExample(name, n, options);
    images.set(ex.image, n * px * 3);
    labels.set(ex.labels, n * px);
  }
  return { name, count, height, width, images, labels };
}

/**
 * Generates a whole dataset in memory, with the manifest a written copy would have
 * (its splits list no shards, since nothing is stored).
 */
export function generateSyntheticDataset(
  options: SyntheticOptions & { counts?: Readonly<Record<string, number>> },
): RoadSceneDataset {
  const counts = options.counts ?? DEFAULT_SYNTHETIC_COUNTS;
  const seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
  const splits: Record<string, SplitData> = {};
  const manifestSplits: Record<string, SplitManifest> = {};
  const stats: Record<string, ClassStats> = {};
  for (const [name, count] of Object.entries(counts)) {
    splits[name] = generateSyntheticSplit(name, count, { ...options, seed });
    manifestSplits[name] = { count, shards: [] };
    stats[name] = classFrequencies(splits[name]);
  }
  const manifest = buildManifest({
    name: syntheticDatasetName(options),
    source: { kind: 'synthetic', seed, generatorVersion: SYNTHETIC_GENERATOR_VERSION, counts: { ...counts } },
    height: options.height,
    width: options.width,
    splits: manifestSplits,
    classFrequencies: stats,
    createdWith: { tool: 'unpooled generateSyntheticDataset', version: `generator ${SYNTHETIC_GENERATOR_VERSION}` },
  });
  return { manifest, splits };
}
