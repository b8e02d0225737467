/**
 * The Node-only API of src/data (uses node:fs, and sharp for the CamVid importer): loading
 * dataset folders from disk and writing them. Browser code imports ./index instead.
 */
export { loadDatasetFromDir, readManifestFile } from './load-node';
export { formatManifest, writeDataset, type DatasetDescription, type DatasetSink, type WriteDatasetOptions, type WrittenDataset } from './write-dataset';
export { replaceDirAtomically } from './atomic-dir';
export { CAMVID_SOURCE_SIZE, importCamvid, type ImportCamvidOptions, type ImportProgress } from './camvid/import-camvid';
export { parseListFile, TUTORIAL_PREFIX, type ListedPair } from './camvid/list-file';
export { syntheticDatasetIsCurrent, writeSyntheticDataset, type WriteSyntheticOptions } from './synthetic/write-synthetic';
