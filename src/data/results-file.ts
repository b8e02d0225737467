/**
 * The format of public/models/results.json: this site's own measurements of the models it
 * trains, shown beside the paper's tables. Written by the evaluation CLI (RESULTS_COMMAND),
 * read at build time (results-source.ts) and checked here. A run is the eval CLI's JSON
 * report (scripts/lib/eval-report.ts, evalJson) plus the fields that say which model it was:
 *
 * ```jsonc
 * {
 *   "format": "unpooled-results",
 *   "version": 1,
 *   "createdAt": "2025-01-31T12:00:00Z",          // when the evaluation finished (ISO 8601)
 *   "command": "npm run eval -- ...",              // what produced the file, verbatim
 *   "runs": [{
 *     "name": "SegNet-Basic",                      // shown in the table
 *     "encoder": "basic", "decoder": "segnet",     // the engine's kinds (they pick the paper row)
 *     "dataset": "synthetic-96x128", "split": "test", "height": 96, "width": 128,
 *     "parameters": 1416587,                       // countParameters(config).total
 *     "step": 4000,                                // optional: training steps
 *     "seed": 1,                                   // optional: the training seed (runs of one name and several seeds are summarised as mean ± sd)
 *     "globalAccuracy": 0.91, "classAverageAccuracy": 0.74, "meanIoU": 0.61, "boundaryF1": 0.48,
 *     "classes": [{ "name": "Sky", "iou": 0.95 }, ...],   // 11, CamVid order; iou null: class absent
 *     "inferenceMs": { "value": 12.5, "backend": "webgpu", "device": "H100" },  // optional, per image
 *     "commands": ["npm run train -- ...", "npm run eval -- ..."]   // optional: how to reproduce it
 *   }]
 * }
 * ```
 * Scores are fractions in [0, 1] as src/segnet/metrics computes them (the table shows
 * percent), or null where undefined. Other fields of a run (confusion, per-class accuracy,
 * checkpoint, ...) are allowed and ignored.
 */
import { CAMVID_NUM_CLASSES, DECODER_KINDS, ENCODER_KINDS, type DecoderKind, type EncoderKind } from '../segnet/core';

export const RESULTS_FORMAT = 'unpooled-results';
export const RESULTS_VERSION = 1;
/** Where the file lives, relative to public/. */
export const RESULTS_PATH = 'models/results.json';
/** The command that will write it (shown while there are no numbers yet). */
export const RESULTS_COMMAND = 'npm run eval -- --checkpoint <dir> --results public/models/results.json';

export interface ResultRun {
  name: string;
  encoder: EncoderKind;
  decoder: DecoderKind;
  dataset: string;
  split: string;
  height: number;
  width: number;
  parameters: number;
  step?: number;
  /** The training seed; runs that share name, data and split and differ in seed are repeats. */
  seed?: number;
  globalAccuracy: number | null;
  classAverageAccuracy: number | null;
  meanIoU: number | null;
  boundaryF1: number | null;
  classes: { name: string; iou: number | null }[];
  inferenceMs?: { value: number; backend: string; device?: string };
  /** The commands that reproduce this run (training, then evaluation), verbatim. */
  commands?: string[];
}

export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  createdAt: string;
  command: string;
  runs: ResultRun[];
}

type Json = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new Error(`results.json: ${where} ${message}`);
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') fail(`${where}.${key}`, `must be a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function number(o: Json, key: string, where: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(`${where}.${key}`, `must be a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return v;
}

function fraction(o: Json, key: string, where: string): number | null {
  return o[key] === null ? null : number(o, key, where, 0, 1);
}

function parseClasses(v: unknown, where: string): ResultRun['classes'] {
  const ok =
    Array.isArray(v) &&
    v.length === CAMVID_NUM_CLASSES &&
    v.every((c) => isObject(c) && typeof c.name === 'string' && (c.iou === null || (typeof c.iou === 'number' && c.iou >= 0 && c.iou <= 1)));
  if (!ok) fail(`${where}.classes`, `must be ${CAMVID_NUM_CLASSES} objects { name, iou } with iou in [0, 1] or null, got ${JSON.stringify(v)?.slice(0, 120)}`);
  return (v as Json[]).map((c) => ({ name: c.name as string, iou: c.iou as number | null }));
}

function parseRun(v: unknown, i: number): ResultRun {
  const where = `runs[${i}]`;
  if (!isObject(v)) fail(where, 'must be an object');
  const encoder = v.encoder as EncoderKind;
  const decoder = v.decoder as DecoderKind;
  if (!ENCODER_KINDS.includes(encoder)) fail(`${where}.encoder`, `must be one of ${ENCODER_KINDS.join(', ')}, got ${JSON.stringify(v.encoder)}`);
  if (!DECODER_KINDS.includes(decoder)) fail(`${where}.decoder`, `must be one of ${DECODER_KINDS.join(', ')}, got ${JSON.stringify(v.decoder)}`);
  const run: ResultRun = {
    name: text(v, 'name', where),
    encoder,
    decoder,
    dataset: text(v, 'dataset', where),
    split: text(v, 'split', where),
    height: number(v, 'height', where, 1, 1e5),
    width: number(v, 'width', where, 1, 1e5),
    parameters: number(v, 'parameters', where, 0, 1e12),
    globalAccuracy: fraction(v, 'globalAccuracy', where),
    classAverageAccuracy: fraction(v, 'classAverageAccuracy', where),
    meanIoU: fraction(v, 'meanIoU', where),
    boundaryF1: fraction(v, 'boundaryF1', where),
    classes: parseClasses(v.classes, where),
  };
  if (v.step !== undefined) run.step = number(v, 'step', where, 0, 1e12);
  if (v.seed !== undefined) {
    run.seed = number(v, 'seed', where, 0, 2 ** 32 - 1);
    if (!Number.isInteger(run.seed)) fail(`${where}.seed`, `must be an integer, got ${run.seed}`);
  }
  if (v.inferenceMs !== undefined) {
    const t = v.inferenceMs;
    if (!isObject(t)) fail(`${where}.inferenceMs`, 'must be an object { value, backend, device? }');
    run.inferenceMs = { value: number(t, 'value', `${where}.inferenceMs`, 0, 1e9), backend: text(t, 'backend', `${where}.inferenceMs`) };
    if (t.device !== undefined) run.inferenceMs.device = text(t, 'device', `${where}.inferenceMs`);
  }
  if (v.commands !== undefined) {
    const c = v.commands;
    if (!Array.isArray(c) || !c.every((x) => typeof x === 'string' && x !== '')) fail(`${where}.commands`, `must be an array of non-empty strings, got ${JSON.stringify(c)?.slice(0, 120)}`);
    run.commands = [...c];
  }
  return run;
}

/** Checks a parsed results.json; throws naming the first bad field. */
export function parseResults(json: unknown): ResultsFile {
  if (!isObject(json)) fail('the file', 'must hold a JSON object');
  if (json.format !== RESULTS_FORMAT) fail('format', `must be "${RESULTS_FORMAT}", got ${JSON.stringify(json.format)}`);
  if (json.version !== RESULTS_VERSION) fail('version', `must be ${RESULTS_VERSION}, got ${JSON.stringify(json.version)}`);
  if (!Array.isArray(json.runs)) fail('runs', 'must be an array');
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    createdAt: text(json, 'createdAt', 'the file'),
    command: text(json, 'command', 'the file'),
    runs: json.runs.map(parseRun),
  };
}
