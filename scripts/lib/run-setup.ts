/**
 * Setting up a training run: a fresh run folder, or the run of a checkpoint being resumed;
 * the dataset; the model and optimizer, from scratch, from --init weights, or restored with
 * the step, epoch and batch to go on from.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { batchesPerEpoch, type RoadSceneDataset } from '../../src/data';
import { loadDatasetFromDir, readManifestFile } from '../../src/data/node';
import { applyCheckpoint, buildSegNet, Optimizer, readCheckpoint, type LoadedCheckpoint, type SegNetModel } from '../../src/segnet';
import { checkpointFolder } from './checkpoint-files';
import { classWeightsFor, resolveDataDir } from './datasets';
import { checkpointDirOf, resumedRunDir, rewindLog, runPaths, type RunPaths } from './run-folder';
import { resolveTrainOptions, type TrainArgs, type TrainRunOptions } from './train-options';

export interface Progress {
  step: number;
  epoch: number;
  batch: number;
}

/** Everything a run needs to start its loop. */
export interface RunSetup {
  options: TrainRunOptions;
  paths: RunPaths;
  dataset: RoadSceneDataset;
  model: SegNetModel;
  optimizer: Optimizer;
  /** Where the loop starts: 0/0/0, or where the resumed checkpoint left off. */
  start: Progress;
  batchesPerEpoch: number;
  /** Losses logged before `start` (for the exploding-loss rule of a resumed run). */
  history: number[];
  classWeights: number[] | null;
  /** What happened while setting up, for the user. */
  notes: string[];
  /** Store the final model's weights as float16. */
  float16: boolean;
}

/**
 * The point to go on from after a checkpoint saved at `saved`: the same step; the next
 * epoch when the saved one had finished all its batches.
 */
export function resumePoint(saved: Progress, batchesPerEpoch: number): Progress {
  if (saved.batch >= batchesPerEpoch) return { step: saved.step, epoch: saved.epoch + 1, batch: 0 };
  return { ...saved };
}

/**
 * Copies every model variable whose name and shape the checkpoint has (only the encoder's with
 * `encoderOnly`); returns how many.
 */
export function initFromCheckpoint(model: SegNetModel, loaded: LoadedCheckpoint, source: string, encoderOnly = false): number {
  let copied = 0;
  for (const { name, variable } of model.variables()) {
    if (encoderOnly && !name.startsWith('encoder/')) continue;
    const t = loaded.tensors[name];
    if (!t || t.shape.join() !== variable.shape.join()) continue;
    variable.assign(t);
    copied += 1;
  }
  if (copied === 0) throw new Error(`--init: ${source} has no tensor with the name and shape of any variable of this model`);
  return copied;
}

async function openRun(args: TrainArgs): Promise<{ options: TrainRunOptions; paths: RunPaths; resumed: LoadedCheckpoint | null }> {
  if (args.resume === undefined) {
    const options = resolveTrainOptions(args);
    const dir = args.out ?? join('runs', `${options.encoder}-${options.decoder}-${basename(options.data)}`);
    if (existsSync(join(dir, 'checkpoint'))) throw new Error(`--out: ${dir} already holds a run; continue it with --resume ${dir}, or pass another --out`);
    await mkdir(dir, { recursive: true });
    return { options, paths: runPaths(dir), resumed: null };
  }
  if (args.out !== undefined) throw new Error('--out cannot be combined with --resume: a resumed run goes on in its own folder');
  const paths = runPaths(resumedRunDir(args.resume));
  const resumed = await readCheckpoint(checkpointFolder(paths.checkpoint));
  const recorded = (resumed.meta.extra as { run?: TrainRunOptions }).run;
  try {
    if (!recorded) throw new Error(`--resume: ${paths.checkpoint} was not written by the train CLI (its extra holds no run options)`);
    return { options: resolveTrainOptions(args, recorded), paths, resumed };
  } catch (e) {
    tf.dispose(Object.values(resumed.tensors));
    throw e;
  }
}

/** Restores or initialises the weights; returns a note for the user. */
async function loadWeights(model: SegNetModel, optimizer: Optimizer, options: TrainRunOptions, resumed: LoadedCheckpoint | null): Promise<string | null> {
  if (resumed) {
    applyCheckpoint(model, resumed, optimizer);
    const p = resumed.meta.progress;
    return `resumed at step ${p.step} (epoch ${p.epoch + 1}, batch ${p.batch})`;
  }
  if (!options.init) return null;
  const loaded = await readCheckpoint(checkpointFolder(checkpointDirOf(options.init, '--init')));
  try {
    const copied = initFromCheckpoint(model, loaded, options.init, options.initEncoderOnly);
    const which = options.initEncoderOnly ? ' (encoder only)' : '';
    return `initialised ${copied} of ${model.variables().length} tensors from ${options.init}${which}`;
  } finally {
    tf.dispose(Object.values(loaded.tensors));
  }
}

/** Sets up the run that `args` asks for. */
export async function setUpRun(args: TrainArgs): Promise<RunSetup> {
  const { options, paths, resumed } = await openRun(args);
  try {
    const dataDir = resolveDataDir(options.data);
    const manifest = await readManifestFile(dataDir);
    const dataset = await loadDatasetFromDir(dataDir, { splits: ['train', ...(manifest.splits.val ? ['val'] : [])] });
    const train = dataset.splits.train!;
    const perEpoch = batchesPerEpoch(train.count, options.batch);
    if (perEpoch === 0) throw new Error(`--batch ${options.batch} is larger than the ${train.count} training images of ${dataDir}`);
    const { encoder, decoder, widthMultiplier, seed } = options;
    const model = buildSegNet({ encoder, decoder, widthMultiplier, seed, height: manifest.height, width: manifest.width });
    const optimizer = new Optimizer({ kind: options.optimizer });
    const notes = [`data ${dataDir}: ${train.count} training images of ${manifest.height}x${manifest.width}, ${perEpoch} steps per epoch`];
    try {
      const note = await loadWeights(model, optimizer, options, resumed);
      if (note) notes.push(note);
    } catch (e) {
      model.dispose();
      throw e;
    }
    if (options.freezeEncoder) model.freezeEncoder();
    const start = resumed ? resumePoint(resumed.meta.progress, perEpoch) : { step: 0, epoch: 0, batch: 0 };
    const history = resumed ? await rewindLog(paths.log, start.step) : (await writeFile(paths.log, ''), []);
    return { options, paths, dataset, model, optimizer, start, batchesPerEpoch: perEpoch, history, classWeights: classWeightsFor(options.weights, manifest), notes, float16: args.float16 === true };
  } finally {
    if (resumed) tf.dispose(Object.values(resumed.tensors));
  }
}
