/**
 * Setting up a training run: a fresh run folder, or the run of a checkpoint being resumed (a
 * run folder of this CLI, or a .unpooled file exported by the training studio); the dataset,
 * at the run's resolution; the model and optimizer, from scratch, from --init weights, or
 * restored with the step, epoch and batch to go on from.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { batchesPerEpoch, resizeSplit, type RoadSceneDataset } from '../../src/data';
import { artifactsOfContents, decodeCheckpointFile, FILE_EXTENSION } from '../../src/data/checkpoint-file';
import { loadDatasetFromDir, readManifestFile } from '../../src/data/node';
import {
  applyCheckpoint,
  buildSegNet,
  classWeightsFor,
  loadMatchingWeights,
  Optimizer,
  readCheckpoint,
  runNetwork,
  trainingSize,
  type LoadedCheckpoint,
  type SegNetModel,
} from '../../src/segnet';
import { checkpointFolder } from './checkpoint-files';
import { resolveDataDir } from './datasets';
import { checkpointDirOf, resumedRunDir, rewindLog, runPaths, type RunPaths } from './run-folder';
import { recordedOptions, resolveTrainOptions, type TrainArgs, type TrainRunOptions } from './train-options';

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

/** The default run folder of a run: runs/<encoder>-<decoder>-<data>. */
function defaultRunDir(options: TrainRunOptions): string {
  return join('runs', `${options.encoder}-${options.decoder}-${basename(options.data)}`);
}

/** A new run folder, refused when it already holds a run. */
async function newRunFolder(dir: string): Promise<RunPaths> {
  if (existsSync(join(dir, 'checkpoint'))) throw new Error(`--out: ${dir} already holds a run; continue it with --resume ${dir}, or pass another --out`);
  await mkdir(dir, { recursive: true });
  return runPaths(dir);
}

/** A checkpoint exported by the training studio (one .unpooled file), checked before use. */
async function readExportedRun(path: string): Promise<LoadedCheckpoint> {
  const contents = decodeCheckpointFile(new Uint8Array(await readFile(path)), path);
  return readCheckpoint(tf.io.fromMemory(artifactsOfContents(contents) as tf.io.ModelArtifacts));
}

/** The options recorded in a resumed checkpoint, resolved against the command line. */
function resumedOptions(args: TrainArgs, resumed: LoadedCheckpoint, where: string): TrainRunOptions {
  const recorded = recordedOptions(resumed.meta.extra);
  if (!recorded) throw new Error(`--resume: ${where} records no run (neither the train CLI nor the training studio wrote it)`);
  return resolveTrainOptions(args, recorded);
}

async function openRun(args: TrainArgs): Promise<{ options: TrainRunOptions; paths: RunPaths; resumed: LoadedCheckpoint | null }> {
  if (args.resume === undefined) {
    const options = resolveTrainOptions(args);
    return { options, paths: await newRunFolder(args.out ?? defaultRunDir(options)), resumed: null };
  }
  const exported = args.resume.endsWith(FILE_EXTENSION);
  if (args.out !== undefined && !exported) throw new Error('--out cannot be combined with --resume of a run folder: a resumed run goes on in its own folder');
  const paths = exported ? null : runPaths(resumedRunDir(args.resume));
  const resumed = exported ? await readExportedRun(args.resume) : await readCheckpoint(checkpointFolder(paths!.checkpoint));
  try {
    const options = resumedOptions(args, resumed, exported ? args.resume : paths!.checkpoint);
    // A studio export goes on in a run folder of its own, like a fresh run.
    return { options, paths: paths ?? (await newRunFolder(args.out ?? defaultRunDir(options))), resumed };
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
    const report = loadMatchingWeights(model, loaded, { only: options.initEncoderOnly ? 'encoder' : undefined });
    if (report.copied.length === 0) throw new Error(`--init: ${options.init} has no tensor with the name and shape of any variable of this model`);
    const which = options.initEncoderOnly ? ' (encoder only)' : '';
    return `initialised ${report.copied.length} of ${model.variables().length} tensors from ${options.init}${which}`;
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
    const dataset = atResolution(await loadDatasetFromDir(dataDir, { splits: ['train', ...(manifest.splits.val ? ['val'] : [])] }), options);
    const train = dataset.splits.train!;
    const perEpoch = batchesPerEpoch(train.count, options.batch);
    if (perEpoch === 0) throw new Error(`--batch ${options.batch} is larger than the ${train.count} training images of ${dataDir}`);
    const model = buildSegNet(runNetwork(options, manifest));
    const optimizer = new Optimizer({ kind: options.optimizer });
    const notes = [`data ${dataDir}: ${train.count} training images of ${train.height}x${train.width}, ${perEpoch} steps per epoch`];
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

/** The dataset at the size the run trains at (half resolution resizes every split once). */
function atResolution(dataset: RoadSceneDataset, options: TrainRunOptions): RoadSceneDataset {
  const { height, width } = trainingSize(options.resolution, dataset.manifest);
  if (height === dataset.manifest.height && width === dataset.manifest.width) return dataset;
  const splits = Object.fromEntries(Object.entries(dataset.splits).map(([name, split]) => [name, resizeSplit(split, height, width)]));
  return { ...dataset, splits };
}
