/**
 * Turns a manifest plus a way to read shard bytes into decoded splits. Both loaders (fs and
 * fetch) share it, so they check shards and lay out splits identically.
 */
import type { DatasetManifest, ShardEntry } from './manifest';
import { parseShard } from './shard-codec';
import type { RoadSceneDataset, SplitData } from './types';

/**
 * Reads one shard's bytes (from disk, the network or a cache) and checks their length and
 * checksum against `entry` with `verifyShardBytes`, so each shard is hashed once (a cache
 * must hash anyway, to decide what it may keep).
 */
export type ShardReader = (entry: ShardEntry, split: string) => Promise<Uint8Array>;

/** Progress while loading: shards read so far, out of the shards requested. */
export interface LoadProgress {
  shardsDone: number;
  shardsTotal: number;
}

/** Options shared by the loaders. */
export interface LoadOptions {
  /** Splits to load (default: every split in the manifest). */
  splits?: readonly string[];
  /** Called after each shard. */
  onProgress?: (progress: LoadProgress) => void;
}

function requestedSplits(manifest: DatasetManifest, splits: readonly string[] | undefined): string[] {
  const available = Object.keys(manifest.splits);
  const wanted = splits ?? available;
  for (const name of wanted) {
    if (!manifest.splits[name]) {
      throw new Error(`splits: dataset "${manifest.name}" has no split "${name}" (it has ${available.join(', ') || 'none'})`);
    }
  }
  return [...wanted];
}

async function loadSplit(
  manifest: DatasetManifest,
  name: string,
  read: ShardReader,
  tick: () => void,
): Promise<SplitData> {
  const { height, width } = manifest;
  const { count, shards } = manifest.splits[name]!;
  const px = height * width;
  const images = new Uint8Array(count * px * 3);
  const labels = new Uint8Array(count * px);
  let offset = 0;
  for (const entry of shards) {
    const shard = parseShard(await read(entry, name), entry, height, width);
    images.set(shard.images, offset * px * 3);
    labels.set(shard.labels, offset * px);
    offset += shard.count;
    tick();
  }
  return { name, count, height, width, images, labels };
}

/** Loads and checks the requested splits of a dataset. */
export async function assembleDataset(
  manifest: DatasetManifest,
  read: ShardReader,
  options: LoadOptions = {},
): Promise<RoadSceneDataset> {
  const names = requestedSplits(manifest, options.splits);
  const shardsTotal = names.reduce((n, s) => n + manifest.splits[s]!.shards.length, 0);
  let shardsDone = 0;
  const tick = (): void => {
    shardsDone++;
    options.onProgress?.({ shardsDone, shardsTotal });
  };
  const loaded = await Promise.all(names.map((name) => loadSplit(manifest, name, read, tick)));
  const splits: Record<string, SplitData> = {};
  for (const split of loaded) splits[split.name] = split;
  return { manifest, splits };
}
