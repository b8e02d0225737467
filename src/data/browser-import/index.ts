/**
 * The reader's own datasets: importing a picked folder in the page (layout detection, the CLI
 * importer's checks and resize rules) and the store that keeps them in this browser.
 */
export { detectLayout, stripTopFolder, type FolderLayout } from './layout';
export { fileSource } from './file-source';
export { importFiles, pngSize, type FolderImportProgress, type ImportFilesOptions, type PickedFile } from './import-files';
export {
  DatasetStore,
  STORED_NAME,
  StorageFullError,
  formatBytes,
  memoryBackend,
  storedName,
  type DatasetStoreOptions,
  type DatasetWriter,
  type StorageEstimate,
  type StoreBackend,
  type StoredDatasetInfo,
  type StoredRecord,
} from './dataset-store';
export { OWN_DATA_CHANNEL, OWN_DATA_DB, idbBackend, storageEstimate, withIdbStore, type IdbBackend } from './idb-backend';
export { IMPORT_ERROR_CODES, IMPORT_ERROR_ENGLISH, ImportError, importErrorData, importErrorText, type ImportErrorCode, type ImportErrorData, type ImportErrorParams, type ImportErrorTexts } from '../import-error';
