/**
 * The reader's own datasets, kept in this browser (IndexedDB in the page, a map in tests) in
 * the format the loaders read: one manifest and its shards per dataset.
 *
 * A write is invisible until it commits: shards go under a fresh import id as they are made,
 * and the manifest record, the only thing `list` reads, is written last, in one put. A reload
 * or a crash mid-import leaves only shards no manifest names, which `sweep` removes; a
 * dataset of the same name stays as it was until the new one has committed.
 *
 * `extend` is the small API a painter needs: add pairs to a stored dataset (a new version is
 * written and committed the same way).
 */
import { assembleDataset } from '../dataset-assembly';
import { ClassStatsAccumulator } from '../class-stats';
import type { ClassStats, DatasetManifest, SplitManifest } from '../manifest';
import { buildManifest, type ManifestInput } from '../manifest-build';
import { parseManifest } from '../manifest';
import { verifyShardBytes } from '../shard-codec';
import { examplesPerShard, ShardPacker, DEFAULT_SHARD_BYTES } from '../shard-packer';
import { exampleAt, type Example, type RoadSceneDataset } from '../types';

/** Raw storage the dataset store writes through: two key-value tables. */
export interface StoreBackend {
  getManifest(name: string): Promise<StoredRecord | undefined>;
  allManifests(): Promise<StoredRecord[]>;
  /** Writes one manifest record (the commit point of a write). */
  putManifest(record: StoredRecord): Promise<void>;
  deleteManifest(name: string): Promise<void>;
  getShard(key: string): Promise<Uint8Array | undefined>;
  putShard(key: string, bytes: Uint8Array): Promise<void>;
  shardKeys(): Promise<string[]>;
  deleteShards(keys: readonly string[]): Promise<void>;
}

/** What the store keeps per dataset. */
export interface StoredRecord {
  name: string;
  /** The import whose shards this manifest names (shard keys are `<importId>/<file>`). */
  importId: string;
  manifest: DatasetManifest;
  /** Shard bytes in all. */
  bytes: number;
  /** When it was committed (ms since 1970). */
  savedAt: number;
}

/** A stored dataset as lists show it. */
export interface StoredDatasetInfo {
  name: string;
  height: number;
  width: number;
  /** Examples per split. */
  counts: Record<string, number>;
  bytes: number;
  savedAt: number;
}

/** Storage used and offered (navigator.storage.estimate()), in bytes. */
export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** The browser refused a write for lack of space; nothing already stored was lost. */
export class StorageFullError extends Error {
  constructor(readonly estimate: StorageEstimate | null) {
    super(`the browser's storage for this site is full${estimate ? `: ${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota)} used` : ''}`);
    this.name = 'StorageFullError';
  }
}

/** "3.4 MB", "1.2 GB" (decimal units, as browsers report storage). */
export function formatBytes(n: number): string {
  if (n < 1e6) return `${Math.round(n / 1e3)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(1)} GB`;
}

/** Names a stored dataset may have: the studio's URL carries them. */
export const STORED_NAME = /^own-[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * A stored dataset's name from a folder or file name: "My Streets (2)" -> "own-my-streets-2".
 * Letters outside a-z (a Chinese name, say) leave a trace: a short hash of the whole name, so
 * "我的街道" and "北京街道" do not both become "own-data" and replace each other.
 */
export function storedName(folder: string): string {
  const base = folder.replace(/\.zip$/i, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30).replace(/-+$/, '');
  if (!/[^\x00-\x7f]/.test(base)) return `own-${slug || 'data'}`;
  let h = 2166136261; // FNV-1a over the name's UTF-16 code units
  for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 16777619) >>> 0;
  return `own-${slug ? `${slug}-` : ''}${h.toString(36).slice(0, 6)}`;
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((e as Error).message)));
}

/** Adds examples split by split; nothing shows until `commit`. */
export interface DatasetWriter {
  add(split: string, example: Example): Promise<void>;
  /** Writes the manifest: from here the dataset is listed (replacing one of the same name). */
  commit(description: Pick<ManifestInput, 'source' | 'createdWith'>): Promise<StoredDatasetInfo>;
  /** Removes what was written; an older dataset of the same name stays. */
  abort(): Promise<void>;
}

