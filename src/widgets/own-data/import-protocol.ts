/** Messages between the "your data" panel and its import worker (plain structured-clone data). */
import type { FolderImportProgress, ImportErrorData, PickedFile, StoredDatasetInfo } from '../../data/browser-import';

/** Page -> worker: import these files as `name` at height x width, or cancel the import under way. */
export type ImportRequest = { kind: 'import'; files: PickedFile[]; name: string; height: number; width: number } | { kind: 'cancel' };

/**
 * Worker -> page. `full` carries the storage numbers of a full quota (null when unknown);
 * `error`, the importer's code and parameters of a refusal, which the page words in its language.
 */
export type ImportReport =
  | { kind: 'progress'; progress: FolderImportProgress }
  | { kind: 'done'; info: StoredDatasetInfo }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; full: { usage: number; quota: number } | null | false; error?: ImportErrorData };
