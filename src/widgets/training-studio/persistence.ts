/**
 * A run as bytes: a single exported file (also what run-store.ts keeps in IndexedDB), and an
 * in-memory snapshot used to carry the run across a backend switch. All go through the
 * engine's captureCheckpoint / readCheckpoint.
 */
import type * as tfjs from '@tensorflow/tfjs-core';
import type { CheckpointMeta, LoadedCheckpoint, SegNetModel } from '../../segnet';
import { fnv1a32 } from '../../data';
import type { Engine } from '../shared/engine';
import { artifactsOfContents, contentsOfArtifacts, decodeCheckpointFile, encodeCheckpointFile, type CheckpointFileContents } from '../../data/checkpoint-file';
import type { StudioRun } from './run';
import { newRunKey, runTitle, type RunStore } from './run-store';
import { settingsFromExtra } from './settings';
import { pageMessages, type Messages } from '../../i18n';

type Words = Messages['trainingStudio'];

function saveOptions(run: StudioRun) {
  return { optimizer: run.optimizer, progress: { ...run.progress }, extra: run.extra() };
}

/**
 * Moves the one save that earlier versions of the page kept per studio (through TF.js's
 * IndexedDB handler, at `indexeddb://unpooled-studio-<id>`) into the run store as a run of its
 * own; the old copy is removed only once the new one is stored.
 */
export async function adoptEarlierSave(engine: Engine, studioId: string, store: RunStore, m: Words = pageMessages().trainingStudio): Promise<void> {
  const url = `indexeddb://unpooled-studio-${studioId}`;
  const models = await engine.tf.io.listModels().catch(() => ({}));
  if (!(url in models)) return;
  const artifacts = await engine.tf.io.getLoadHandlers(url)[0]!.load!();
  const weightData = engine.tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
  const contents = contentsOfArtifacts({ ...artifacts, weightSpecs: artifacts.weightSpecs ?? [], weightData });
  const meta = contents.json.modelTopology as Partial<CheckpointMeta>;
  const settings = settingsFromExtra(meta.extra?.settings);
  const title = settings ? runTitle(settings, settings.data, m) : m.saved.earlier;
  await store.save({ key: newRunKey(studioId), step: Number(meta.progress?.step) || 0, savedAt: Date.now(), title }, encodeCheckpointFile(contents));
  await engine.tf.io.removeModel(url);
}

/** The run as one file's contents (artifacts JSON + weights), captured in memory. */
export async function snapshot(run: StudioRun): Promise<CheckpointFileContents> {
  return contentsOfArtifacts(await run.engine.segnet.captureCheckpoint(run.model, saveOptions(run)));
}

/** Reads a checkpoint from file contents (see checkpoint-file.ts); errors name `what`. */
export async function readContents(engine: Engine, contents: CheckpointFileContents, what: string, m: Words = pageMessages().trainingStudio): Promise<LoadedCheckpoint> {
  const artifacts = artifactsOfContents(contents) as tfjs.io.ModelArtifacts;
  try {
    return await engine.segnet.readCheckpoint(engine.tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new Error(m.session.readFailed(what, (e as Error).message.replace(/^readCheckpoint: '[^']*' /, '')));
  }
}

/** Reads an exported file the reader picked; every check runs before anything is used. */
export async function readFile(engine: Engine, file: File, m: Words = pageMessages().trainingStudio): Promise<LoadedCheckpoint> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readContents(engine, decodeCheckpointFile(bytes, file.name), m.session.fileName(file.name), m);
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
