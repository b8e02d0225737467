/**
 * The train CLI as a function of its arguments (scripts/train.ts wires it to the process:
 * argv, stdout/stderr, Ctrl-C), so tests can run it in-process.
 */
import type { TrainingController } from '../../src/segnet';
import { parseArgs } from './args';
import { runTraining } from './training-run';
import { setUpRun } from './run-setup';
import { startBackend } from './start-backend';
import { TRAIN_ARGS, type TrainArgs } from './train-options';

export const TRAIN_USAGE = `npm run train -- --encoder basic|vgg16 --decoder segnet|fcn|deeplab-largefov|deconvnet|bilinear
                 --data synthetic-96x128 [--resolution full|half] --epochs N --batch B --lr X
                 --optimizer momentum|adam|sgd --weights tutorial|median|none [--width-multiplier M]
                 [--resume run-or-checkpoint-or-file.unpooled]
                 [--init checkpoint] [--freeze-encoder] [--out runs/<name>] [--checkpoint-every N] [--augment]

Trains a SegNet-family model on a dataset folder, validating on its val split after every
epoch. Writes <out>/log.jsonl, <out>/checkpoint/ (for --resume) and, at the end, <out>/model/
(weights only) and <out>/run.unpooled (for the training studio's Import). Ctrl-C stops
after the current step and writes a checkpoint. A NaN loss, or one more than 10x the median
of the last 50 steps, stops the run and keeps the last good checkpoint.`;

export interface CliIo {
  /** Result lines (stdout). */
  out: (line: string) => void;
  /** Where the progress bar draws (stderr). */
  progress: NodeJS.WriteStream;
}

/** Exit status of each way a run ends. */
export const EXIT = { finished: 0, diverged: 1, interrupted: 130 } as const;

/** Runs the train CLI; returns its exit status. Errors in the arguments or data throw. */
export async function trainCli(argv: string[], io: CliIo, controller: TrainingController): Promise<number> {
  const args = parseArgs(argv, TRAIN_ARGS, TRAIN_USAGE) as TrainArgs;
  const { choice, description } = await startBackend(args.backend);
  if (!choice.canTrain) throw new Error(`backend ${choice.name} lacks the kernels training needs; pass --backend`);
  const setup = await setUpRun(args);
  try {
    io.out(`train: ${description}`);
    io.out(`train: ${setup.options.encoder} encoder, ${setup.options.decoder} decoder, ${setup.model.parameterCount().total} parameters, run folder ${setup.paths.dir}`);
    for (const note of setup.notes) io.out(`train: ${note}`);
    const outcome = await runTraining(setup, { info: (line) => io.out(`train: ${line}`), progress: io.progress, controller, backend: choice.name });
    io.out(`train: ${outcome.message}`);
    return EXIT[outcome.status];
  } finally {
    setup.model.dispose();
    setup.optimizer.dispose();
  }
}
