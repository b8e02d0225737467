/** Packs a split's examples, in order, into shards of a few MB (pure: the caller writes them). */
import type { ShardEntry } from './manifest';
import { encodeShard, shardEntry, type EncodedShard } from './shard-codec';

/** Default shard size target: a few MB keeps HTTP requests and cache entries reasonable. */
export const DEFAULT_SHARD_BYTES = 4 * 1024 * 1024;

/** How many examples of H x W fit in a shard of about `targetBytes` (at least one). */
export function examplesPerShard(height: number, width: number, targetBytes = DEFAULT_SHARD_BYTES): number {
  return Math.max(1, Math.floor(targetBytes / (height * width * 4)));
}

/** The file name of shard `index` of a split, e.g. "train-003.bin". */
export function shardFileName(split: string, index: number): string {
  return `${split}-${String(index).padStart(3, '0')}.bin`;
}

/** Collects examples and emits a finished shard each time one fills up. */
export class ShardPacker {
  /** Entries of the shards emitted so far, in order. */
  readonly entries: ShardEntry[] = [];
  private readonly px: number;
  private readonly images: Uint8Array;
  private readonly labels: Uint8Array;
  private pending = 0;

  constructor(
    readonly split: string,
    readonly height: number,
    readonly width: number,
    readonly perShard: number,
  ) {
    if (!/^[a-z][a-z0-9_]*$/.test(split)) throw new Error(`ShardPacker: split name must match [a-z][a-z0-9_]*, got "${split}"`);
    if (!Number.isInteger(perShard) || perShard < 1) throw new Error(`ShardPacker: perShard must be a positive integer, got ${perShard}`);
    this.px = height * width;
    this.images = new Uint8Array(perShard * this.px * 3);
    this.labels = new Uint8Array(perShard * this.px);
  }

  /** Examples added so far. */
  get count(): number {
    return this.entries.reduce((n, e) => n + e.count, 0) + this.pending;
  }

  /** Adds one example; returns a finished shard when this one filled it. */
  add(image: Uint8Array, labels: Uint8Array): EncodedShard | null {
    if (image.length !== this.px * 3) throw new Error(`ShardPacker.add: image has ${image.length} bytes, expected ${this.px * 3}`);
    if (labels.length !== this.px) throw new Error(`ShardPacker.add: labels has ${labels.length} bytes, expected ${this.px}`);
    this.images.set(image, this.pending * this.px * 3);
    this.labels.set(labels, this.pending * this.px);
    this.pending++;
    return this.pending === this.perShard ? this.flush() : null;
  }

  /** Emits the partly filled last shard, if any. */
  flush(): EncodedShard | null {
    if (this.pending === 0) return null;
    const n = this.pending;
    const bytes = encodeShard(
      this.images.subarray(0, n * this.px * 3),
      this.labels.subarray(0, n * this.px),
      n,
      this.height,
      this.width,
    );
    const entry = shardEntry(shardFileName(this.split, this.entries.length), n, bytes);
    this.entries.push(entry);
    this.pending = 0;
    return { entry, bytes };
  }
}
