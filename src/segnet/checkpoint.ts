/**
 * Checkpoints: weights + config + optimizer state + progress, through TF.js IO handlers
 * ('indexeddb://name' and 'downloads://name' in the browser, any tf.io.IOHandler elsewhere).
 *
 * Format (TF.js model artifacts): modelTopology holds CheckpointMeta (format
 * 'unpooled-segnet', version 1); weightSpecs/weightData hold every model variable under its
 * name ("encoder/stage1/conv1/conv/filter") and the optimizer's slots under "optimizer/<name>".
 *
 * A decoder trained on another checkpoint's frozen encoder may be stored without it: its meta's
 * `encoderFrom` names that checkpoint's model.json (relative to its own), and readCheckpoint
 * takes the encoder's tensors from there (once checked to be the same network), so a set of
 * decoders on one encoder ships that encoder once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { configDifferences, resolveConfig, type SegNetConfig } from './config';
import { SegNetModel } from './model/segnet-model';
import type { NamedVariable } from './layers/parameter-store';
import { siteUrl } from './site-url';
import { Optimizer, type OptimizerConfig } from './train/optimizer';
import { cachingCheckpointFetch } from './weight-cache';
import { loadMatchingWeights } from './weights';
import { isEncoderName } from './layer-names';

export const CHECKPOINT_FORMAT = 'unpooled-segnet';
export const CHECKPOINT_VERSION = 1;
const OPTIMIZER_PREFIX = 'optimizer/';

export interface CheckpointMeta {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  config: SegNetConfig;
  /** Training progress when saved: steps done, and the epoch and batch they reached. */
  progress: { step: number; epoch: number; batch: number };
  optimizer: { config: OptimizerConfig; updates: number } | null;
  /** Anything the caller wants to keep with the weights (curves, class weights used, data name). */
  extra: Record<string, unknown>;
  /**
   * Where the encoder's weights are, when this checkpoint holds only the decoder's: another
   * checkpoint's model.json, relative to this one's ("../segnet-basic-synthetic-180x240/model.json").
   */
  encoderFrom?: string;
}

/** An IO handler that can name a checkpoint beside its own (a folder on disk: checkpointFolder). */
export interface RelativeIOHandler extends tf.io.IOHandler {
  sibling(relative: string): tf.io.IOHandler;
}

export interface SaveOptions {
  optimizer?: Optimizer;
  progress?: CheckpointMeta['progress'];
  extra?: Record<string, unknown>;
}

/** Weight files come from the Cache API once a page has fetched them (see weight-cache.ts). */
const checkpointFetch = cachingCheckpointFetch();

/**
 * fetch for TF.js's HTTP loader whose failures name the file: a blocked or unreachable request
 * otherwise says only "Failed to fetch", and a weights file answered with an error page would
 * be read as weights.
 */
