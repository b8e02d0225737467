/**
 * The eval CLI as a function of its arguments (scripts/eval.ts wires it to the process):
 * G, C, mIoU, BF, per-class scores and the confusion matrix of a checkpoint on a split.
 */
import { existsSync } from 'node:fs';
import { cpus, homedir } from 'node:os';
import { join } from 'node:path';
import { CLASS_NAMES, resizeSplit } from '../../src/data';
import { loadDatasetFromDir } from '../../src/data/node';
import type { SplitData } from '../../src/data/types';
import { countParameters, imagesToTensor, loadSegNet, predictLabels, type CheckpointMeta, type SegmentationEvaluation, type SegNetModel } from '../../src/segnet';
import type { ResultRun } from '../../src/data/results-file';
import { parseArgs } from './args';
import { checkpointFolder } from './checkpoint-files';
import { shellQuote } from './cli';
import { resolveDataDir } from './datasets';
import { evalJson, evalTable } from './eval-report';
import { evaluateSplit } from './evaluate-split';
import { checkpointDirOf } from './run-folder';
import { defaultRunName, readResultsFile, withRun, writeResultsFile } from './results-writer';
import { startBackend } from './start-backend';
import { recordedOptions, trainCommand } from './train-options';
import type { CliIo } from './train-cli';

export const EVAL_ARGS = {
  checkpoint: { type: 'string', help: 'a checkpoint folder (model.json + weights.bin), or a run folder' },
  split: { type: 'string', default: 'test', help: 'test | val | train' },
  data: { type: 'string', help: 'dataset folder name under public/data, or a path (default: the data the checkpoint was trained on)' },
  json: { type: 'boolean', default: false, help: 'print one JSON document instead of tables' },
  batch: { type: 'number', default: 8, help: 'images per forward pass' },
  backend: { type: 'string', help: 'webgpu | wasm | cpu (default: the first that starts, in that order)' },
  results: { type: 'string', help: 'also add this run to a results file for the site (e.g. public/models/results.json)' },
  name: { type: 'string', help: 'the run\'s name in the results file (default from the model, e.g. SegNet-Basic)' },
  'time-runs': { type: 'number', default: 10, help: 'with --results: timed single-image forward passes (the median is kept)' },
} as const;

export const EVAL_USAGE = `npm run eval -- --checkpoint <dir> [--split test|val] [--data name] [--json]
                [--results public/models/results.json [--name "SegNet-Basic"]]

Scores a checkpoint on a dataset split: G, C, mIoU and BF, per-class IoU, accuracy, precision
and BF, and the confusion matrix. With --results, also times single-image inference and adds
the run (replacing one of the same name, data and split) to the results file the site shows.`;

/** Runs the eval CLI; returns its exit status. */
export async function evalCli(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, EVAL_ARGS, EVAL_USAGE);
  if (args.checkpoint === undefined) throw new Error('--checkpoint is required (a checkpoint or run folder)');
  if (!Number.isInteger(args.batch) || args.batch < 1) throw new Error(`--batch must be a positive integer, got ${args.batch}`);
  const dir = checkpointDirOf(args.checkpoint, '--checkpoint');
  const { choice, description } = await startBackend(args.backend);
  const { model, meta } = await loadSegNet(checkpointFolder(dir));
  try {
    const data = args.data ?? recordedOptions(meta.extra)?.data ?? (meta.extra as { data?: string }).data;
    if (data === undefined) throw new Error(`--data: ${dir} does not record its training data; pass --data`);
    const dataDir = resolveDataDir(data);
    const dataset = await loadDatasetFromDir(dataDir, { splits: [args.split] });
    if (!args.json) io.out(`eval: ${description}; data ${dataDir}${args.data === undefined ? ` (the checkpoint was trained on ${data})` : ''}`);
    // A run trained at half resolution is scored at its own size.
    const split = resizeSplit(dataset.splits[args.split]!, meta.config.height, meta.config.width);
    const evaluation = await evaluateSplit(model, split, args.batch);
    const { encoder, decoder } = meta.config;
    const ctx = { checkpoint: dir, data: dataset.manifest.name, split: args.split, model: `${encoder}-${decoder}`, step: meta.progress.step };
    io.out(args.json ? JSON.stringify(evalJson(ctx, evaluation), null, 2) : evalTable(ctx, evaluation));
    if (args.results !== undefined) {
      const timeRuns = args['time-runs'];
      if (!Number.isInteger(timeRuns) || timeRuns < 1) throw new Error(`--time-runs must be a positive integer, got ${timeRuns}`);
      const file = readResultsFile(args.results); // refuse a damaged file before spending time
      const ms = await medianInferenceMs(model, split, timeRuns);
      const run = resultRun(meta, evaluation, { dataset: dataset.manifest.name, split: args.split, name: args.name, ms, backend: choice.name, argv, runDir: existsSync(join(args.checkpoint, 'log.jsonl')) ? args.checkpoint : null });
      writeResultsFile(args.results, withRun(file, run));
      if (!args.json) io.out(`eval: wrote ${run.name} (${run.dataset} ${run.split}, ${ms.toFixed(1)} ms per image) to ${args.results}`);
    }
    return 0;
  } finally {
    model.dispose();
  }
}

