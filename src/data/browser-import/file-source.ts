/**
 * A CamvidSource over files the reader picked or dropped (File objects, or any Blob, keyed
 * by their path relative to the picked folder). Nothing is fetched: the bytes come from the
 * reader's disk through the Blob API.
 */
import { MissingFileError, type CamvidSource } from '../camvid/source';

/**
 * @param files relative path ("train/0001.png") -> its bytes.
 * @param root the picked folder's name, which messages put in front of each path.
 */
export function fileSource(files: ReadonlyMap<string, Blob>, root: string): CamvidSource {
  const locate = (rel: string): string => (root ? `${root}/${rel}` : rel);
  return {
    locate,
    read: async (rel) => {
      const file = files.get(rel);
      if (!file) throw new MissingFileError(locate(rel));
      return new Uint8Array(await file.arrayBuffer());
    },
    list: (dir) => {
      const prefix = dir === '.' || dir === '' ? '' : `${dir}/`;
      const names = [...files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
      if (names.length === 0 && ![...files.keys()].some((p) => p.startsWith(prefix))) return Promise.reject(new MissingFileError(locate(dir)));
      return Promise.resolve(names);
    },
  };
}
