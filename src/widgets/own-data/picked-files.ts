/**
 * The reader's files, each with its path inside the picked folder: from a folder picker
 * (`<input webkitdirectory>`, which gives webkitRelativePath) or from a drop (directory
 * entries walked with webkitGetAsEntry). Nothing is read here: Files are handles to the disk.
 */
import type { PickedFile } from '../../data/browser-import';

/** The files of a folder picker (or plain files, by name). */
export function filesOfInput(files: FileList | readonly File[]): PickedFile[] {
  return [...files].map((f) => ({ path: f.webkitRelativePath || f.name, blob: f }));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries gives at most about 100 entries a call: read until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    out.push({ path: entry.fullPath.replace(/^\//, ''), blob: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, out);
  }
}

/** The files of a drop: folders walked, loose files by name. */
export async function filesOfDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => e != null);
  if (entries.length === 0) return filesOfInput(data.files);
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
