/**
 * A pre-flight check of a CamVid folder, before any decoding: the folders a list file uses
 * exist, and every image has a label of the same name (and the reverse). Catching an orphan
 * here names it at once instead of after minutes of work.
 */
import { MissingFileError, type CamvidSource } from './source';
import type { ListedPair } from './list-file';

/** The folder part of a relative path ("train/a.png" -> "train", "a.png" -> "."). */
export function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '.' : rel.slice(0, i);
}

/** The file name of a relative path. */
export function baseOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

interface FolderPairing {
  imageDir: string;
  labelDir: string;
  sameNames: boolean;
}

function pairings(pairs: readonly ListedPair[]): FolderPairing[] {
  const byKey = new Map<string, FolderPairing>();
  for (const p of pairs) {
    const imageDir = dirOf(p.image);
    const labelDir = dirOf(p.label);
    const key = `${imageDir}\n${labelDir}`;
    const entry = byKey.get(key) ?? { imageDir, labelDir, sameNames: true };
    entry.sameNames &&= baseOf(p.image) === baseOf(p.label);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

async function listPngs(source: CamvidSource, dir: string, listName: string): Promise<Set<string> | null> {
  try {
    const names = await source.list(dir);
    return names && new Set(names.filter((n) => n.toLowerCase().endsWith('.png')));
  } catch (err) {
    if (err instanceof MissingFileError) throw new Error(`missing folder: ${source.locate(dir)} (used by ${listName})`);
    throw err;
  }
}

/**
 * Checks the folders a list file refers to. Sources that cannot list folders (HTTP) only get
 * the per-file checks made while importing.
 * @throws naming the missing folder, or the image without a label / label without an image.
 */
export async function checkCamvidLayout(source: CamvidSource, pairs: readonly ListedPair[], listName: string): Promise<void> {
  for (const { imageDir, labelDir, sameNames } of pairings(pairs)) {
    const images = await listPngs(source, imageDir, listName);
    const labels = await listPngs(source, labelDir, listName);
    if (!images || !labels || !sameNames) continue;
    for (const name of [...images].sort()) {
      if (!labels.has(name)) {
        throw new Error(`image without label: ${source.locate(`${imageDir}/${name}`)} has no label in ${source.locate(labelDir)}`);
      }
    }
    for (const name of [...labels].sort()) {
      if (!images.has(name)) {
        throw new Error(`label without image: ${source.locate(`${labelDir}/${name}`)} has no image in ${source.locate(imageDir)}`);
      }
    }
  }
}
