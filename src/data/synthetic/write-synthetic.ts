/** Writing synthetic datasets to disk, and telling whether a written one is current (Node only). */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readManifestFile } from '../load-node';
import { writeDataset, type WrittenDataset } from '../write-dataset';
import {
  DEFAULT_SYNTHETIC_COUNTS,
  DEFAULT_SYNTHETIC_SEED,
  SYNTHETIC_GENERATOR_VERSION,
  syntheticDatasetName,
  syntheticExample,
  type SyntheticOptions,
} from './synthetic-dataset';

/** Options of `writeSyntheticDataset`. */
export interface WriteSyntheticOptions extends SyntheticOptions {
  /** Parent folder (default "public/data"). */
  outDir?: string;
  counts?: Readonly<Record<string, number>>;
  signal?: AbortSignal;
  /** Called after each scene, with scenes done and total over all splits. */
  onProgress?: (done: number, total: number) => void;
  createdWith?: { tool: string; version: string };
}

/** Generates and writes `outDir/synthetic-HxW/` atomically. */
export async function writeSyntheticDataset(options: WriteSyntheticOptions): Promise<WrittenDataset> {
  const counts = options.counts ?? DEFAULT_SYNTHETIC_COUNTS;
  const seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  let done = 0;
  return writeDataset(
    { outDir: options.outDir ?? 'public/data', name: syntheticDatasetName(options), height: options.height, width: options.width, signal: options.signal },
    async (sink) => {
      for (const [split, count] of Object.entries(counts)) {
        for (let n = 0; n < count; n++) {
          options.signal?.throwIfAborted();
          const ex = syntheticExample(split, n, { ...options, seed });
          await sink.add(split, ex.image, ex.labels);
          options.onProgress?.(++done, total);
        }
      }
      return {
        source: { kind: 'synthetic', seed, generatorVersion: SYNTHETIC_GENERATOR_VERSION, counts: { ...counts } },
        createdWith: options.createdWith ?? { tool: 'unpooled writeSyntheticDataset', version: 'unknown' },
      };
    },
  );
}

/**
 * Whether `outDir/synthetic-HxW/` already holds exactly what these options would write
 * (same generator version, seed and counts, every shard present at its recorded size).
 */
export async function syntheticDatasetIsCurrent(options: WriteSyntheticOptions): Promise<boolean> {
  const dir = resolve(options.outDir ?? 'public/data', syntheticDatasetName(options));
  const manifest = await readManifestFile(dir).catch(() => null);
  if (!manifest || manifest.source.kind !== 'synthetic') return false;
  const src = manifest.source;
  const counts = options.counts ?? DEFAULT_SYNTHETIC_COUNTS;
  const sameCounts = JSON.stringify(src.counts) === JSON.stringify(counts);
  if (src.generatorVersion !== SYNTHETIC_GENERATOR_VERSION || src.seed !== (options.seed ?? DEFAULT_SYNTHETIC_SEED) || !sameCounts) return false;
  for (const split of Object.values(manifest.splits)) {
    for (const shard of split.shards) {
      const info = await stat(join(dir, shard.file)).catch(() => null);
      if (!info || info.size !== shard.bytes) return false;
    }
  }
  return true;
}
