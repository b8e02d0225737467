/**
 * Where CamVid files come from: a local folder or a base http(s) URL with the same layout.
 * Both report a missing file with a MissingFileError that names it, so the importer can say
 * which image lacks its label (or the reverse) in plain words.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MissingFileError, type CamvidSource } from './source';

export { MissingFileError, type CamvidSource } from './source';

async function folderSource(from: string): Promise<CamvidSource> {
  const root = resolve(from);
  const info = await stat(root).catch(() => null);
  if (!info) throw new Error(`--from: folder not found: ${root}`);
  if (!info.isDirectory()) throw new Error(`--from: not a folder: ${root}`);
  const missing = (err: unknown, rel: string): never => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new MissingFileError(join(root, rel));
    throw err;
  };
  return {
    locate: (rel) => join(root, rel),
    read: async (rel) => {
      const buf = await readFile(join(root, rel)).catch((err: unknown) => missing(err, rel));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    list: (rel) => readdir(join(root, rel)).catch((err: unknown) => missing(err, rel)),
  };
}

function urlSource(from: string, signal?: AbortSignal): CamvidSource {
  const base = new URL(from);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const locate = (rel: string): string => new URL(rel, base).href;
  return {
    locate,
    read: async (rel) => {
      const url = locate(rel);
      let res: Response;
      try {
        res = await fetch(url, signal ? { signal } : {});
      } catch (err) {
        if (signal?.aborted) throw err;
        throw new Error(`${url}: request failed (${(err as Error).message})`);
      }
      if (res.status === 404 || res.status === 410) throw new MissingFileError(`${url} (HTTP ${res.status})`);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    list: () => Promise.resolve(null),
  };
}

/**
 * Opens `--from`: an http(s) URL, or else a local folder (which must exist).
 * @param signal aborts HTTP requests in flight.
 */
export async function openCamvidSource(from: string, signal?: AbortSignal): Promise<CamvidSource> {
  if (typeof from !== 'string' || from.trim() === '') throw new Error(`--from: expected a folder or an http(s) URL, got "${from}"`);
  if (/^https?:\/\//i.test(from)) return urlSource(from, signal);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) throw new Error(`--from: only http(s) URLs and local folders are supported, got "${from}"`);
  return folderSource(from);
}
