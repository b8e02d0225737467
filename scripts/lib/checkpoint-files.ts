/**
 * Checkpoints as folders on disk, in TF.js's standard layout: model.json (modelTopology and a
 * weightsManifest) next to weights.bin. src/segnet's saveCheckpoint/readCheckpoint take the
 * handler made here in Node; the same folder, served over HTTP, loads in the browser through
 * tf.io.http('/models/<name>/model.json'), which fetches weights.bin relative to model.json.
 *
 * Saving replaces the folder atomically (a temporary sibling, then a rename), so an
 * interrupted save leaves the previous checkpoint whole. model.json also records the checksum
 * of weights.bin (`weightsChecksum`, ignored by TF.js): reading refuses weights whose bits
 * changed on disk, and any checkpoint whose weights hold NaN or infinite values, so eval,
 * --resume and --init never go on from garbage as if it were real.
 */
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SIBLING_MODEL, type RelativeIOHandler } from '../../src/segnet';
import { replaceDirAtomically } from '../../src/data/atomic-dir';
import { shardChecksum } from '../../src/data/checksum';
import { encodeFloat16 } from './float16';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** model.json as written here: TF.js's layout plus the checksum of weights.bin. */
type CheckpointJson = tf.io.ModelJSON & { weightsChecksum?: string };

export interface CheckpointFolderOptions {
  /** Store float32 weights as float16 (half the bytes; TF.js decodes them on load). */
  float16?: boolean;
}

/** Re-encodes every float32 weight as float16 and marks it so in its manifest entry. */
function toFloat16(specs: tf.io.WeightsManifestEntry[], data: ArrayBuffer): [tf.io.WeightsManifestEntry[], ArrayBuffer] {
  const parts: Uint8Array[] = [];
  const out: tf.io.WeightsManifestEntry[] = [];
  let offset = 0;
  for (const spec of specs) {
    if (spec.quantization || (spec.dtype !== 'float32' && spec.dtype !== 'int32' && spec.dtype !== 'bool')) {
      throw new Error(`checkpoint: cannot store '${spec.name}' (${spec.dtype}${spec.quantization ? ', quantized' : ''}) as float16`);
    }
    const size = spec.shape.reduce((a, b) => a * b, 1) * (spec.dtype === 'bool' ? 1 : 4);
    const bytes = new Uint8Array(data, offset, size);
    offset += size;
    if (spec.dtype !== 'float32') {
      parts.push(bytes);
      out.push(spec);
      continue;
    }
    const half = encodeFloat16(new Float32Array(bytes.slice().buffer));
    parts.push(new Uint8Array(half.buffer));
    out.push({ ...spec, quantization: { dtype: 'float16' } });
  }
  return [out, tf.io.concatenateArrayBuffers(parts.map((p) => p.slice().buffer))];
}

async function save(dir: string, artifacts: tf.io.ModelArtifacts, options: CheckpointFolderOptions): Promise<tf.io.SaveResult> {
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error(`checkpoint ${dir}: nothing to save (no weights)`);
  let specs = artifacts.weightSpecs;
  let data = new tf.io.CompositeArrayBuffer(artifacts.weightData).slice();
  if (options.float16) [specs, data] = toFloat16(specs, data);
  const modelJson: CheckpointJson = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: specs }],
    weightsChecksum: shardChecksum(new Uint8Array(data)),
  };
  await replaceDirAtomically(dir, async (tmp) => {
    await writeFile(join(tmp, WEIGHTS_BIN), new Uint8Array(data));
    await writeFile(join(tmp, MODEL_JSON), `${JSON.stringify(modelJson)}\n`);
  });
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, weightSpecs: specs, weightData: data }) };
}

async function readJson(path: string): Promise<CheckpointJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`checkpoint: no ${MODEL_JSON} at ${path}: is it a checkpoint folder?`);
    throw err;
  }
  try {
    return JSON.parse(text) as CheckpointJson;
  } catch (err) {
    throw new Error(`checkpoint: ${path} is not valid JSON (${(err as Error).message})`);
  }
}

async function load(dir: string): Promise<tf.io.ModelArtifacts> {
  const json = await readJson(join(dir, MODEL_JSON));
  if (!Array.isArray(json.weightsManifest)) throw new Error(`checkpoint: ${join(dir, MODEL_JSON)} has no weightsManifest`);
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const buffers: ArrayBuffer[] = [];
    for (const path of manifest.flatMap((group) => group.paths)) {
      const bytes = await readFile(join(dir, path)).catch((err: NodeJS.ErrnoException) => {
        throw new Error(err.code === 'ENOENT' ? `checkpoint: ${path} is missing from ${dir}` : err.message);
      });
      buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    }
    const data = tf.io.concatenateArrayBuffers(buffers);
    const problem = weightsProblem(json, specs, data);
    if (problem) throw new Error(`checkpoint ${dir}: ${problem}; it was not used`);
    return [specs, data];
  });
}

/** Why the weight bytes cannot be trusted: truncated, a checksum mismatch, a non-finite value (null when fine). */
function weightsProblem(json: CheckpointJson, specs: tf.io.WeightsManifestEntry[], data: ArrayBuffer): string | null {
  const parts = specs.map((spec) => {
    const half = (spec.quantization as { dtype?: string } | undefined)?.dtype === 'float16';
    return { spec, half, size: spec.shape.reduce((a, b) => a * b, 1) * (half ? 2 : spec.dtype === 'bool' ? 1 : 4) };
  });
  const total = parts.reduce((n, p) => n + p.size, 0);
  if (total !== data.byteLength) return `${WEIGHTS_BIN} holds ${data.byteLength} bytes where ${MODEL_JSON} lists ${total} (${data.byteLength < total ? 'truncated' : 'too long'})`;
  if (json.weightsChecksum !== undefined && json.weightsChecksum !== shardChecksum(new Uint8Array(data))) {
    return `${WEIGHTS_BIN} does not match the checksum in ${MODEL_JSON} (damaged or changed on disk)`;
  }
  let offset = 0;
  for (const { spec, half, size } of parts) {
    // float16: exponent bits all ones is an infinity or a NaN.
    const bad = half
      ? new Uint16Array(data, offset, size / 2).some((h) => (h & 0x7c00) === 0x7c00)
      : spec.dtype === 'float32' && new Float32Array(data, offset, size / 4).some((v) => !Number.isFinite(v));
    if (bad) return `weight "${spec.name}" holds NaN or infinite values`;
    offset += size;
  }
  return null;
}

/**
 * A TF.js IO handler that saves to and loads from the checkpoint folder `dir`; `sibling` reaches
 * the checkpoint a model.json path relative to this one names (a decoder's `encoderFrom`).
 */
export function checkpointFolder(dir: string, options: CheckpointFolderOptions = {}): RelativeIOHandler {
  // toString: messages that name the handler ("the weights of '…' are damaged") name the folder.
  return {
    save: (artifacts: tf.io.ModelArtifacts) => save(dir, artifacts, options),
    load: () => load(dir),
    // readCheckpoint lets only "../<folder>/model.json" through (SIBLING_MODEL): a folder beside this one.
    sibling: (relative: string) => {
      if (!SIBLING_MODEL.test(relative)) throw new Error(`checkpoint ${dir}: '${relative}' is not a checkpoint folder beside it`);
      return checkpointFolder(dirname(resolve(dir, relative)));
    },
    toString: () => dir,
  } as RelativeIOHandler;
}
