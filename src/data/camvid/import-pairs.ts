/**
 * The steps of a CamVid import that do not depend on where the files are or what decodes
 * them: read the list files, check the folders, read each listed pair (naming an orphan),
 * decode and check it, resize it (area for images, majority vote for labels). The CLI
 * (./import-camvid) and the page's importer (../browser-import) both run these, so they
 * accept and refuse the same input with the same words. Browser-safe: no Node imports.
 */
import { ImportError } from '../import-error';
import type { ImageSize } from '../image-size';
import { resizeImageArea } from '../resize-image';
import { resizeLabels } from '../resize-labels';
import type { Example } from '../types';
import { checkCamvidLayout } from './check-layout';
import { parseListFile, type ListedPair } from './list-file';
import type { PairDecoder } from './pair-checks';
import { MissingFileError, type CamvidSource } from './source';

async function readList(source: CamvidSource, split: string, limit: number | null | undefined): Promise<ListedPair[]> {
  const listName = `${split}.txt`;
  let bytes: Uint8Array;
  try {
    bytes = await source.read(listName);
  } catch (err) {
    if (err instanceof MissingFileError) throw new ImportError('missing-list', { location: err.location });
    throw err;
  }
  const pairs = parseListFile(new TextDecoder().decode(bytes), source.locate(listName));
  if (pairs.length === 0) throw new ImportError('empty-list', { location: source.locate(listName) });
  return limit == null ? pairs : pairs.slice(0, limit);
}

async function readPairFile(source: CamvidSource, pair: ListedPair, listName: string, which: 'image' | 'label'): Promise<Uint8Array> {
  try {
    return await source.read(pair[which]);
  } catch (err) {
    if (!(err instanceof MissingFileError)) throw err;
    const listed = { missing: err.location, list: listName, line: pair.line };
    if (which === 'label') throw new ImportError('listed-without-label', { image: source.locate(pair.image), ...listed });
    throw new ImportError('listed-without-image', { label: source.locate(pair.label), ...listed });
  }
}

/** Every list file first, then the folders they use: bad input fails before any decoding. */
export async function readLists(source: CamvidSource, splits: readonly string[], limit: number | null | undefined): Promise<Array<[string, ListedPair[]]>> {
  const lists: Array<[string, ListedPair[]]> = [];
  for (const split of splits) lists.push([split, await readList(source, split, limit)]);
  for (const [split, pairs] of lists) await checkCamvidLayout(source, pairs, source.locate(`${split}.txt`));
  return lists;
}

/** Sizes of one import: every source frame's, and the stored one. */
export interface PairSizes {
  size: ImageSize;
  sourceSize: ImageSize;
}

/**
 * Reads, decodes, checks and resizes one listed pair.
 * @param listName the list (or folder) the pair came from, for messages ("train.txt").
 */
export async function importPair(source: CamvidSource, pair: ListedPair, listName: string, sizes: PairSizes, decode: PairDecoder): Promise<Example> {
  const [imageBytes, labelBytes] = await Promise.all([readPairFile(source, pair, listName, 'image'), readPairFile(source, pair, listName, 'label')]);
  const where = { image: source.locate(pair.image), label: source.locate(pair.label) };
  const decoded = await decode(imageBytes, labelBytes, where, sizes.sourceSize);
  const { height: sh, width: sw } = sizes.sourceSize;
  const { height, width } = sizes.size;
  return {
    image: resizeImageArea(decoded.image, sh, sw, height, width),
    labels: resizeLabels(decoded.labels, sh, sw, height, width),
  };
}