async function fetchNamingFile(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  let response: Response;
  try {
    response = await checkpointFetch(input, init);
  } catch (e) {
    throw new Error(`${url} could not be fetched (${(e as Error).message})`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

function handlerFor(target: string | tf.io.IOHandler, save: boolean): tf.io.IOHandler {
  if (typeof target !== 'string') return target;
  // Site paths become absolute URLs, which TF.js's http handler needs.
  target = siteUrl(target);
  if (!save && /^https?:\/\//.test(target)) return tf.io.http(target, { fetchFunc: fetchNamingFile });
  const handlers = save ? tf.io.getSaveHandlers(target) : tf.io.getLoadHandlers(target);
  if (handlers.length === 0) throw new Error(`checkpoint: no TF.js IO handler for '${target}' in this environment`);
  return handlers[0]!;
}

/** Saves a model (and optionally its optimizer and progress) to a URL or IO handler. */
export async function saveCheckpoint(model: SegNetModel, target: string | tf.io.IOHandler, options: SaveOptions = {}): Promise<tf.io.SaveResult> {
  const handler = handlerFor(target, true);
  if (!handler.save) throw new Error(`saveCheckpoint: the IO handler for '${String(target)}' cannot save`);
  const named: tf.NamedTensorMap = {};
  for (const v of model.variables()) named[v.name] = v.variable;
  const opt = options.optimizer?.state();
  for (const s of opt?.slots ?? []) named[OPTIMIZER_PREFIX + s.name] = s.tensor;
  const { data, specs } = await tf.io.encodeWeights(named);
  const meta: CheckpointMeta = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    config: model.config,
    progress: options.progress ?? { step: 0, epoch: 0, batch: 0 },
    optimizer: options.optimizer && opt ? { config: options.optimizer.config, updates: opt.updates } : null,
    extra: options.extra ?? {},
  };
  return handler.save({ modelTopology: meta as unknown as tf.io.ModelArtifacts['modelTopology'], weightSpecs: specs, weightData: data, format: CHECKPOINT_FORMAT, generatedBy: 'unpooled' });
}

/** A checkpoint encoded in memory: TF.js model artifacts with one weight buffer. */
export type CapturedCheckpoint = tf.io.ModelArtifacts & { weightData: ArrayBuffer; weightSpecs: tf.io.WeightsManifestEntry[] };

/**
 * Encodes a model (optimizer, progress, extra) in memory, as saveCheckpoint would write it:
 * the train CLI keeps one until the next loss proves it sane, the studio carries its run
 * across a backend switch and exports it as a file. Read it back with `tf.io.fromMemory`.
 */
export async function captureCheckpoint(model: SegNetModel, options: SaveOptions = {}): Promise<CapturedCheckpoint> {
  let captured: CapturedCheckpoint | null = null;
  const handler: tf.io.IOHandler = {
    save: async (artifacts) => {
      const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      captured = { ...artifacts, weightData, weightSpecs: artifacts.weightSpecs ?? [] };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(captured) };
    },
  };
  await saveCheckpoint(model, handler, options);
  return captured!;
}

/** A decoded checkpoint: its metadata and every stored tensor by name (caller disposes). */
export interface LoadedCheckpoint {
  meta: CheckpointMeta;
  tensors: tf.NamedTensorMap;
}

/** Reads and checks a checkpoint without building a model. */
export function readCheckpoint(source: string | tf.io.IOHandler): Promise<LoadedCheckpoint> {
  return read(source, true);
}

/** readCheckpoint; with `follow` false, a checkpoint's `encoderFrom` is not followed (a base is read on its own). */
async function read(source: string | tf.io.IOHandler, follow: boolean): Promise<LoadedCheckpoint> {
  const handler = handlerFor(source, false);
  if (!handler.load) throw new Error(`readCheckpoint: the IO handler for '${String(source)}' cannot load`);
  const artifacts = await handler.load();
  const meta = artifacts.modelTopology as unknown as CheckpointMeta | undefined;
  if (!meta || meta.format !== CHECKPOINT_FORMAT) {
    throw new Error(`readCheckpoint: '${String(source)}' is not an Unpooled checkpoint (format '${String(meta?.format)}')`);
  }
  if (meta.version !== CHECKPOINT_VERSION) {
    throw new Error(`readCheckpoint: '${String(source)}' has checkpoint version ${meta.version}; this build reads version ${CHECKPOINT_VERSION}`);
  }
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error(`readCheckpoint: '${String(source)}' holds no weights`);
  try {
    meta.config = resolveConfig(meta.config);
  } catch (e) {
    throw new Error(`readCheckpoint: '${String(source)}' holds an invalid config (${(e as Error).message})`);
  }
  let tensors: tf.NamedTensorMap;
  try {
    tensors = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  } catch (e) {
    throw new Error(`readCheckpoint: the weights of '${String(source)}' are damaged (${(e as Error).message})`);
  }
  if (meta.encoderFrom !== undefined && follow) {
    try {
      if (Object.keys(tensors).some(isEncoderName)) throw new Error(`readCheckpoint: '${String(source)}' holds encoder weights and also takes its encoder from '${String(meta.encoderFrom)}'`);
      Object.assign(tensors, await encoderOf(source, handler, meta));
    } catch (e) {
      tf.dispose(Object.values(tensors));
      throw e;
    }
  }
  return { meta, tensors };
}

/** What `encoderFrom` may name: the model.json of a folder beside the checkpoint's own. */
export const SIBLING_MODEL = /^\.\.\/[A-Za-z0-9][A-Za-z0-9._-]*\/model\.json$/;

/** `relative` resolved against the checkpoint URL or path `source` (a site path stays a path without a page). */
export function resolveBeside(source: string, relative: string): string {
  const abs = siteUrl(source);
  if (/^[a-z][a-z0-9+.-]*:/i.test(abs)) return new URL(relative, abs).href;
  const rooted = abs.startsWith('/');
  const path = new URL(relative, `http://path.invalid${rooted ? '' : '/'}${abs}`).pathname;
  return rooted ? path : path.slice(1);
}

/** The encoder tensors of the checkpoint `meta.encoderFrom` names, checked to be this network's encoder. */
async function encoderOf(source: string | tf.io.IOHandler, handler: tf.io.IOHandler, meta: CheckpointMeta): Promise<tf.NamedTensorMap> {
  const relative = meta.encoderFrom!;
  const where = `readCheckpoint: '${String(source)}' takes its encoder from '${String(relative)}'`;
  // Only a checkpoint beside this one (a folder in the same parent): nothing elsewhere on the site, the disk or the web.
  if (typeof relative !== 'string' || !SIBLING_MODEL.test(relative)) throw new Error(`${where}, which is not a checkpoint beside it ("../<folder>/model.json")`);
  let base: string | tf.io.IOHandler;
  if (typeof source === 'string') base = resolveBeside(source, relative);
  else if (typeof (handler as Partial<RelativeIOHandler>).sibling === 'function') base = (handler as RelativeIOHandler).sibling(relative);
  else throw new Error(`${where}, which this IO handler cannot reach`);
  let loaded: LoadedCheckpoint;
  try {
    loaded = await read(base, false);
  } catch (e) {
    throw new Error(`${where}, which could not be read (${(e as Error).message})`);
  }
  if (loaded.meta.encoderFrom !== undefined) {
    tf.dispose(Object.values(loaded.tensors));
    throw new Error(`${where}, which itself takes its encoder from elsewhere`);
  }
  // The same encoder: kind, widths and channels (the decoder, its rate and the size may differ).
  const same = ['encoder', 'widthMultiplier', 'basicChannels', 'numClasses'] as const;
  const differ = same.filter((k) => loaded.meta.config[k] !== meta.config[k]);
  const encoder: tf.NamedTensorMap = {};
  for (const [name, t] of Object.entries(loaded.tensors)) {
    if (differ.length === 0 && isEncoderName(name)) encoder[name] = t;
    else t.dispose();
  }
  if (differ.length > 0) throw new Error(`${where}, whose encoder differs (${differ.map((k) => `${k}: ${String(loaded.meta.config[k])} there, ${String(meta.config[k])} here`).join('; ')})`);
  return encoder;
}

/** Copies a loaded checkpoint into a model (and optimizer); the configs must match and every variable be there. */
export function applyCheckpoint(model: SegNetModel, loaded: LoadedCheckpoint, optimizer?: Optimizer): void {
  const diff = configDifferences(loaded.meta.config, model.config);
  if (diff.length > 0) throw new Error(`applyCheckpoint: the checkpoint does not match the model (checkpoint vs model): ${diff.join('; ')}`);
  const slots = optimizer && loaded.meta.optimizer ? optimizerSlots(loaded, optimizer, model.variables()) : null;
  try {
    loadMatchingWeights(model, loaded, { strict: true });
  } catch (e) {
    throw new Error(`applyCheckpoint: ${(e as Error).message}`);
  }
  if (optimizer && slots) optimizer.load(loaded.meta.optimizer!.updates, slots);
}

/** The saved optimizer slots, checked against the optimizer's kind and the parameters' shapes. */
function optimizerSlots(loaded: LoadedCheckpoint, optimizer: Optimizer, vars: NamedVariable[]): { name: string; tensor: tf.Tensor }[] {
  const saved = loaded.meta.optimizer!.config;
  const mine = optimizer.config;
  const diff = (Object.keys(mine) as (keyof OptimizerConfig)[]).filter((k) => saved[k] !== mine[k]);
  if (diff.length > 0) {
    const list = diff.map((k) => `${k}: ${JSON.stringify(saved[k])} vs ${JSON.stringify(mine[k])}`).join('; ');
    throw new Error(`applyCheckpoint: the checkpoint's optimizer does not match (checkpoint vs given): ${list}`);
  }
  const shapes = new Map(vars.map((v) => [v.name, v.variable.shape.join()]));
  return Object.entries(loaded.tensors)
    .filter(([n]) => n.startsWith(OPTIMIZER_PREFIX))
    .map(([n, tensor]) => {
      const name = n.slice(OPTIMIZER_PREFIX.length);
      const param = name.slice(0, name.lastIndexOf('/'));
      if (shapes.get(param) !== tensor.shape.join()) {
        throw new Error(`applyCheckpoint: optimizer slot '${name}' is [${tensor.shape.join(', ')}], which fits no parameter of the model`);
      }
      return { name, tensor };
    });
}

/** Loads a checkpoint into an existing model (and optimizer); returns its metadata. */
export async function restoreCheckpoint(model: SegNetModel, source: string | tf.io.IOHandler, optimizer?: Optimizer): Promise<CheckpointMeta> {
  const loaded = await readCheckpoint(source);
  try {
    applyCheckpoint(model, loaded, optimizer);
  } finally {
    tf.dispose(Object.values(loaded.tensors));
  }
  return loaded.meta;
}

/** Builds a model from a checkpoint's own config and weights. */
export async function loadSegNet(source: string | tf.io.IOHandler): Promise<{ model: SegNetModel; meta: CheckpointMeta }> {
  const loaded = await readCheckpoint(source);
  const model = new SegNetModel(loaded.meta.config);
  try {
    applyCheckpoint(model, loaded);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    tf.dispose(Object.values(loaded.tensors));
  }
  return { model, meta: loaded.meta };
}