export interface DatasetStoreOptions {
  /** Storage estimate for a full-quota message (navigator.storage.estimate in the page). */
  estimate?: () => Promise<StorageEstimate | null>;
  /** Fresh import ids (default: time and randomness). */
  newId?: () => string;
  shardBytes?: number;
}

function infoOf(r: StoredRecord): StoredDatasetInfo {
  const counts = Object.fromEntries(Object.entries(r.manifest.splits).map(([k, v]) => [k, v.count]));
  return { name: r.name, height: r.manifest.height, width: r.manifest.width, counts, bytes: r.bytes, savedAt: r.savedAt };
}

/** The reader's datasets over a backend (see `idbBackend` for the page's). */
export class DatasetStore {
  constructor(
    private readonly backend: StoreBackend,
    private readonly options: DatasetStoreOptions = {},
  ) {}

  /** Every committed dataset, by name. */
  async list(): Promise<StoredDatasetInfo[]> {
    const records = await this.backend.allManifests();
    return records.map(infoOf).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A dataset's manifest, or null when there is none of that name. */
  async manifest(name: string): Promise<DatasetManifest | null> {
    return (await this.backend.getManifest(name))?.manifest ?? null;
  }

  /** Loads a stored dataset (all splits, or the ones asked for), checking every shard. */
  async load(name: string, splits?: readonly string[]): Promise<RoadSceneDataset> {
    const record = await this.backend.getManifest(name);
    if (!record) throw new Error(`no stored dataset named "${name}" in this browser (deleted, or stored in another browser)`);
    const manifest = parseManifest(record.manifest, `stored dataset ${name}`);
    return assembleDataset(
      manifest,
      async (entry) => {
        const bytes = await this.backend.getShard(`${record.importId}/${entry.file}`);
        if (!bytes) throw new Error(`stored dataset ${name}: shard ${entry.file} is missing`);
        verifyShardBytes(bytes, entry);
        return bytes;
      },
      splits ? { splits } : {},
    );
  }

  /** Starts writing dataset `name` at H x W. */
  begin(name: string, height: number, width: number): DatasetWriter {
    if (!STORED_NAME.test(name)) throw new Error(`dataset name must look like own-my-streets (lower-case letters, digits, dashes), got "${name}"`);
    // The id starts with the time in base 36: sweep(minAgeMs) spares imports still under way elsewhere.
    const importId = this.options.newId?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const perShard = examplesPerShard(height, width, this.options.shardBytes ?? DEFAULT_SHARD_BYTES);
    const packers = new Map<string, ShardPacker>();
    const stats = new Map<string, ClassStatsAccumulator>();
    const written: string[] = [];
    let bytes = 0;
    // Once the manifest is written the new version is the dataset: nothing may take its shards back.
    let committed = false;
    const put = async (shard: { entry: { file: string }; bytes: Uint8Array } | null): Promise<void> => {
      if (!shard) return;
      const key = `${importId}/${shard.entry.file}`;
      written.push(key);
      await this.guard(() => this.backend.putShard(key, shard.bytes), written);
      bytes += shard.bytes.byteLength;
    };
    return {
      add: async (split, example) => {
        let packer = packers.get(split);
        if (!packer) {
          packer = new ShardPacker(split, height, width, perShard);
          packers.set(split, packer);
          stats.set(split, new ClassStatsAccumulator());
        }
        stats.get(split)!.add(example.labels);
        await put(packer.add(example.image, example.labels));
      },
      commit: async (description) => {
        const splits: Record<string, SplitManifest> = {};
        const classFrequencies: Record<string, ClassStats> = {};
        for (const [split, packer] of packers) {
          await put(packer.flush());
          splits[split] = { count: packer.count, shards: [...packer.entries] };
          classFrequencies[split] = stats.get(split)!.result();
        }
        const manifest = buildManifest({ ...description, name, height, width, splits, classFrequencies });
        const previous = await this.backend.getManifest(name);
        const record: StoredRecord = { name, importId, manifest, bytes, savedAt: Date.now() };
        await this.guard(() => this.backend.putManifest(record), written);
        committed = true;
        // The previous version's shards: best effort (a failure leaves orphans that sweep() clears).
        if (previous && previous.importId !== importId) await this.dropShards(previous.importId).catch(() => undefined);
        return infoOf(record);
      },
      abort: () => (committed ? Promise.resolve() : this.backend.deleteShards(written)),
    };
  }

  /**
   * Adds pairs to split `split` of a stored dataset (a painter's "add to my dataset"): a new
   * version with every earlier pair and the new ones, committed as any write.
   */
  async extend(name: string, split: string, examples: readonly Example[]): Promise<StoredDatasetInfo> {
    // Read, copy, write: two at once (two painters, two tabs) would each drop the other's pairs,
    // so they take turns where the browser has Web Locks.
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    const run = (): Promise<StoredDatasetInfo> => this.extendNow(name, split, examples);
    return locks ? locks.request(`unpooled-own-data:${name}`, run) : run();
  }

  private async extendNow(name: string, split: string, examples: readonly Example[]): Promise<StoredDatasetInfo> {
    const old = await this.load(name);
    const { height, width, source, createdWith } = old.manifest;
    const writer = this.begin(name, height, width);
    try {
      const names = new Set([...Object.keys(old.splits), split]);
      for (const s of ['train', 'val', 'test', ...names].filter((s, i, all) => names.has(s) && all.indexOf(s) === i)) {
        const data = old.splits[s];
        for (let n = 0; n < (data?.count ?? 0); n++) await writer.add(s, exampleAt(data!, n));
        if (s === split) for (const e of examples) await writer.add(s, e);
      }
      return await writer.commit({ source, createdWith });
    } catch (e) {
      await writer.abort().catch(() => undefined);
      throw e;
    }
  }

  /** Deletes a dataset: its manifest first (so it is gone at once), then its shards. */
  async remove(name: string): Promise<void> {
    const record = await this.backend.getManifest(name);
    if (!record) return;
    await this.backend.deleteManifest(name);
    await this.dropShards(record.importId);
  }

  /**
   * Removes shards no manifest names: what an import cut off by a reload or crash left.
   * @param minAgeMs only imports begun at least this long ago (another tab may be importing now).
   */
  async sweep(minAgeMs = 0): Promise<number> {
    const live = new Set((await this.backend.allManifests()).map((r) => r.importId));
    const now = Date.now();
    const begunAt = (id: string): number => parseInt(id.split('-')[0] ?? '', 36);
    const orphans = (await this.backend.shardKeys()).filter((k) => {
      const id = k.slice(0, k.indexOf('/'));
      return !live.has(id) && !(now - begunAt(id) < minAgeMs);
    });
    await this.backend.deleteShards(orphans);
    return orphans.length;
  }

  private async dropShards(importId: string): Promise<void> {
    const keys = (await this.backend.shardKeys()).filter((k) => k.startsWith(`${importId}/`));
    await this.backend.deleteShards(keys);
  }

  /** Runs a write; a full quota removes this import's shards and says so with the numbers. */
  private async guard(write: () => Promise<void>, written: readonly string[]): Promise<void> {
    try {
      await write();
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      await this.backend.deleteShards(written).catch(() => undefined);
      throw new StorageFullError((await this.options.estimate?.().catch(() => null)) ?? null);
    }
  }
}

/** An in-memory backend (tests, and pages without IndexedDB: nothing survives a reload). */
export function memoryBackend(): StoreBackend & { shards: Map<string, Uint8Array>; manifests: Map<string, StoredRecord> } {
  const manifests = new Map<string, StoredRecord>();
  const shards = new Map<string, Uint8Array>();
  return {
    manifests,
    shards,
    getManifest: (name) => Promise.resolve(manifests.get(name)),
    allManifests: () => Promise.resolve([...manifests.values()]),
    putManifest: (r) => Promise.resolve(void manifests.set(r.name, structuredClone(r))),
    deleteManifest: (name) => Promise.resolve(void manifests.delete(name)),
    getShard: (key) => Promise.resolve(shards.get(key)),
    putShard: (key, bytes) => Promise.resolve(void shards.set(key, bytes.slice())),
    shardKeys: () => Promise.resolve([...shards.keys()]),
    deleteShards: (keys) => Promise.resolve(keys.forEach((k) => shards.delete(k))),
  };
}
