/**
 * The source abstraction every CamVid importer reads through (browser-safe: no Node imports):
 * a folder on disk, a base URL, or the files a reader picked in the page.
 */

import { ImportError } from '../import-error';

/** A file the source does not have (ENOENT, HTTP 404). */
export class MissingFileError extends ImportError<'not-found'> {
  constructor(readonly location: string) {
    super('not-found', { location });
    this.name = 'MissingFileError';
  }
}

/** Read access to a CamVid folder, by paths relative to its root ("train/X.png"). */
export interface CamvidSource {
  /** The absolute path or URL of a relative path, for messages. */
  locate(rel: string): string;
  /** The file's bytes; throws MissingFileError when it does not exist. */
  read(rel: string): Promise<Uint8Array>;
  /**
   * The file names in a folder, or null when the source cannot list folders (HTTP).
   * Throws MissingFileError when the folder does not exist.
   */
  list(rel: string): Promise<string[] | null>;
}
