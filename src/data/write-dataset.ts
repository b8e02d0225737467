/** Writes a dataset folder (manifest.json + shards) atomically (Node only). */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { replaceDirAtomically } from './atomic-dir';
import { ClassStatsAccumulator } from './class-stats';
import type { ClassStats, DatasetManifest, SplitManifest } from './manifest';
import { buildManifest, type ManifestInput } from './manifest-build';
import type { EncodedShard } from './shard-codec';
import { examplesPerShard, ShardPacker, DEFAULT_SHARD_BYTES } from './shard-packer';

/** Where and how to write a dataset. */
export interface WriteDatasetOptions {
  /** Parent folder, e.g. "public/data". */
  outDir: string;
  /** Dataset folder name, e.g. "camvid-180x240". */
  name: string;
  height: number;
  width: number;
  /** Target shard size in bytes (default 4 MiB). */
  shardBytes?: number;
  /** Aborting removes the partial output and keeps the previous dataset. */
  signal?: AbortSignal;
}

/** Receives examples, split by split, in the order they should be stored. */
export interface DatasetSink {
  add(split: string, image: Uint8Array, labels: Uint8Array): Promise<void>;
}

/** What the producer reports once every example is added. */
export type DatasetDescription = Pick<ManifestInput, 'source' | 'createdWith'>;

/** The result of a write: the dataset folder and its manifest. */
export interface WrittenDataset {
  dir: string;
  manifest: DatasetManifest;
}

class FolderSink implements DatasetSink {
  private readonly packers = new Map<string, ShardPacker>();
  private readonly stats = new Map<string, ClassStatsAccumulator>();
  private readonly perShard: number;

  constructor(
    private readonly dir: string,
    private readonly options: WriteDatasetOptions,
  ) {
    this.perShard = examplesPerShard(options.height, options.width, options.shardBytes ?? DEFAULT_SHARD_BYTES);
  }

  async add(split: string, image: Uint8Array, labels: Uint8Array): Promise<void> {
    let packer = this.packers.get(split);
    if (!packer) {
      packer = new ShardPacker(split, this.options.height, this.options.width, this.perShard);
      this.packers.set(split, packer);
      this.stats.set(split, new ClassStatsAccumulator());
    }
    this.stats.get(split)!.add(labels);
    await this.write(packer.add(image, labels));
  }

  private async write(shard: EncodedShard | null): Promise<void> {
    if (shard) await writeFile(join(this.dir, shard.entry.file), shard.bytes);
  }

  async finish(): Promise<{ splits: Record<string, SplitManifest>; classFrequencies: Record<string, ClassStats> }> {
    const splits: Record<string, SplitManifest> = {};
    const classFrequencies: Record<string, ClassStats> = {};
    for (const [name, packer] of this.packers) {
      await this.write(packer.flush());
      splits[name] = { count: packer.count, shards: [...packer.entries] };
      classFrequencies[name] = this.stats.get(name)!.result();
    }
    return { splits, classFrequencies };
  }
}

/** Pretty JSON with every array of numbers on one line (palettes and counts stay readable). */
export function formatManifest(manifest: DatasetManifest): string {
  const json = JSON.stringify(manifest, null, 2);
  return `${json.replace(/\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g, (_m, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`)}\n`;
}

/**
 * Writes `outDir/name/` from the examples `fill` adds, replacing any previous dataset there
 * only once the new one is complete.
 */
export async function writeDataset(
  options: WriteDatasetOptions,
  fill: (sink: DatasetSink) => Promise<DatasetDescription>,
): Promise<WrittenDataset> {
  if (!/^[\w][\w.-]*$/.test(options.name)) throw new Error(`writeDataset: name must be a plain folder name, got "${options.name}"`);
  for (const key of ['height', 'width'] as const) {
    const v = options[key];
    if (!Number.isInteger(v) || v < 1) throw new Error(`writeDataset: ${key} must be a positive integer, got ${v}`);
  }
  const dir = resolve(options.outDir, options.name);
  const manifest = await replaceDirAtomically(
    dir,
    async (tmp) => {
      const sink = new FolderSink(tmp, options);
      const description = await fill(sink);
      options.signal?.throwIfAborted();
      const written = await sink.finish();
      const manifest = buildManifest({ ...description, ...written, name: options.name, height: options.height, width: options.width });
      await writeFile(join(tmp, 'manifest.json'), formatManifest(manifest));
      return manifest;
    },
    options.signal,
  );
  return { dir, manifest };
}