/** Median wall time of one single-image forward pass (after one untimed warm-up pass). */
export async function medianInferenceMs(model: SegNetModel, split: SplitData, runs: number): Promise<number> {
  const { height, width } = model.config;
  const image = imagesToTensor(split.images, 1, height, width); // [1, H, W, 3]
  const once = async (): Promise<number> => {
    const started = performance.now();
    await predictLabels(model, image);
    return performance.now() - started;
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    image.dispose();
  }
}

interface RunContext {
  dataset: string;
  split: string;
  name: string | undefined;
  ms: number;
  backend: string;
  argv: readonly string[];
  /** The run folder evaluated, when --checkpoint named one: the train command writes there. */
  runDir: string | null;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** What a checkpoint exported by factory/export.py records about the PyTorch run behind it. */
interface FactoryRecord {
  command?: string[];
  exportCommand?: string[];
  run?: { seed?: number; epochs?: number };
}

/** The train command as the run ended: a plateau run's length changed on resume (`--resume --epochs N`) is the run's own. */
function finalCommand(factory: FactoryRecord): string[] {
  const command = [...(factory.command ?? [])];
  const at = command.indexOf('--epochs');
  const epochs = factory.run?.epochs;
  if (at >= 0 && at + 1 < command.length && typeof epochs === 'number') command[at + 1] = String(epochs);
  return command;
}

/** A recorded Python command line, with the home folder written as ~ so that it reads on any machine. */
function pythonCommand(argv: readonly string[], root = process.cwd()): string {
  const home = homedir();
  // A path in this checkout (the queue names its trainer by absolute path) reads as one from the repository root.
  const word = (a: string): string =>
    a.startsWith(`${root}/`) ? shellQuote(a.slice(root.length + 1)) : home && a.startsWith(`${home}/`) ? `~/${shellQuote(a.slice(home.length + 1))}` : shellQuote(a);
  return ['python3', ...argv.map(word)].join(' ');
}

/**
 * The commands that made a checkpoint, before the eval: the factory's train and export for a
 * checkpoint trained by factory/ (PyTorch), else `npm run train` as recorded by the engine.
 */
export function trainingCommands(extra: Record<string, unknown>, runDir: string | null): string[] {
  const factory = extra.factory as FactoryRecord | undefined;
  if (factory && Array.isArray(factory.command)) {
    return [pythonCommand(finalCommand(factory)), ...(Array.isArray(factory.exportCommand) ? [pythonCommand(factory.exportCommand)] : [])];
  }
  const recorded = recordedOptions(extra);
  return recorded ? [`${trainCommand(recorded)}${runDir ? ` --out ${shellQuote(runDir)}` : ''}`] : [];
}

/** The training seed a checkpoint records (factory or engine), when it records one. */
export function recordedSeed(extra: Record<string, unknown>): number | undefined {
  const seed = (extra.factory as FactoryRecord | undefined)?.run?.seed ?? recordedOptions(extra)?.seed;
  return typeof seed === 'number' && Number.isInteger(seed) ? seed : undefined;
}

/** One row of the results file, with the commands that reproduce it. */
export function resultRun(meta: CheckpointMeta, e: SegmentationEvaluation, ctx: RunContext): ResultRun {
  const { encoder, decoder, height, width, widthMultiplier } = meta.config;
  const s = e.scores;
  const seed = recordedSeed(meta.extra);
  return {
    name: ctx.name ?? defaultRunName(encoder, decoder, widthMultiplier),
    encoder,
    decoder,
    dataset: ctx.dataset,
    split: ctx.split,
    height,
    width,
    parameters: countParameters(meta.config).total,
    step: meta.progress.step,
    ...(seed !== undefined ? { seed } : {}),
    globalAccuracy: finite(s.globalAccuracy),
    classAverageAccuracy: finite(s.classAverageAccuracy),
    meanIoU: finite(s.meanIoU),
    boundaryF1: finite(e.boundaryF1),
    classes: s.perClassIoU.map((iou, c) => ({ name: CLASS_NAMES[c] ?? `class ${c}`, iou: finite(iou) })),
    inferenceMs: { value: Math.round(ctx.ms * 10) / 10, backend: ctx.backend, ...(ctx.backend === 'wasm' || ctx.backend === 'cpu' ? { device: cpuName() } : {}) },
    commands: [...trainingCommands(meta.extra, ctx.runDir), `npm run eval -- ${ctx.argv.map(shellQuote).join(' ')}`],
  };
}

/** The processor the wasm and cpu backends ran on (a GPU backend's timing names no device). */
function cpuName(): string {
  const list = cpus();
  return list.length > 0 ? `${list[0]!.model.trim()}, ${list.length} cores` : 'unknown CPU';
}
