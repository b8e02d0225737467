/** Loads a dataset folder from disk (Node only: imports node:fs). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleDataset, type LoadOptions } from './dataset-assembly';
import { parseManifest, type DatasetManifest } from './manifest';
import { verifyShardBytes } from './shard-codec';
import type { RoadSceneDataset } from './types';

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Reads and validates `dir`/manifest.json. */
export async function readManifestFile(dir: string): Promise<DatasetManifest> {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (isMissing(err)) throw new Error(`${path}: no manifest.json: is "${dir}" a dataset folder?`);
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseManifest(json, path);
}

/**
 * Loads a dataset folder written by the CamVid importer or the synthetic generator.
 * @param dir the dataset folder, e.g. "public/data/camvid-180x240".
 */
export async function loadDatasetFromDir(dir: string, options: LoadOptions = {}): Promise<RoadSceneDataset> {
  const manifest = await readManifestFile(dir);
  return assembleDataset(
    manifest,
    async (entry) => {
      const path = join(dir, entry.file);
      try {
        const buf = await readFile(path);
        const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
        verifyShardBytes(bytes, entry);
        return bytes;
      } catch (err) {
        if (isMissing(err)) throw new Error(`shard ${entry.file} is missing from ${dir}`);
        throw err;
      }
    },
    options,
  );
}
