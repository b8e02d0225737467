/**
 * Imports a reader's folder into the dataset store: detect the layout, read the lists (or
 * pair the files), then decode, check and resize every pair with the CLI importer's own steps
 * (../camvid/import-pairs), so the same input is refused with the same words. The decoder is
 * injected: createImageBitmap in the import worker, a PNG decoder in tests.
 * Any failure or an abort removes what was written; the store lists the dataset only once its
 * manifest is committed, last.
 */
import { ImportError } from '../import-error';
import { importPair, readLists } from '../camvid/import-pairs';
import type { ListedPair } from '../camvid/list-file';
import type { PairDecoder } from '../camvid/pair-checks';
import { formatImageSize, type ImageSize } from '../image-size';
import type { DatasetStore, StoredDatasetInfo } from './dataset-store';
import { fileSource } from './file-source';
import { detectLayout, stripTopFolder } from './layout';

/** One file of the picked folder, by its path relative to the folder's parent. */
export interface PickedFile {
  path: string;
  blob: Blob;
}

/** Progress after each stored pair (and once, with done 0, before the first). */
export interface FolderImportProgress {
  split: string;
  done: number;
  total: number;
}

export interface ImportFilesOptions {
  files: readonly PickedFile[];
  /** The stored dataset's name ("own-..."). */
  name: string;
  /** Stored frame size. */
  size: ImageSize;
  store: DatasetStore;
  decode: PairDecoder;
  /** The size of an image file without decoding all of it (every other frame must match it). */
  measure: (bytes: Uint8Array, location: string) => Promise<ImageSize>;
  onProgress?: (p: FolderImportProgress) => void;
  signal?: AbortSignal;
}

/**
 * Imports the files as dataset `name`, replacing one of that name only on success.
 * @throws naming the bad file (corrupt, wrong size, value out of range, orphan) or folder.
 */
export async function importFiles(o: ImportFilesOptions): Promise<StoredDatasetInfo> {
  if (o.files.length === 0) throw new ImportError('no-files', {});
  const layout = detectLayout(o.files.map((f) => f.path));
  const { rels } = stripTopFolder(o.files.map((f) => f.path));
  const source = fileSource(new Map(rels.map((rel, i) => [rel, o.files[i]!.blob])), layout.root);
  const lists: Array<[string, ListedPair[]]> = layout.kind === 'tutorial' ? await readLists(source, layout.splits, null) : layout.splits;
  const first = lists[0]![1][0]!;
  const sourceSize = await o.measure(await source.read(first.image), source.locate(first.image));
  const total = lists.reduce((n, [, pairs]) => n + pairs.length, 0);
  let done = 0;
  o.onProgress?.({ split: lists[0]![0], done, total });
  const writer = o.store.begin(o.name, o.size.height, o.size.width);
  try {
    for (const [split, pairs] of lists) {
      const listName = layout.kind === 'tutorial' ? `${split}.txt` : `${split} pairs`;
      for (const pair of pairs) {
        o.signal?.throwIfAborted();
        await writer.add(split, await importPair(source, pair, listName, { size: o.size, sourceSize }, o.decode));
        o.onProgress?.({ split, done: ++done, total });
      }
    }
    o.signal?.throwIfAborted();
    return await writer.commit({
      source: {
        kind: 'camvid',
        from: `your files: ${layout.root || 'picked files'}`,
        lists: layout.kind === 'tutorial' ? lists.map(([s]) => `${s}.txt`) : [],
        limit: null,
        sourceSize: formatImageSize(sourceSize),
      },
      createdWith: { tool: 'unpooled page import', version: '1' },
    });
  } catch (e) {
    await writer.abort().catch(() => undefined);
    throw e;
  }
}

/** A PNG's size from its IHDR chunk, or null when the bytes are no PNG. */
export function pngSize(bytes: Uint8Array): ImageSize | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
