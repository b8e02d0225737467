/**
 * The eval CLI as a function of its arguments (scripts/eval.ts wires it to the process):
 * G, C, mIoU, BF, per-class scores and the confusion matrix of a checkpoint on a split.
 */
import { loadDatasetFromDir } from '../../src/data/node';
import { loadSegNet } from '../../src/segnet';
import { parseArgs } from './args';
import { checkpointFolder } from './checkpoint-files';
import { resolveDataDir } from './datasets';
import { evalJson, evalTable } from './eval-report';
import { evaluateSplit } from './evaluate-split';
import { checkpointDirOf } from './run-folder';
import { startBackend } from './start-backend';
import type { CliIo } from './train-cli';

export const EVAL_ARGS = {
  checkpoint: { type: 'string', help: 'a checkpoint folder (model.json + weights.bin), or a run folder' },
  split: { type: 'string', default: 'test', help: 'test | val | train' },
  data: { type: 'string', help: 'dataset folder name under public/data, or a path (default: the data the checkpoint was trained on)' },
  json: { type: 'boolean', default: false, help: 'print one JSON document instead of tables' },
  batch: { type: 'number', default: 8, help: 'images per forward pass' },
  backend: { type: 'string', help: 'webgpu | wasm | cpu (default: the first that starts, in that order)' },
} as const;

export const EVAL_USAGE = `npm run eval -- --checkpoint <dir> [--split test|val] [--data name] [--json]

Scores a checkpoint on a dataset split: G, C, mIoU and BF, per-class IoU, accuracy, precision
and BF, and the confusion matrix.`;

/** Runs the eval CLI; returns its exit status. */
export async function evalCli(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, EVAL_ARGS, EVAL_USAGE);
  if (args.checkpoint === undefined) throw new Error('--checkpoint is required (a checkpoint or run folder)');
  if (!Number.isInteger(args.batch) || args.batch < 1) throw new Error(`--batch must be a positive integer, got ${args.batch}`);
  const dir = checkpointDirOf(args.checkpoint, '--checkpoint');
  const { description } = await startBackend(args.backend);
  const { model, meta } = await loadSegNet(checkpointFolder(dir));
  try {
    const data = args.data ?? (meta.extra as { run?: { data?: string } }).run?.data;
    if (data === undefined) throw new Error(`--data: ${dir} does not record its training data; pass --data`);
    const dataDir = resolveDataDir(data);
    const dataset = await loadDatasetFromDir(dataDir, { splits: [args.split] });
    if (!args.json) io.out(`eval: ${description}`);
    const evaluation = await evaluateSplit(model, dataset.splits[args.split]!, args.batch);
    const { encoder, decoder } = meta.config;
    const ctx = { checkpoint: dir, data: dataset.manifest.name, split: args.split, model: `${encoder}-${decoder}`, step: meta.progress.step };
    io.out(args.json ? JSON.stringify(evalJson(ctx, evaluation), null, 2) : evalTable(ctx, evaluation));
    return 0;
  } finally {
    model.dispose();
  }
}
