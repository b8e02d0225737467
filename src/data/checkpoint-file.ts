/**
 * The training studio's export format, which the train CLI also resumes from: one file holding
 * a checkpoint's TF.js artifacts (the JSON part: metadata and weight specs) and its weight
 * bytes, so a reader downloads and imports a single thing. Everything is checked before
 * anything is used, so a damaged, truncated or foreign file is refused with a message that
 * names it, and never half-applied.
 *
 * Layout (little-endian):
 *   0  12 bytes  magic "UNPOOLEDCKPT"
 *  12  u32       container version (1)
 *  16  u32       JSON length J
 *  20  u32       weights length W
 *  24  u32       FNV-1a 32 of the J + W bytes that follow
 *  28  J bytes   UTF-8 JSON: { modelTopology, weightSpecs, format, generatedBy }
 *  28+J W bytes  weight data
 */
import { fnv1a32 } from './checksum';

export const FILE_MAGIC = 'UNPOOLEDCKPT';
export const FILE_VERSION = 1;
export const HEADER_BYTES = 28;
/** File name extension of exported checkpoints. */
export const FILE_EXTENSION = '.unpooled';

/** One weight as TF.js describes it in a model's artifacts. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

/** The parts of TF.js model artifacts a checkpoint uses. */
export interface CheckpointArtifactsJson {
  modelTopology: Record<string, unknown>;
  weightSpecs: WeightSpec[];
  format?: string;
  generatedBy?: string;
}

export interface CheckpointFileContents {
  json: CheckpointArtifactsJson;
  weights: Uint8Array;
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Packs artifacts JSON and weight bytes into one file's bytes. */
export function encodeCheckpointFile({ json, weights }: CheckpointFileContents): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(json));
  const out = new Uint8Array(HEADER_BYTES + text.length + weights.length);
  out.set(new TextEncoder().encode(FILE_MAGIC), 0);
  out.set(text, HEADER_BYTES);
  out.set(weights, HEADER_BYTES + text.length);
  const view = new DataView(out.buffer);
  view.setUint32(12, FILE_VERSION, true);
  view.setUint32(16, text.length, true);
  view.setUint32(20, weights.length, true);
  view.setUint32(24, fnv1a32(out.subarray(HEADER_BYTES)), true);
  return out;
}

/** Reads a file's bytes back; throws a message starting with the file's name when anything is off. */
export function decodeCheckpointFile(bytes: Uint8Array, fileName: string): CheckpointFileContents {
  const fail = (why: string): never => {
    throw new Error(`"${fileName}" ${why}; nothing was changed.`);
  };
  const magic = new TextDecoder().decode(bytes.subarray(0, FILE_MAGIC.length));
  if (magic !== FILE_MAGIC) {
    const what = bytes.length < FILE_MAGIC.length ? `is only ${bytes.length} bytes long` : 'does not start with the Unpooled checkpoint header';
    return fail(`is not a checkpoint exported by this studio (it ${what}; expected a ${FILE_EXTENSION} file)`);
  }
  if (bytes.length < HEADER_BYTES) return fail(`is truncated: ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(12, true);
  if (version !== FILE_VERSION) return fail(`is checkpoint file version ${version}; this page reads version ${FILE_VERSION}`);
  const jsonLength = view.getUint32(16, true);
  const weightsLength = view.getUint32(20, true);
  const expected = HEADER_BYTES + jsonLength + weightsLength;
  if (bytes.length < expected) return fail(`is truncated: ${bytes.length.toLocaleString('en')} bytes, expected ${expected.toLocaleString('en')}`);
  if (bytes.length > expected) return fail(`has ${(bytes.length - expected).toLocaleString('en')} unexpected bytes after its ${expected.toLocaleString('en')} bytes`);
  const body = bytes.subarray(HEADER_BYTES);
  if (fnv1a32(body) !== view.getUint32(24, true)) return fail('is damaged: its checksum does not match its contents');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, jsonLength)));
  } catch (e) {
    return fail(`is damaged: its description is not valid JSON (${(e as Error).message})`);
  }
  const problem = artifactsProblem(json, weightsLength);
  if (problem) return fail(problem);
  return { json: json as CheckpointArtifactsJson, weights: body.slice(jsonLength) };
}

/** Why a parsed JSON part is not a checkpoint's artifacts (null when it is). */
function artifactsProblem(json: unknown, weightsLength: number): string | null {
  const a = json as Partial<CheckpointArtifactsJson> | null;
  if (!a || typeof a !== 'object' || !a.modelTopology || typeof a.modelTopology !== 'object') return 'holds no model description';
  if (!Array.isArray(a.weightSpecs)) return 'holds no weight list';
  let total = 0;
  for (const spec of a.weightSpecs) {
    const ok = spec && typeof spec.name === 'string' && Array.isArray(spec.shape) && spec.shape.every((d) => Number.isInteger(d) && d >= 0);
    if (!ok) return 'holds a malformed weight entry';
    const size = DTYPE_BYTES[spec.dtype];
    if (size === undefined || spec.quantization) return `holds weight "${spec.name}" of unsupported type ${String(spec.dtype)}`;
    total += spec.shape.reduce((n, d) => n * d, 1) * size;
  }
  if (total !== weightsLength) return `lists ${total.toLocaleString('en')} bytes of weights but holds ${weightsLength.toLocaleString('en')}`;
  return null;
}

/** A file name for an export: "segnet-basic-segnet-step120.unpooled". */
export function exportFileName(encoder: string, decoder: string, step: number): string {
  return `${encoder}-${decoder}-step${step}${FILE_EXTENSION}`.replace(/[^a-z0-9.-]+/gi, '-');
}

/** TF.js model artifacts as a checkpoint captures them (one weight buffer); structurally tf.io.ModelArtifacts. */
export interface CapturedArtifacts {
  modelTopology?: unknown;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
  format?: string;
  generatedBy?: string;
}

/** A captured checkpoint as a file's contents. */
export function contentsOfArtifacts(artifacts: CapturedArtifacts): CheckpointFileContents {
  const { modelTopology, weightSpecs, weightData, format, generatedBy } = artifacts;
  return { json: { modelTopology: modelTopology as Record<string, unknown>, weightSpecs, format, generatedBy }, weights: new Uint8Array(weightData) };
}

/** A file's contents as TF.js model artifacts, for tf.io.fromMemory and readCheckpoint. */
export function artifactsOfContents(contents: CheckpointFileContents): CapturedArtifacts & { modelTopology: Record<string, unknown> } {
  const { modelTopology, weightSpecs, format, generatedBy } = contents.json;
  return { modelTopology, weightSpecs, weightData: contents.weights.slice().buffer, format, generatedBy };
}
