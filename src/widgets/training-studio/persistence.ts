/**
 * Where a run is kept: the browser's IndexedDB (saved automatically and on demand, read back
 * after a reload), a single exported file, and an in-memory snapshot used to carry the run
 * across a backend switch. All go through the engine's saveCheckpoint / captureCheckpoint /
 * readCheckpoint.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LoadedCheckpoint, SegNetModel } from '../../segnet';
import { fnv1a32 } from '../../data';
import type { Engine } from '../shared/engine';
import { artifactsOfContents, contentsOfArtifacts, decodeCheckpointFile, encodeCheckpointFile, type CheckpointFileContents } from '../../data/checkpoint-file';
import type { StudioRun } from './run';

/** The IndexedDB URL of a studio instance's saved run. */
export function browserKey(id: string): string {
  return `indexeddb://unpooled-studio-${id}`;
}

function saveOptions(run: StudioRun) {
  return { optimizer: run.optimizer, progress: { ...run.progress }, extra: run.extra() };
}

/** Saves the run into IndexedDB (replacing the previous save of this studio). */
export async function saveToBrowser(run: StudioRun, id: string): Promise<void> {
  await run.engine.segnet.saveCheckpoint(run.model, browserKey(id), saveOptions(run));
}

/** The saved run of this studio, or null when there is none. */
export async function readFromBrowser(engine: Engine, id: string): Promise<LoadedCheckpoint | null> {
  const models = await engine.tf.io.listModels();
  if (!(browserKey(id) in models)) return null;
  return engine.segnet.readCheckpoint(browserKey(id));
}

/** The run as one file's contents (artifacts JSON + weights), captured in memory. */
export async function snapshot(run: StudioRun): Promise<CheckpointFileContents> {
  return contentsOfArtifacts(await run.engine.segnet.captureCheckpoint(run.model, saveOptions(run)));
}

/** Reads a checkpoint from file contents (see checkpoint-file.ts); errors name `what`. */
export async function readContents(engine: Engine, contents: CheckpointFileContents, what: string): Promise<LoadedCheckpoint> {
  const artifacts = artifactsOfContents(contents) as tfjs.io.ModelArtifacts;
  try {
    return await engine.segnet.readCheckpoint(engine.tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new Error(`${what} ${(e as Error).message.replace(/^readCheckpoint: '[^']*' /, '')}; nothing was changed.`);
  }
}

/** Reads an exported file the reader picked; every check runs before anything is used. */
export async function readFile(engine: Engine, file: File): Promise<LoadedCheckpoint> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readContents(engine, decodeCheckpointFile(bytes, file.name), `"${file.name}"`);
}

/** The run as a downloadable file's bytes. */
export async function exportBytes(run: StudioRun): Promise<Uint8Array> {
  return encodeCheckpointFile(await snapshot(run));
}

/**
 * A short fingerprint of every weight and batch-norm statistic (FNV-1a over each tensor's
 * bytes, in name order): equal fingerprints mean a restored network is the saved one.
 */
export async function weightsChecksum(model: SegNetModel): Promise<string> {
  const vars = [...model.variables()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const parts: number[] = [];
  for (const v of vars) {
    const data = await v.variable.data();
    parts.push(fnv1a32(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  }
  return fnv1a32(new Uint8Array(Uint32Array.from(parts).buffer)).toString(16).padStart(8, '0');
}
